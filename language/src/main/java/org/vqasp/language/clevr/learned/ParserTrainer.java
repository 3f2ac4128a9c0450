package org.vqasp.language.clevr.learned;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vqasp.core.ErrorKind;
import org.vqasp.core.InputException;
import org.vqasp.core.VqaspException;
import org.vqasp.core.clevr.Program;
import org.vqasp.language.Parse;
import org.vqasp.language.clevr.ClevrQuestionParser;
import org.vqasp.language.clevr.grammar.ClevrGrammarParser;
import org.vqasp.language.clevr.ParseResult;
import org.vqasp.language.clevr.learned.ParserTrainingData.Example;
import org.vqasp.language.clevr.learned.ParserTrainingData.HumanQuestion;
import org.vqasp.language.clevr.learned.ProgramGrammar.Token;
import org.vqasp.core.io.AtomicFiles;
import org.vqasp.nn.AdamW;
import org.vqasp.nn.LossLog;
import org.vqasp.nn.TrainingCheckpoint;
import org.vqasp.world.questions.ReferenceExecutor;
import org.vqasp.world.questions.TemplateLibrary;

/**
 * Trains a {@link ParserNet}: the harness behind {@code vqa train parser}.
 *
 * <p>The run learns from generated questions with their programs, each paraphrased afresh when drawn
 * ({@link Paraphraser}), and from human questions labelled by answer search ({@link AnswerSearchLabeller}) with
 * the model being trained as the scorer: {@code labelRounds} times, evenly spaced over the run, the human training
 * questions are labelled again and the labels replace the previous ones; from the first round on, a share
 * {@code humanFraction} of every pool of examples is drawn from them. With {@code selfTrain > 0}, that many
 * unlabelled human questions are read by the teacher parsers (the exact template parser, then the grammar parser)
 * and kept when the program's answer type is the given answer's; a share
 * {@code selfTrainFraction} of every pool is drawn from them.
 *
 * <p>Examples are drawn in pools of 64 batches; a pool is paraphrased, grouped into batches of questions of one
 * length (so the encoder needs no padding mask) and shuffled, all from (seed, pool index). The loss is the
 * cross-entropy of the grammar-constrained softmax; the learning rate warms up linearly and then follows a cosine
 * to 5% of its peak.
 *
 * <p>What the model directory holds: {@code config.json}, {@code words.json} and {@code parser-net.params} (the
 * model, written at every validation and at the end), {@code labels-N.jsonl} (each round's labels),
 * {@code metrics.json} (validations and the threshold sweep, rewritten whole at each validation),
 * {@code loss.jsonl} (every step's loss, appended as the run goes: {@link LossLog}), {@code provenance.json},
 * {@code README.md} (the model card) and {@code checkpoint/}. Running again with the same directory resumes from the checkpoint and takes
 * the same steps an uninterrupted run would; the data must hash the same and the model, batch size, seed and
 * learning rate must not change.
 */
public final class ParserTrainer {

    private static final Logger LOG = LoggerFactory.getLogger(ParserTrainer.class);
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final String CHECKPOINT = "checkpoint";
    private static final int POOL_BATCHES = 64;
    private static final int GENERATED_VALIDATION = 300;
    private static final double WORD_DROPOUT = 0.03;

    private ParserTrainer() {
    }

    /** Receives progress; the command line prints it. */
    public interface Listener {
        /** One line of news. */
        void message(String line);

        /** After each step. */
        void step(long step, long totalSteps, double loss, double examplesPerSecond, double etaSeconds);

        /** After each validation. */
        void validation(long step, Validation v);
    }

