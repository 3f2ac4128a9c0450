package org.vqasp.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.vqasp.core.Provenance;
import org.vqasp.eval.clevr.ClevrEvaluation;
import org.vqasp.reasoning.clevr.ClevrReasoner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vqa check clevr}: compiles and grounds every program of a CLEVR questions file. */
@Command(
        name = "clevr",
        mixinStandardHelpOptions = true,
        description = "Translate every CLEVR question's program (gold or parsed) to ASP and ground it with the "
                + "theory against an empty scene; report each failure (exit code 0 either way: failures are results).")
final class CheckClevrCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--questions", required = true, paramLabel = "Q.json", description = "Questions file.")
    Path questions;

    @Option(names = "--programs", paramLabel = "SOURCE",
            description = "gold (the file's programs, default) or parsed (parsed from the question text).")
    ClevrEvaluation.Programs programs = ClevrEvaluation.Programs.GOLD;

    @Mixin
    RunOptions run;

    @Override
    public Integer call() throws Exception {
        Provenance provenance = run.provenance(spec.commandLine(), questions, programs);
        run.reportCheck(spec.commandLine(), run.execute(spec.commandLine(), "check clevr", provenance,
                (options, progress) -> ClevrEvaluation.check(questions, programs, new ClevrReasoner(), options, progress)));
        return 0;
    }
}
