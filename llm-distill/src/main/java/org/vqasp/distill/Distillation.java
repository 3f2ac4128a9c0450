package org.vqasp.distill;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import org.vqasp.core.ErrorKind;
import org.vqasp.core.InputException;
import org.vqasp.core.Progress;
import org.vqasp.core.VqaspException;
import org.vqasp.llm.ChatBackends;
import org.vqasp.llm.LlmClient;
import org.vqasp.reasoning.Theory;
import org.vqasp.reasoning.clingo.GuardedClingo;

/**
 * One distillation experiment, as in Eiter, Hadl, Higuera and Oetsch (arXiv 2410.09428): start from the full theory
 * with rules deleted (every rule of one predicate, or a random fraction with a seed), distil on N training
 * examples that the full theory answers, and measure test accuracy before and after.
 *
 * <p>The run directory holds {@code run.jsonl} (every prompt, reply, clingo message and decision),
 * {@code theory-000.lp} (the starting theory), {@code theory-NNN.lp} after each accepted change, {@code theory.lp}
 * (the final theory), {@code deleted.lp} (what was deleted), {@code provenance.json} and {@code summary.json}.
 * Running again with the same directory resumes a killed run from its last finished batch and ends with the
 * same theory as an uninterrupted run (the split, the deletion and the enumerative proposer are deterministic);
 * a finished run is not run again.
 */
public final class Distillation {

    /** The run log's file name. */
    public static final String RUN_LOG = RunDirectory.RUN_LOG;
    /** The summary's file name. */
    public static final String SUMMARY = RunDirectory.SUMMARY;

    /** Makes the proposer of a run. */
    @FunctionalInterface
    public interface ProposerFactory {
        /**
         * Makes a proposer.
         *
         * @param judge the run's checks
         * @param modes the theory's mode bias ({@code modes.lp}), or null when it has none
         * @return the proposer
         */
        RuleProposer create(Judge judge, String modes);
    }

    private final DistillConfig config;
    private final ProposerFactory factory;
    private final Map<String, String> env;

    /**
     * Creates an experiment with a given proposer factory.
     *
     * @param config the configuration
     * @param factory makes the proposer
     * @param env the environment (where API keys are read, and masked in the log)
     */
    public Distillation(DistillConfig config, ProposerFactory factory, Map<String, String> env) {
        this.config = Objects.requireNonNull(config, "config");
        this.factory = Objects.requireNonNull(factory, "factory");
        this.env = Map.copyOf(Objects.requireNonNull(env, "env"));
    }

    /** Creates an experiment with the proposer the configuration names. */
    public static Distillation of(DistillConfig config, Map<String, String> env) {
        ProposerFactory f = config.proposer() == DistillConfig.ProposerKind.ENUMERATIVE
                ? (judge, modes) -> {
                    if (modes == null) {
                        throw new InputException(ErrorKind.MISSING_MODES, "the enumerative proposer needs the theory's mode bias"
                                + " (modes.lp next to theory.lp)");
                    }
                    return new EnumerativeProposer(judge, modes, config.bounds());
                }
                : (judge, modes) -> new LlmProposer(LlmClient.of(config.llm(), env));
        return new Distillation(config, f, env);
    }

    /**
     * Runs (or resumes) the experiment.
     *
     * @param progress progress of the evaluations and the loop
     * @return the summary
     * @throws InputException when a file is missing or the run directory holds a different run
     * @throws org.vqasp.llm.LlmException when the language model cannot be reached or refuses (the run can be resumed)
     */
    public DistillSummary run(Progress progress) {
        RunDirectory dir = RunDirectory.open(config.out());
        String[] theoryAndModes = theory();
        String full = theoryAndModes[0];
        String modes = theoryAndModes[1];
        TheoryText fullText = TheoryText.parse(full);
        List<Statement> deleted = deletion(fullText);
        String start = fullText.without(deleted).text();
        ObjectNode fingerprint = config.fingerprint(full);
        if (!dir.isNew() && !fingerprint.toString().equals(dir.startConfig().toString())) {
            throw new InputException(ErrorKind.DIFFERENT_RUN, dir.path() + " holds a different run ("
                    + dir.startConfig() + "); use another --out");
        }
        DistillSummary finished = dir.finishedSummary();
        if (finished != null) {
            return finished;
        }
        List<String> secrets = new ArrayList<>();
        secrets.add(env.get(ChatBackends.OPENAI_KEY));
        secrets.add(env.get(ChatBackends.ANTHROPIC_KEY));
        try (GuardedClingo clingo = GuardedClingo.create(config.limits());
                RunLog log = RunLog.open(dir.log(), secrets)) {
            Judge judge = new Judge(clingo, 4, 1);
            if (dir.isNew()) {
                log.write("start", o -> {
                    o.set("config", fingerprint);
                    o.put("deleted_rules", deleted.size());
                    o.put("conventions", Prompts.CONVENTIONS);
                });
                dir.writeStart(start, deleted);
                config.provenance(full, clingo.version()).write(dir.path());
            } else {
                JsonNode last = dir.last("batch_done");
                int from = last == null ? 0 : last.path("next_batch").asInt();
                log.write("resumed", o -> o.put("from_batch", from).put("events_before", dir.events().size()));
            }
            List<List<Example>> split = split(dir, full, judge, log, progress);
            List<Example> train = split.get(0);
            List<Example> test = split.get(1);
            double fullAcc = accuracy(dir, "full", full, test, judge, log, progress);
            double beforeAcc = accuracy(dir, "before", start, test, judge, log, progress);
            RuleProposer proposer = factory.create(judge, modes);
            Distiller loop = new Distiller(judge, new SafetyScreen(), proposer, config.loop(), log, dir);
            Distiller.State end = loop.run(train, dir.loopState(start), progress);
            double afterAcc = accuracy(null, "after", end.theory(), test, judge, log, progress);
            DistillSummary summary = new DistillSummary(config.seed(), config.describeDeletion(), deleted.size(), fullAcc,
                    beforeAcc, afterAcc, test.size(), train.size(), end.solved().size(), end.counters(), proposer.name(),
                    end.seconds());
            dir.writeEnd(end.theory(), summary);
            log.write("end", o -> o.set("summary", summary.toJson()));
            return summary;
        }
    }