    /**
     * Validation results.
     *
     * @param generatedExact share of generated validation questions read as exactly their program
     * @param generatedQuestions how many were read
     * @param humanAccuracy share of human validation questions answered right over their gold scenes by the best
     *     program (no threshold)
     * @param humanQuestions how many
     * @param humanLabelled human training questions labelled in the latest round
     */
    public record Validation(double generatedExact, int generatedQuestions, double humanAccuracy, int humanQuestions,
            int humanLabelled) {
        /** One line. */
        public String summary() {
            return String.format(Locale.ROOT, "generated exact %.2f%% (%d); human answers %.2f%% (%d); labelled %d",
                    100 * generatedExact, generatedQuestions, 100 * humanAccuracy, humanQuestions, humanLabelled);
        }
    }

    /**
     * What a run produced.
     *
     * @param modelDir the model directory
     * @param validation the last validation
     * @param threshold the confidence threshold chosen on the human validation questions
     * @param steps optimiser steps in all sessions
     * @param seconds training seconds in all sessions
     * @param resumed whether this session resumed a checkpoint
     */
    public record Result(Path modelDir, Validation validation, double threshold, long steps, double seconds,
            boolean resumed) {
    }

    /** Loop position and history, saved with each checkpoint. */
    private static final class State {
        boolean resumed;
        long step;
        int pool;
        int batchInPool;
        int rounds;
        double lossSum;
        int lossCount;
        double seconds;
        List<ObjectNode> history = new ArrayList<>();
        List<ObjectNode> sessions = new ArrayList<>();
        List<ObjectNode> roundReports = new ArrayList<>();
    }

