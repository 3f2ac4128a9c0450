package org.vqasp.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.vqasp.core.Progress;
import org.vqasp.core.io.AtomicFiles;
import org.vqasp.distill.DistillConfig;
import org.vqasp.distill.DistillSummary;
import org.vqasp.distill.Distillation;
import org.vqasp.distill.Distiller;
import org.vqasp.distill.EnumerativeProposer;
import org.vqasp.distill.PredicateSelector;
import org.vqasp.distill.ResultsTable;
import org.vqasp.llm.LlmSettings;
import org.vqasp.reasoning.clingo.GuardedClingo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code vqa distill}: a rule-distillation run (or one per seed, with a table). */
@Command(
        name = "distill",
        mixinStandardHelpOptions = true,
        description = {
            "Rule distillation: an LLM or an enumerator re-learns deleted rules of the theory, clingo judges.",
            "Deletes rules from the theory, lets a proposer (a language model, or an offline "
                    + "enumeration of rules over the theory's predicates) propose rules from training examples, "
                    + "check them with clingo in guarded child processes, and measure test accuracy before and after.",
            "The run directory holds run.jsonl (every prompt, reply, clingo message and decision), theory-NNN.lp "
                    + "after each accepted change, theory.lp and summary.json; re-run with the same --out to resume. "
                    + "Several seeds (--seed 1,2,3) run in DIR/seed-S and add DIR/table.md and DIR/table.json.",
            "API keys come only from OPENAI_API_KEY and ANTHROPIC_API_KEY."
        })
