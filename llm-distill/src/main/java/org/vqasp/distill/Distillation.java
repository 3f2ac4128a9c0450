package org.vqasp.distill;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
import org.vqasp.core.Provenance;
import org.vqasp.core.VqaspException;
import org.vqasp.core.io.AtomicFiles;
import org.vqasp.core.io.Hashes;
import org.vqasp.llm.LlmClient;
import org.vqasp.llm.LlmSettings;
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
    public static final String RUN_LOG = "run.jsonl";
    /** The summary's file name. */
    public static final String SUMMARY = "summary.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

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
        Path out = config.out();
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new InputException(ErrorKind.UNWRITABLE, out + ": cannot create the run directory (" + e.getMessage() + ")");
        }
        Path logFile = out.resolve(RUN_LOG);
        List<JsonNode> events = RunLog.read(logFile);
        String[] theoryAndModes = theory();
        String full = theoryAndModes[0];
        String modes = theoryAndModes[1];
        TheoryText fullText = TheoryText.parse(full);
        List<Statement> deleted = deletion(fullText);
        String start = fullText.without(deleted).text();
        ObjectNode fingerprint = fingerprint(full);
        JsonNode first = events.isEmpty() ? null : events.get(0);
        if (first != null && !fingerprint.toString().equals(first.path("config").toString())) {
            throw new InputException(ErrorKind.DIFFERENT_RUN, out + " holds a different run (" + first.path("config")
                    + "); use another --out");
        }
        if (first != null && find(events, "end") != null && Files.exists(out.resolve(SUMMARY))) {
            try {
                return DistillSummary.fromJson(JSON.readTree(out.resolve(SUMMARY).toFile()));
            } catch (IOException e) {
                throw new VqaspException(ErrorKind.IO, "cannot read " + out.resolve(SUMMARY) + ": " + e.getMessage(), e);
            }
        }
        List<String> secrets = new ArrayList<>();
        secrets.add(env.get("OPENAI_API_KEY"));
        secrets.add(env.get("ANTHROPIC_API_KEY"));
        try (GuardedClingo clingo = GuardedClingo.create(config.limits());
                RunLog log = RunLog.open(logFile, secrets)) {
            Judge judge = new Judge(clingo, 4, 1);
            if (first == null) {
                log.write("start", o -> {
                    o.set("config", fingerprint);
                    o.put("deleted_rules", deleted.size());
                    o.put("conventions", Prompts.CONVENTIONS);
                });
                AtomicFiles.write(out.resolve("theory-000.lp"), start);
                StringBuilder d = new StringBuilder("% statements deleted from the full theory\n");
                deleted.forEach(s -> d.append(s.text()).append('\n'));
                AtomicFiles.write(out.resolve("deleted.lp"), d.toString());
                provenance(clingo, full).write(out);
            } else {
                JsonNode last = lastOf(events, "batch_done");
                int from = last == null ? 0 : last.path("next_batch").asInt();
                log.write("resumed", o -> o.put("from_batch", from).put("events_before", events.size()));
            }
            List<? extends Example> all = examples();
            Map<String, Example> byId = new HashMap<>();
            for (Example e : all) {
                byId.put(e.id(), e);
            }
            JsonNode split = find(events, "split");
            List<Example> train;
            List<Example> test;
            if (split == null) {
                List<List<Example>> s = split(all, full, judge, progress);
                train = s.get(0);
                test = s.get(1);
                log.write("split", o -> {
                    ArrayNode a = o.putArray("train");
                    train.forEach(e -> a.add(e.id()));
                    ArrayNode b = o.putArray("test");
                    test.forEach(e -> b.add(e.id()));
                });
            } else {
                train = ids(split.path("train"), byId);
                test = ids(split.path("test"), byId);
            }
            double fullAcc = evaluation(events, "full", full, test, judge, log, progress);
            double beforeAcc = evaluation(events, "before", start, test, judge, log, progress);
            Distiller.State state = state(events, start, out);
            RuleProposer proposer = factory.create(judge, modes);
            Distiller loop = new Distiller(judge, new SafetyScreen(), proposer, config.loop(), log, out);
            Distiller.State end = loop.run(train, state, progress);
            AtomicFiles.write(out.resolve("theory.lp"), end.theory());
            double afterAcc = accuracy(end.theory(), test, judge, "after", progress);
            log.write("evaluation", o -> o.put("which", "after").put("accuracy", afterAcc).put("questions", test.size()));
            DistillSummary summary = new DistillSummary(config.seed(), describeDeletion(), deleted.size(), fullAcc,
                    beforeAcc, afterAcc, test.size(), train.size(), end.solved().size(), end.counters(), proposer.name(),
                    end.seconds());
            AtomicFiles.writeJson(out.resolve(SUMMARY), summary.toJson());
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

    private String describeDeletion() {
        if (config.deletePredicate() != null) {
            return "predicate " + config.deletePredicate();
        }
        if (config.deleteFraction() != null) {
            return String.format("%.0f%% of the rules", 100 * config.deleteFraction());
        }
        return "nothing";
    }

    private ObjectNode fingerprint(String full) {
        ObjectNode o = JSON.createObjectNode();
        o.put("dataset", config.dataset().name().toLowerCase());
        o.put("questions", config.questions().toAbsolutePath().normalize().toString());
        o.put("scenes", config.scenes().toAbsolutePath().normalize().toString());
        o.put("theory_sha256", Hashes.sha256(full));
        o.put("deleted", describeDeletion());
        o.put("seed", config.seed());
        o.put("train", config.train());
        o.put("test", config.test());
        o.put("batch", config.loop().batch());
        o.put("retries", config.loop().retries());
        o.put("repairs", config.loop().repairs());
        o.put("proposer", config.proposer() == DistillConfig.ProposerKind.ENUMERATIVE ? "enumerative"
                : config.llm().name());
        if (config.proposer() == DistillConfig.ProposerKind.ENUMERATIVE) {
            EnumerativeProposer.Bounds b = config.bounds();
            o.put("bounds", b.maxBody() + "/" + b.maxVariables() + "/" + b.maxCandidates() + "/" + b.chunk());
        }
        return o;
    }

    private Provenance provenance(GuardedClingo clingo, String full) {
        Provenance p = new Provenance(config.commandLine(), config.seed());
        p.input("questions", config.questions());
        p.input(config.dataset() == DistillConfig.Dataset.CLEVR ? "scenes" : "scene_graphs", config.scenes());
        p.input("theory", JSON.createObjectNode().put("path", config.theoryDir() == null ? "bundled"
                : config.theoryDir().toAbsolutePath().normalize().toString()).put("sha256", Hashes.sha256(full)));
        p.config(fingerprint(full));
        if (config.llm() != null && config.proposer() == DistillConfig.ProposerKind.LLM) {
            LlmSettings s = config.llm();
            p.put("llm", JSON.createObjectNode().put("provider", s.provider().name().toLowerCase())
                    .put("base_url", s.baseUrl()).put("model", s.model()).put("temperature", s.temperature())
                    .put("timeout_seconds", s.timeout().toSeconds()).put("max_tokens", s.maxTokens()));
        }
        p.put("limits", JSON.createObjectNode().put("wall_seconds", config.limits().wallTime().toMillis() / 1000.0)
                .put("memory_bytes", config.limits().memoryBytes()));
        p.version("clingo", clingo.version());
        return p;
    }

    private List<Example> examples() {
        return Example.load(config.dataset().asp(), config.questions(), config.scenes());
    }

    /**
     * Shuffles the questions with the seed; the first {@code test} are the test questions, and the training
     * examples are the first {@code train} of the rest that the full theory answers.
     */
    private List<List<Example>> split(List<? extends Example> all, String full, Judge judge, Progress progress) {
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
        return List.of(train, test);
    }

    private double evaluation(List<JsonNode> events, String which, String theory, List<Example> test, Judge judge,
            RunLog log, Progress progress) {
        for (JsonNode e : events) {
            if ("evaluation".equals(e.path("event").asText()) && which.equals(e.path("which").asText())) {
                return e.path("accuracy").asDouble();
            }
        }
        double acc = accuracy(theory, test, judge, which, progress);
        log.write("evaluation", o -> o.put("which", which).put("accuracy", acc).put("questions", test.size()));
        return acc;
    }

    private static double accuracy(String theory, List<Example> test, Judge judge, String label, Progress progress) {
        int correct = 0;
        for (int i = 0; i < test.size(); i += judge.callSize()) {
            List<Example> chunk = test.subList(i, Math.min(test.size(), i + judge.callSize()));
            correct += judge.evaluate(theory, "", chunk).correct();
            progress.update(Math.min(test.size(), i + judge.callSize()), test.size(), "test accuracy (" + label + ")");
        }
        return test.isEmpty() ? 0 : (double) correct / test.size();
    }

    private Distiller.State state(List<JsonNode> events, String start, Path out) {
        JsonNode last = lastOf(events, "batch_done");
        if (last == null) {
            return Distiller.State.start(start);
        }
        int snapshots = last.path("snapshots").asInt();
        String theory = snapshots == 0 ? start : read(out.resolve(String.format("theory-%03d.lp", snapshots)));
        if (!Hashes.sha256(theory).equals(last.path("theory_sha256").asText())) {
            throw new InputException(ErrorKind.BAD_RESUME, out + ": theory snapshot " + snapshots
                    + " does not match the run log; the run cannot be resumed");
        }
        List<String> solved = new ArrayList<>();
        last.path("solved").forEach(n -> solved.add(n.asText()));
        return new Distiller.State(last.path("next_batch").asInt(), theory, snapshots, solved,
                Counters.fromJson(last.path("counters")), last.path("seconds").asDouble());
    }

    private static List<Example> ids(JsonNode a, Map<String, Example> byId) {
        List<Example> out = new ArrayList<>();
        for (JsonNode n : a) {
            Example e = byId.get(n.asText());
            if (e == null) {
                throw new InputException(ErrorKind.BAD_RESUME, "the run log names question " + n.asText()
                        + ", which the questions file no longer has");
            }
            out.add(e);
        }
        return out;
    }

    private static JsonNode find(List<JsonNode> events, String name) {
        for (JsonNode e : events) {
            if (name.equals(e.path("event").asText())) {
                return e;
            }
        }
        return null;
    }

    private static JsonNode lastOf(List<JsonNode> events, String name) {
        JsonNode last = null;
        for (JsonNode e : events) {
            if (name.equals(e.path("event").asText())) {
                last = e;
            }
        }
        return last;
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InputException(ErrorKind.BAD_RESUME, p + ": cannot be read (" + e.getMessage() + ")");
        }
    }
}