    /**
     * Trains, or resumes training, as configured.
     *
     * @throws InputException when data is missing or unreadable, or the checkpoint belongs to another run
     */
    public static Result train(ParserTrainConfig c, Listener listener) {
        Instant started = Instant.now();
        ProgramGrammar grammar = ProgramGrammar.runnable();
        ParserTrainingData data = ParserTrainingData.load(c, grammar, teacher(), listener::message);
        String dataHash = data.combinedHash();
        Engine.getInstance().setRandomSeed((int) c.seed());
        ParserNetConfig nc = c.net(data.vocabulary.size(), grammar.size());
        try (NDManager manager = NDManager.newBaseManager()) {
            ParserNet net = new ParserNet(nc);
            net.initialize(manager, c.batchSize(), 8, 8);
            long parameters = net.getParameters().stream().mapToLong(p -> p.getValue().getArray().size()).sum();
            listener.message(String.format(Locale.ROOT, "model: %,d parameters (%.1f MB float32)", parameters,
                    parameters * 4 / 1e6));
            Files.createDirectories(c.out());
            State state = new State();
            try (AdamW optimizer = new AdamW(manager, net.getParameters(), (float) c.weightDecay());
                    LossLog lossLog = LossLog.open(c.out(), resume(c, dataHash, net, optimizer, manager, state))) {
                boolean resumed = state.resumed;
                if (resumed) {
                    listener.message("resumed at step " + state.step + " (labelling rounds done: " + state.rounds + ")");
                }
                ObjectNode session = MAPPER.createObjectNode();
                ArrayNode cmd = session.putArray("command_line");
                c.commandLine().forEach(cmd::add);
                session.put("started", started.toString());
                session.put("from_step", state.step);
                state.sessions.add(session);
                ParameterStore ps = new ParameterStore(manager, false);
                Run run = new Run(c, data, grammar, net, ps, manager);
                List<Example> labels = state.rounds > 0 ? run.readLabels(state.rounds) : List.of();
                long sessionStart = System.nanoTime();
                double secondsBefore = state.seconds;
                long stepsAtStart = state.step;
                long examples = 0;
                Validation last = null;
                List<List<ParserBatch.Item>> pool = null;
                while (state.step < c.steps()) {
                    if (state.batchInPool == 0 && state.rounds < c.labelRounds() && !data.humanTrain.isEmpty()
                            && state.step >= (long) (state.rounds + 1) * c.steps() / (c.labelRounds() + 1)) {
                        labels = run.labelRound(state.rounds + 1, listener, state);
                        state.rounds++;
                        checkpoint(c, dataHash, net, optimizer, state);
                    }
                    if (pool == null) {
                        pool = run.pool(state.pool, labels);
                    }
                    List<ParserBatch.Item> batch = pool.get(state.batchInPool);
                    float lr = learningRate(c, state.step);
                    double loss;
                    try (NDManager step = manager.newSubManager()) {
                        NDList a = ParserBatch.arrays(step, batch, net, grammar);
                        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                            NDArray logits = net.forward(ps, new NDList(a.get(0), a.get(1), a.get(2), a.get(3),
                                    a.get(4)), true).head();
                            NDArray l = ParserBatch.logProbabilities(logits, a.get(5), a.get(6)).sum().neg()
                                    .div(a.get(7));
                            gc.backward(l);
                            loss = l.getFloat();
                        }
                        optimizer.step(lr);
                    }
                    if (!Double.isFinite(loss)) {
                        throw new VqaspException(ErrorKind.DIVERGED, "loss became " + loss + " at step " + state.step
                                + "; lower --lr");
                    }
                    examples += batch.size();
                    state.step++;
                    lossLog.append(state.step, loss, lr);
                    state.batchInPool++;
                    if (state.batchInPool == pool.size()) {
                        state.pool++;
                        state.batchInPool = 0;
                        pool = null;
                    }
                    state.lossSum += loss;
                    state.lossCount++;
                    double elapsed = (System.nanoTime() - sessionStart) / 1e9;
                    state.seconds = secondsBefore + elapsed;
                    double eps = examples / Math.max(elapsed, 1e-9);
                    double sps = (state.step - stepsAtStart) / Math.max(elapsed, 1e-9);
                    listener.step(state.step, c.steps(), loss, eps, (c.steps() - state.step) / Math.max(sps, 1e-9));
                    if (state.step % c.evalEvery() == 0 || state.step == c.steps()) {
                        last = run.validate(labels.size(), state);
                        listener.validation(state.step, last);
                        new ParserModel(manager, net, data.vocabulary, grammar, c.beams(), 0).write(c.out());
                        writeReports(c, data, dataHash, state, started, parameters, null);
                    }
                    if (state.step % c.checkpointEvery() == 0 || state.step == c.steps()) {
                        checkpoint(c, dataHash, net, optimizer, state);
                    }
                }
                // the threshold: the highest confidence cut that keeps the best accuracy on the human validation split
                Run.Sweep sweep = run.sweep();
                if (last == null) {
                    last = run.validate(labels.size(), state);
                }
                new ParserModel(manager, net, data.vocabulary, grammar, c.beams(), sweep.threshold()).write(c.out());
                writeReports(c, data, dataHash, state, started, parameters, sweep);
                ModelCard.write(c, data, dataHash, state.step, state.seconds, parameters, last, sweep,
                        state.roundReports);
                listener.message(String.format(Locale.ROOT, "threshold %.3f: human validation accuracy %.2f%%, "
                        + "coverage %.2f%%, precision %.2f%%", sweep.threshold(), 100 * sweep.accuracy(),
                        100 * sweep.coverage(), 100 * sweep.precision()));
                return new Result(c.out(), last, sweep.threshold(), state.step, state.seconds, resumed);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing " + c.out() + ": " + e.getMessage(), e);
        }
    }

    /**
     * The parsers whose readings of unlabelled questions are self-training labels: the exact template parser, then
     * the grammar parser.
     */
    static java.util.function.Function<String, Program> teacher() {
        ClevrQuestionParser template = ClevrQuestionParser.load();
        ClevrGrammarParser grammar = ClevrGrammarParser.load();
        return q -> {
            if (template.parse(q) instanceof ParseResult.Parsed p) {
                return p.program();
            }
            return grammar.parse(q) instanceof Parse.Parsed<Program> g ? g.program() : null;
        };
    }