final class DistillCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--dataset", paramLabel = "NAME", description = "clevr (default) or gqa.")
    DistillConfig.Dataset dataset = DistillConfig.Dataset.CLEVR;

    @Option(names = "--questions", required = true, paramLabel = "Q.json", description = "Questions file (released layout).")
    Path questions;

    @Option(names = "--scenes", paramLabel = "S.json", description = "CLEVR scenes file.")
    Path scenes;

    @Option(names = "--scene-graphs", paramLabel = "SG.json", description = "GQA scene-graphs file.")
    Path sceneGraphs;

    @Option(names = "--theory", paramLabel = "DIR",
            description = "Theory directory with theory.lp (and modes.lp for the enumerative proposer); "
                    + "default: the bundled theory.")
    Path theory;

    @Option(names = "--delete-predicate", paramLabel = "NAME", description = "Delete every rule of a predicate "
            + "(NAME or NAME/ARITY), such as filter_color.")
    String deletePredicate;

    @Option(names = "--delete-fraction", paramLabel = "F", description = "Delete a fraction F of the rules at random "
            + "(with the seed).")
    Double deleteFraction;

    @Option(names = "--seed", paramLabel = "S", split = ",", description = "Seed of the split and of random deletion; "
            + "several (1,2,3) run one experiment each (default: 0).")
    List<Long> seeds = new ArrayList<>(List.of(0L));

    @Option(names = "--train", paramLabel = "N", description = "Training examples (default: 20).")
    int train = 20;

    @Option(names = "--test", paramLabel = "N", description = "Test questions (default: 500).")
    int test = 500;

    @Option(names = "--batch", paramLabel = "K", description = "Examples per proposal (default: 1 with --proposer "
            + "llm; every training example with the enumerative proposer, which needs several to tell a right rule "
            + "from one that fits by chance).")
    Integer batch;

    @Option(names = "--retries", paramLabel = "R", description = "Fresh proposals after a refused one (default: 2).")
    int retries = 2;

    @Option(names = "--repairs", paramLabel = "M", description = "Re-prompts with clingo's feedback, per check "
            + "(default: 2).")
    int repairs = 2;

    @Option(names = "--proposer", paramLabel = "KIND", description = "enumerative (default, offline) or llm.")
    DistillConfig.ProposerKind proposer = DistillConfig.ProposerKind.ENUMERATIVE;

    @Mixin
    LlmOptions llmOptions;

    @Option(names = "--max-body", paramLabel = "N", description = "Enumerative: most body literals (default: 4).")
    int maxBody = EnumerativeProposer.Bounds.DEFAULT.maxBody();

    @Option(names = "--max-vars", paramLabel = "N", description = "Enumerative: most variables of a rule (default: 4).")
    int maxVars = EnumerativeProposer.Bounds.DEFAULT.maxVariables();

    @Option(names = "--clingo-timeout", paramLabel = "SECONDS", description = "Wall-clock limit of each guarded "
            + "clingo run (default: 20).")
    int clingoTimeout = 20;

    @Option(names = "--clingo-memory", paramLabel = "MB", description = "Memory limit of each guarded clingo run "
            + "(default: 2048).")
    long clingoMemory = 2048;

    @Option(names = "--out", paramLabel = "DIR", description = "Run directory (default: a new one under runs/); "
            + "the same directory resumes.")
    Path out;

    @Mixin
    JsonOption json;

    @Mixin
    ReportOption report;

    @Override
    public Integer call() throws Exception {
        Path sceneFile = dataset == DistillConfig.Dataset.CLEVR ? scenes : sceneGraphs;
        if (sceneFile == null) {
            throw new ParameterException(spec.commandLine(), dataset == DistillConfig.Dataset.CLEVR
                    ? "--dataset clevr needs --scenes S.json" : "--dataset gqa needs --scene-graphs SG.json");
        }
        PredicateSelector deleteP;
        try {
            deleteP = deletePredicate == null ? null : PredicateSelector.parse(deletePredicate);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--delete-predicate: " + e.getMessage());
        }
        Path dir = out != null ? out : Path.of("runs", "distill-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        LlmSettings settings = null;
        if (proposer == DistillConfig.ProposerKind.LLM) {
            try {
                settings = llmOptions.settings();
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
        }
        List<String> commandLine = new ArrayList<>(List.of("vqa"));
        commandLine.addAll(spec.commandLine().getParseResult().originalArgs());
        List<DistillSummary> summaries = new ArrayList<>();
        PrintWriter w = spec.commandLine().getOut();
        for (long seed : seeds) {
            DistillConfig config;
            try {
                config = DistillConfig.builder()
                        .setData(dataset, questions, sceneFile)
                        .setOut(seeds.size() == 1 ? dir : dir.resolve("seed-" + seed))
                        .optTheoryDir(theory)
                        .optDeletePredicate(deleteP)
                        .optDeleteFraction(deleteFraction)
                        .optSeed(seed)
                        .optTrain(train)
                        .optTest(test)
                        .optLoop(new Distiller.Options(batch != null ? batch : DistillConfig.defaultBatch(proposer, train),
                                retries, repairs, Distiller.Options.DEFAULT.explainAtoms()))
                        .optProposer(proposer, settings)
                        .optBounds(new EnumerativeProposer.Bounds(maxBody, maxVars,
                                EnumerativeProposer.Bounds.DEFAULT.maxCandidates(), EnumerativeProposer.Bounds.DEFAULT.chunk()))
                        .optLimits(new GuardedClingo.Limits(Duration.ofSeconds(clingoTimeout), clingoMemory << 20,
                                GuardedClingo.Limits.DEFAULT.outputBytes()))
                        .optCommandLine(commandLine)
                        .build();
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            Progress progress = json.stdout() ? Progress.NONE : TerminalProgress.forTerminal("distill seed " + seed);
            DistillSummary s;
            try {
                s = Distillation.of(config, System.getenv()).run(progress);
            } finally {
                TerminalProgress.finish(progress);
            }
            summaries.add(s);
            if (!json.stdout()) {
                w.printf("seed %d: test accuracy %.1f%% before, %.1f%% after (full theory %.1f%%), %d rules accepted; %s%n",
                        seed, 100 * s.beforeAccuracy(), 100 * s.afterAccuracy(), 100 * s.fullAccuracy(),
                        s.counters().acceptedRules(), config.out());
                w.flush();
            }
        }
        if (seeds.size() > 1) {
            AtomicFiles.write(dir.resolve("table.md"), ResultsTable.markdown(summaries));
            AtomicFiles.writeJson(dir.resolve("table.json"), ResultsTable.json(summaries));
        }
        json.emit(w, seeds.size() > 1 ? ResultsTable.json(summaries) : summaries.get(0).toJson());
        if (!json.stdout()) {
            w.println();
            w.print(ResultsTable.markdown(summaries));
        }
        report.finish(w, dir, json.stdout());
        return 0;
    }
}