    /** Returns the full theory's text and its mode bias (or null). */
    private String[] theory() {
        String dir = config.dataset().asp().name();
        if (config.theoryDir() == null) {
            String modes;
            try {
                modes = Theory.resource(dir + "/modes.lp").text();
            } catch (VqaspException e) {
                modes = null;
            }
            return new String[] {Theory.resource(dir + "/theory.lp").text(), modes};
        }
        Path p = config.theoryDir();
        Path theoryFile = Files.isDirectory(p) ? p.resolve("theory.lp") : p;
        Path modesFile = (Files.isDirectory(p) ? p : p.toAbsolutePath().getParent()).resolve("modes.lp");
        String theory = Theory.load(theoryFile).text();
        String modes = Files.exists(modesFile) ? Theory.load(modesFile).text() : null;
        return new String[] {theory, modes};
    }

    private List<Statement> deletion(TheoryText full) {
        if (config.deletePredicate() != null) {
            List<Statement> d = full.definitionsOf(config.deletePredicate());
            if (d.isEmpty()) {
                throw new InputException(ErrorKind.BAD_PREDICATE, "--delete-predicate " + config.deletePredicate()
                        + ": no statement of the theory defines it");
            }
            return d;
        }
        if (config.deleteFraction() != null) {
            return full.randomRules(config.deleteFraction(), config.seed());
        }
        return List.of();
    }

    /**
     * Returns the training and test examples: those an earlier session chose, or new ones (logged): the questions
     * shuffled with the seed, the first {@code test} for testing, and the first {@code train} of the rest that the
     * full theory answers for training.
     */
    private List<List<Example>> split(RunDirectory dir, String full, Judge judge, RunLog log, Progress progress) {
        List<Example> all = Example.load(config.dataset().asp(), config.questions(), config.scenes());
        JsonNode earlier = dir.first("split");
        if (earlier != null) {
            Map<String, Example> byId = new HashMap<>();
            all.forEach(e -> byId.put(e.id(), e));
            return List.of(RunDirectory.examples(earlier.path("train"), byId),
                    RunDirectory.examples(earlier.path("test"), byId));
        }
        List<Example> order = new ArrayList<>(all);
        Collections.shuffle(order, new Random(config.seed()));
        int t = Math.min(config.test(), order.size());
        List<Example> test = new ArrayList<>(order.subList(0, t));
        List<Example> rest = order.subList(t, order.size());
        List<Example> train = new ArrayList<>();
        for (int i = 0; i < rest.size() && train.size() < config.train(); i += 50) {
            List<Example> chunk = rest.subList(i, Math.min(rest.size(), i + 50));
            Judge.Evaluation e = judge.evaluate(full, "", chunk);
            for (int j = 0; j < chunk.size() && train.size() < config.train(); j++) {
                if (e.verdicts().get(j).correct()) {
                    train.add(chunk.get(j));
                }
            }
            progress.update(train.size(), config.train(), "choosing training examples");
        }
        if (train.isEmpty()) {
            throw new InputException(ErrorKind.EMPTY_INPUT, config.questions() + ": no question left for training that the "
                    + "full theory answers");
        }
        log.write("split", o -> {
            ArrayNode a = o.putArray("train");
            train.forEach(x -> a.add(x.id()));
            ArrayNode b = o.putArray("test");
            test.forEach(x -> b.add(x.id()));
        });
        return List.of(train, test);
    }

    /**
     * Returns the test accuracy of a theory: the one an earlier session measured (when {@code dir} is given), or a
     * new measurement, logged.
     */
    private static double accuracy(RunDirectory dir, String which, String theory, List<Example> test, Judge judge,
            RunLog log, Progress progress) {
        Double earlier = dir == null ? null : dir.accuracy(which);
        if (earlier != null) {
            return earlier;
        }
        int correct = 0;
        for (int i = 0; i < test.size(); i += judge.callSize()) {
            List<Example> chunk = test.subList(i, Math.min(test.size(), i + judge.callSize()));
            correct += judge.evaluate(theory, "", chunk).correct();
            progress.update(Math.min(test.size(), i + judge.callSize()), test.size(), "test accuracy (" + which + ")");
        }
        double acc = test.isEmpty() ? 0 : (double) correct / test.size();
        log.write("evaluation", o -> o.put("which", which).put("accuracy", acc).put("questions", test.size()));
        return acc;
    }
}