    /** Linear warm-up, then cosine decay to 5% of the peak at the last step. */
    static float learningRate(ParserTrainConfig c, long step) {
        if (step < c.warmupSteps()) {
            return (float) (c.learningRate() * (step + 1) / c.warmupSteps());
        }
        double progress = Math.min(1.0, (double) (step - c.warmupSteps()) / Math.max(1, c.steps() - c.warmupSteps()));
        return (float) (c.learningRate() * (0.05 + 0.475 * (1 + Math.cos(Math.PI * progress))));
    }

    /** The parts of a run that draw examples, label and validate. */
    static final class Run {
        private final ParserTrainConfig c;
        private final ParserTrainingData data;
        private final ProgramGrammar grammar;
        private final ParserNet net;
        private final ParameterStore ps;
        private final NDManager manager;
        private final Paraphraser paraphraser = new Paraphraser();
        private final ProgramBeamSearch search;
        private final ReferenceExecutor executor = new ReferenceExecutor();
        private final List<double[]> humanValidation = new ArrayList<>(); // {confidence, correct} of the last validation

        Run(ParserTrainConfig c, ParserTrainingData data, ProgramGrammar grammar, ParserNet net, ParameterStore ps,
                NDManager manager) {
            this.c = c;
            this.data = data;
            this.grammar = grammar;
            this.net = net;
            this.ps = ps;
            this.manager = manager;
            this.search = new ProgramBeamSearch(net, grammar);
        }

        /** The batches of pool {@code p}: drawn, paraphrased, encoded, grouped by length and shuffled. */
        List<List<ParserBatch.Item>> pool(int p, List<Example> labels) {
            int size = POOL_BATCHES * c.batchSize();
            int human = labels.isEmpty() ? 0 : (int) Math.round(size * c.humanFraction());
            int self = data.teacherLabels.isEmpty() ? 0 : (int) Math.round(size * c.selfTrainFraction());
            int generated = size - human - self;
            SplittableRandom rnd = new SplittableRandom(ParserTrainingData.mix(c.seed(), 10, p));
            List<ParserBatch.Item> items = new ArrayList<>(size);
            int n = data.generated.size();
            for (int i = 0; i < generated; i++) {
                long index = (long) p * generated + i;
                int epoch = (int) (index / n);
                Example e = data.generated.get(permutation(n, epoch)[(int) (index % n)]);
                String text = rnd.nextDouble() < c.paraphrase() ? paraphraser.paraphrase(e.text(), rnd) : e.text();
                items.add(item(text, e.target(), rnd));
            }
            for (int i = 0; i < human + self; i++) {
                Example e = i < human ? labels.get(rnd.nextInt(labels.size()))
                        : data.teacherLabels.get(rnd.nextInt(data.teacherLabels.size()));
                String text = rnd.nextDouble() < 0.4 ? paraphraser.paraphrase(e.text(), rnd) : e.text();
                items.add(item(text, e.target(), rnd));
            }
            Map<Integer, List<ParserBatch.Item>> byLength = new TreeMap<>();
            for (ParserBatch.Item it : items) {
                byLength.computeIfAbsent(it.wordIds().length, k -> new ArrayList<>()).add(it);
            }
            List<List<ParserBatch.Item>> batches = new ArrayList<>();
            for (List<ParserBatch.Item> same : byLength.values()) {
                for (int from = 0; from < same.size(); from += c.batchSize()) {
                    batches.add(same.subList(from, Math.min(same.size(), from + c.batchSize())));
                }
            }
            for (int i = batches.size() - 1; i > 0; i--) {
                int j = rnd.nextInt(i + 1);
                List<ParserBatch.Item> t = batches.get(i);
                batches.set(i, batches.get(j));
                batches.set(j, t);
            }
            return batches;
        }

        private int[] cachedPermutation;
        private int cachedEpoch = -1;

