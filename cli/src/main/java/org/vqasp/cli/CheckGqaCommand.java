package org.vqasp.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.vqasp.core.Provenance;
import org.vqasp.eval.gqa.GqaEvaluation;
import org.vqasp.reasoning.gqa.GqaReasoner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vqa check gqa}: compiles and grounds every program of a GQA questions file. */
@Command(
        name = "gqa",
        mixinStandardHelpOptions = true,
        description = "Translate every GQA question's program (semantic, or parsed from semanticStr) to ASP and "
                + "ground it with the theory against an empty scene graph; report each failure (exit code 0 either "
                + "way: failures are results).")
final class CheckGqaCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--questions", required = true, paramLabel = "Q.json", description = "Questions file.")
    Path questions;

    @Option(names = "--programs", paramLabel = "SOURCE",
            description = "gold (the file's semantic programs, or its semanticStr; the default and only choice).")
    GqaEvaluation.Programs programs = GqaEvaluation.Programs.GOLD;

    @Mixin
    RunOptions run;

    @Override
    public Integer call() throws Exception {
        Provenance provenance = run.provenance(spec.commandLine(), questions, programs);
        run.reportCheck(spec.commandLine(), run.execute(spec.commandLine(), "check gqa", provenance,
                (options, progress) -> GqaEvaluation.check(questions, new GqaReasoner(), options, progress)));
        return 0;
    }
}