        private int[] permutation(int n, int epoch) {
            if (epoch != cachedEpoch) {
                int[] perm = new int[n];
                for (int i = 0; i < n; i++) {
                    perm[i] = i;
                }
                SplittableRandom rnd = new SplittableRandom(ParserTrainingData.mix(c.seed(), 11, epoch));
                for (int i = n - 1; i > 0; i--) {
                    int j = rnd.nextInt(i + 1);
                    int t = perm[i];
                    perm[i] = perm[j];
                    perm[j] = t;
                }
                cachedPermutation = perm;
                cachedEpoch = epoch;
            }
            return cachedPermutation;
        }

        private ParserBatch.Item item(String text, List<Token> target, SplittableRandom rnd) {
            LearnedParser.Encoded e = LearnedParser.encode(QuestionWords.split(text), data.vocabulary,
                    c.net(1, 1).maxWords());
            long[] ids = e.wordIds();
            if (ids.length == 0) {
                ids = new long[] {WordVocabulary.UNK};
                return new ParserBatch.Item(ids, new long[] {0}, target);
            }
            for (int i = 0; i < ids.length; i++) {
                if (rnd.nextDouble() < WORD_DROPOUT) {
                    ids[i] = WordVocabulary.UNK;
                }
            }
            return new ParserBatch.Item(ids, e.conceptIds(), target);
        }

        /** Reads a question with the network as it is now. */
        List<ProgramBeamSearch.Hypothesis> read(String question, int beams) {
            LearnedParser.Encoded e = LearnedParser.encode(QuestionWords.split(question), data.vocabulary,
                    net.config().maxWords());
            if (e.wordIds().length == 0) {
                return List.of();
            }
            try (NDManager m = manager.newSubManager()) {
                return search.search(m, ps, e.wordIds(), e.conceptIds(), beams);
            }
        }

        /** Log-probabilities of programs for one question, with the network as it is now. */
        double[] score(String question, List<Program> programs) {
            LearnedParser.Encoded e = LearnedParser.encode(QuestionWords.split(question), data.vocabulary,
                    net.config().maxWords());
            double[] out = new double[programs.size()];
            if (e.wordIds().length == 0) {
                java.util.Arrays.fill(out, Double.NEGATIVE_INFINITY);
                return out;
            }
            for (int from = 0; from < programs.size(); from += 128) {
                List<ParserBatch.Item> items = new ArrayList<>();
                int to = Math.min(programs.size(), from + 128);
                for (int i = from; i < to; i++) {
                    items.add(new ParserBatch.Item(e.wordIds(), e.conceptIds(), grammar.tokens(programs.get(i))));
                }
                try (NDManager m = manager.newSubManager()) {
                    NDList a = ParserBatch.arrays(m, items, net, grammar);
                    NDArray logits = net.forward(ps, new NDList(a.get(0), a.get(1), a.get(2), a.get(3), a.get(4)),
                            false).head();
                    float[] lp = ParserBatch.logProbabilities(logits, a.get(5), a.get(6)).toFloatArray();
                    for (int i = from; i < to; i++) {
                        out[i] = lp[i - from];
                    }
                }
            }
            return out;
        }

        AnswerSearchLabeller.Scorer scorer() {
            return new AnswerSearchLabeller.Scorer() {
                @Override
                public List<String> read(String question) {
                    return QuestionWords.split(question).stream().map(data.vocabulary::read).toList();
                }

                @Override
                public List<AnswerSearchLabeller.Scored> beam(String question, int beams) {
                    return Run.this.read(question, beams).stream()
                            .map(h -> new AnswerSearchLabeller.Scored(h.program(), h.logProbability())).toList();
                }

                @Override
                public double[] logProbabilities(String question, List<Program> programs) {
                    return score(question, programs);
                }
            };
        }

        /** Labels the human training questions (and self-trains) with the network as it is; writes the labels. */
        List<Example> labelRound(int round, Listener listener, State state) throws IOException {
            long t0 = System.nanoTime();
            AnswerSearchLabeller labeller = new AnswerSearchLabeller(
                    new ProgramEnumerator(TemplateLibrary.load(), grammar, 20_000), grammar, c.labelBeams());
            AnswerSearchLabeller.Scorer scorer = scorer();
            List<Example> labels = new ArrayList<>();
            Map<String, Integer> rejected = new TreeMap<>();
            Path file = c.out().resolve("labels-" + round + ".jsonl");
            Path tmp = c.out().resolve("labels-" + round + ".jsonl.tmp");
            try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                for (HumanQuestion h : data.humanTrain) {
                    AnswerSearchLabeller.Outcome o = labeller.label(h.question(), h.scene(), scorer);
                    ObjectNode row = MAPPER.createObjectNode();
                    row.put("source", "human");
                    row.put("image_index", h.question().imageIndex());
                    row.put("question", h.question().question());
                    row.put("answer", h.question().answer());
                    row.put("candidates", o.candidates());
                    row.put("correct", o.correct());
                    if (o.labelled()) {
                        labels.add(new Example(h.question().question(), grammar.tokens(o.program()), "human"));
                        row.put("program", ProgramGrammar.text(grammar.tokens(o.program())));
                        row.put("score", o.score());
                    } else {
                        row.put("rejected", o.reason());
                        rejected.merge(o.reason().replaceAll("[-0-9.]+", "N").replaceAll("\\[.*\\]", "[...]"), 1,
                                Integer::sum);
                    }
                    w.write(MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(row));
                    w.newLine();
                }
                int humanLabels = labels.size();
                ObjectNode report = MAPPER.createObjectNode();
                report.put("round", round);
                report.put("step", state.step);
                report.put("human_questions", data.humanTrain.size());
                report.put("human_labelled", humanLabels);
                report.set("rejected", MAPPER.valueToTree(rejected));
                report.put("seconds", (System.nanoTime() - t0) / 1e9);
                state.roundReports.add(report);
                listener.message(String.format(Locale.ROOT, "labelling round %d at step %d: %d of %d human questions "
                        + "labelled (%.0f s)", round, state.step, humanLabels, data.humanTrain.size(),
                        (System.nanoTime() - t0) / 1e9));
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            return labels;
        }

        /** Reads the labels a round wrote. */
        List<Example> readLabels(int round) throws IOException {
            Path file = c.out().resolve("labels-" + round + ".jsonl");
            List<Example> out = new ArrayList<>();
            try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
                for (String line : (Iterable<String>) lines::iterator) {
                    JsonNode n = MAPPER.readTree(line);
                    if (n.has("program")) {
                        out.add(new Example(n.get("question").asText(),
                                grammar.parseTokens(n.get("program").asText()), n.path("source").asText()));
                    }
                }
            } catch (IOException | RuntimeException e) {
                throw new InputException(ErrorKind.BAD_CHECKPOINT, "cannot read " + file + ": " + e.getMessage(), e);
            }
            return out;
        }

        /** Reads the validation questions and records the history entry. */
        Validation validate(int labelled, State state) {
            int exact = 0;
            int n = Math.min(GENERATED_VALIDATION, data.generatedValidation.size());
            for (int i = 0; i < n; i++) {
                Example e = data.generatedValidation.get(i);
                List<ProgramBeamSearch.Hypothesis> h = read(e.text(), c.beams());
                if (!h.isEmpty() && h.get(0).tokens().equals(e.target())) {
                    exact++;
                }
            }
            humanValidation.clear();
            int right = 0;
            for (HumanQuestion q : data.humanValidation) {
                List<ProgramBeamSearch.Hypothesis> h = read(q.question().question(), c.beams());
                boolean ok = false;
                double conf = 0;
                if (!h.isEmpty()) {
                    conf = h.get(0).probability();
                    try {
                        ok = executor.answer(h.get(0).program(), q.scene()).equals(q.question().answer());
                    } catch (VqaspException e) {
                        ok = false;
                    }
                }
                right += ok ? 1 : 0;
                humanValidation.add(new double[] {conf, ok ? 1 : 0});
            }
            Validation v = new Validation(n == 0 ? 0 : (double) exact / n, n,
                    data.humanValidation.isEmpty() ? 0 : (double) right / data.humanValidation.size(),
                    data.humanValidation.size(), labelled);
            ObjectNode entry = MAPPER.createObjectNode();
            entry.put("step", state.step);
            entry.put("train_loss", state.lossSum / Math.max(1, state.lossCount));
            entry.put("learning_rate", learningRate(c, state.step));
            entry.set("validation", MAPPER.valueToTree(v));
            state.history.add(entry);
            state.lossSum = 0;
            state.lossCount = 0;
            return v;
        }

        /**
         * The threshold sweep on the human validation questions of the last validation.
         *
         * @param threshold the chosen threshold
         * @param accuracy accuracy with it (declined questions count as wrong)
         * @param coverage share accepted
         * @param precision share right among those accepted
         * @param rows every threshold tried: {threshold, accuracy, coverage, precision}
         */
        record Sweep(double threshold, double accuracy, double coverage, double precision, List<double[]> rows) {
        }

        Sweep sweep() {
            List<double[]> rows = new ArrayList<>();
            int n = humanValidation.size();
            double best = 0;
            double bestAcc = -1;
            double[] bestRow = {0, 0, 0, 0};
            for (int k = 0; k <= 19; k++) {
                double t = k * 0.05;
                int accepted = 0;
                int right = 0;
                for (double[] r : humanValidation) {
                    if (r[0] >= t) {
                        accepted++;
                        right += (int) r[1];
                    }
                }
                double acc = n == 0 ? 0 : (double) right / n;
                double[] row = {t, acc, n == 0 ? 0 : (double) accepted / n, accepted == 0 ? 0 : (double) right / accepted};
                rows.add(row);
                if (acc >= bestAcc - 1e-12) { // the highest threshold that keeps the best accuracy
                    if (acc > bestAcc + 1e-12) {
                        bestAcc = acc;
                    }
                    best = t;
                    bestRow = row;
                }
            }
            return new Sweep(best, bestRow[1], bestRow[2], bestRow[3], rows);
        }
    }

    private static void checkpoint(ParserTrainConfig c, String dataHash, ParserNet net, AdamW optimizer, State state)
            throws IOException {
        TrainingCheckpoint.write(c.out(), net, ParserModel.PARAMS, optimizer, file -> {
            ObjectNode s = MAPPER.createObjectNode();
            s.put("step", state.step);
            s.put("pool", state.pool);
            s.put("batch_in_pool", state.batchInPool);
            s.put("rounds", state.rounds);
            s.put("optimizer_steps", optimizer.steps());
            s.put("loss_sum", state.lossSum);
            s.put("loss_count", state.lossCount);
            s.put("seconds", state.seconds);
            s.put("data_sha256", dataHash);
            s.set("config", c.toJson(MAPPER));
            s.set("history", MAPPER.valueToTree(state.history));
            s.set("sessions", MAPPER.valueToTree(state.sessions));
            s.set("rounds_report", MAPPER.valueToTree(state.roundReports));
            MAPPER.writeValue(file.toFile(), s);
        });
    }

    /** Restores the last checkpoint, when there is one, into the network, optimizer and state; returns its step. */
    private static long resume(ParserTrainConfig c, String dataHash, ParserNet net, AdamW optimizer,
            NDManager manager, State state) {
        Path dir = TrainingCheckpoint.find(c.out());
        if (dir == null) {
            return 0;
        }
        try {
            JsonNode s = MAPPER.readTree(dir.resolve(TrainingCheckpoint.STATE).toFile());
            TrainingCheckpoint.requireSameRun(dir, s, "data_sha256", "data", dataHash, c.toJson(MAPPER),
                    List.of("model", "batch_size", "seed", "learning_rate", "warmup_steps", "label_rounds",
                            "human_fraction", "self_train", "min_word_count", "paraphrase"));
            TrainingCheckpoint.restore(dir, net, ParserModel.PARAMS, optimizer, s.path("optimizer_steps").asLong(),
                    manager);
            state.step = s.path("step").asLong();
            state.pool = s.path("pool").asInt();
            state.batchInPool = s.path("batch_in_pool").asInt();
            state.rounds = s.path("rounds").asInt();
            state.lossSum = s.path("loss_sum").asDouble();
            state.lossCount = s.path("loss_count").asInt();
            state.seconds = s.path("seconds").asDouble();
            s.path("history").forEach(e -> state.history.add((ObjectNode) e));
            s.path("sessions").forEach(e -> state.sessions.add((ObjectNode) e));
            s.path("rounds_report").forEach(e -> state.roundReports.add((ObjectNode) e));
            state.resumed = true;
            return state.step;
        } catch (IOException | ai.djl.MalformedModelException e) {
            throw new InputException(ErrorKind.BAD_CHECKPOINT, "cannot resume from " + dir + ": " + e.getMessage(), e);
        }
    }

    private static void writeReports(ParserTrainConfig c, ParserTrainingData data, String dataHash, State state,
            Instant started, long parameters, Run.Sweep sweep) throws IOException {
        ObjectNode metrics = MAPPER.createObjectNode();
        metrics.set("validations", MAPPER.valueToTree(state.history));
        metrics.set("labelling_rounds", MAPPER.valueToTree(state.roundReports));
        if (sweep != null) {
            ObjectNode t = metrics.putObject("threshold");
            t.put("chosen", sweep.threshold());
            t.put("human_validation_accuracy", sweep.accuracy());
            t.put("coverage", sweep.coverage());
            t.put("precision", sweep.precision());
            ArrayNode rows = t.putArray("sweep");
            for (double[] r : sweep.rows()) {
                ObjectNode row = rows.addObject();
                row.put("threshold", r[0]);
                row.put("accuracy", r[1]);
                row.put("coverage", r[2]);
                row.put("precision", r[3]);
            }
        }
        AtomicFiles.writeJson(c.out().resolve("metrics.json"), metrics);

        ObjectNode p = MAPPER.createObjectNode();
        ArrayNode cmd = p.putArray("command_line");
        c.commandLine().forEach(cmd::add);
        p.set("sessions", MAPPER.valueToTree(state.sessions));
        p.put("seed", c.seed());
        ObjectNode d = p.putObject("data");
        d.put("sha256", dataHash);
        d.set("files", MAPPER.valueToTree(new LinkedHashMap<>(data.hashes)));
        d.put("generated_questions", data.generated.size());
        d.put("generated_skipped", data.skippedPrograms);
        d.put("generated_validation_questions", data.generatedValidation.size());
        d.put("human_train_questions", data.humanTrain.size());
        d.put("human_validation_questions", data.humanValidation.size());
        d.put("human_validation_rule", "image_index % 5 == 1");
        d.put("wording_questions", data.wording.size());
        d.put("vocabulary", data.vocabulary.size());
        p.set("config", c.toJson(MAPPER));
        p.put("parameters", parameters);
        p.put("steps", state.step);
        p.put("training_seconds", state.seconds);
        p.put("session_started", started.toString());
        p.put("written", Instant.now().toString());
        p.put("java", System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")");
        p.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        p.put("arch", System.getProperty("os.arch"));
        p.put("cores", Runtime.getRuntime().availableProcessors());
        p.put("djl_version", Engine.getDjlVersion());
        p.put("engine", Engine.getInstance().getEngineName() + " " + Engine.getInstance().getVersion());
        AtomicFiles.writeJson(c.out().resolve("provenance.json"), p);
    }
}
