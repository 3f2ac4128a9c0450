package org.vqasp.eval.study;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.vqasp.core.ErrorKind;
import org.vqasp.core.InputException;
import org.vqasp.core.Progress;
import org.vqasp.core.Provenance;
import org.vqasp.core.io.AtomicFiles;
import org.vqasp.eval.EvalRunner;
import org.vqasp.eval.EvalSummary;
import org.vqasp.eval.clevr.ClevrEvaluation;
import org.vqasp.eval.clevr.VisionScenes;
import org.vqasp.nn.AttentionCost;
import org.vqasp.nn.AttentionSpec;
import org.vqasp.nn.TurnTimer;
import org.vqasp.reasoning.clevr.ClevrReasoner;
import org.vqasp.vision.SceneExtractor;
import org.vqasp.vision.model.ImagePreprocessor;
import org.vqasp.vision.model.ModelDirectory;
import org.vqasp.vision.model.SceneNet;
import org.vqasp.vision.model.SceneNetConfig;
import org.vqasp.vision.train.Augmenter;
import org.vqasp.vision.train.TrainConfig;
import org.vqasp.vision.train.TrainListener;
import org.vqasp.vision.train.VisionTrainer;
import org.vqasp.world.SceneMetrics;

/**
 * The harness behind {@code vqa study attention}: every attention variant of the scene-graph extractor trained at
 * the same budget on the same rendered data, scored on the same fresh split, and costed.
 *
 * <p>Each variant starts from the same base model (the bundled one unless another is given), its attention
 * up-trained by {@link org.vqasp.vision.model.ModelConversion} as Khan et al. do, and is fine-tuned with the same
 * data, seed, schedule and number of steps; the base model itself is scored too, untouched. Scoring: the answers of
 * the test split's questions with their gold programs through the reasoner over the scene graphs the model reads,
 * and the scene graphs against the gold scenes. Cost: the attention's exact FLOPs, parameters and key/value cache
 * ({@link AttentionCost}), and the throughput of the whole network, timed at the end with every model taking turns
 * (median of several runs) so that load from other processes falls on all alike.
 *
 * <p>The run directory ({@code docs/CLI.md}): {@code base/} (the base model, when bundled),
 * {@code variants/LABEL/{model,eval,row.json}} ({@code /} in a label written {@code _}),
 * {@code baseline/{eval,row.json}}, {@code timing.json}, {@code table.json}, {@code table.md}, {@code accuracy-vs-cost.png}, {@code provenance.json}. Every stage leaves a
 * marker, so a killed study run again with the same directory resumes where it stopped (training from its last
 * checkpoint).
 */
public final class AttentionStudy {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Rows and tables in snake case, as the other JSON files of a run. */
    private static final ObjectMapper ROWS = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

    /** The label of the base model's row. */
    public static final String BASELINE = "base (not fine-tuned)";

    private AttentionStudy() {
    }

    /**
     * What to run.
     *
     * @param data training data in the CLEVR layout (train and val splits), from {@code vqa generate clevr}
     * @param test a fresh split with questions, from {@code vqa generate clevr}
     * @param testSplit the split name of {@code test}
     * @param out the run directory
     * @param base the model every variant starts from, or null for the bundled model
     * @param variants the attentions to compare
     * @param epochs epochs of fine-tuning per variant
     * @param batchSize images per step
     * @param learningRate peak learning rate
     * @param warmupSteps warm-up steps
     * @param limitTrain training images used (0: all)
     * @param limitVal validation images used
     * @param mirror chance of a left-right mirror per training image
     * @param seed seed of every run
     * @param threads threads for image decoding and the reasoner
     * @param timingRuns timed repetitions per model (the median is reported)
     * @param commandLine the command that started the study
     */
    public record Config(Path data, Path test, String testSplit, Path out, Path base, List<AttentionSpec> variants,
            int epochs, int batchSize, double learningRate, int warmupSteps, int limitTrain, int limitVal,
            double mirror, long seed, int threads, int timingRuns, List<String> commandLine) {

        /** Checks the values. */
        public Config {
            Objects.requireNonNull(data, "data");
            Objects.requireNonNull(test, "test");
            Objects.requireNonNull(out, "out");
            variants = List.copyOf(variants);
            commandLine = List.copyOf(commandLine);
            if (variants.isEmpty() || epochs < 1 || batchSize < 1 || timingRuns < 1 || threads < 1) {
                throw new IllegalArgumentException("variants " + variants.size() + ", epochs " + epochs + ", batch "
                        + batchSize + ", timing runs " + timingRuns + " and threads " + threads + " must be >= 1");
            }
            if (variants.stream().map(AttentionSpec::label).distinct().count() != variants.size()) {
                throw new IllegalArgumentException("two variants share a label: "
                        + variants.stream().map(AttentionSpec::label).toList());
            }
        }

        /** Returns the JSON form of the settings. */
        ObjectNode toJson() {
            ObjectNode o = MAPPER.createObjectNode();
            o.put("data", data.toAbsolutePath().normalize().toString());
            o.put("test", test.toAbsolutePath().normalize().toString());
            o.put("test_split", testSplit);
            o.put("base", base == null ? "bundled" : base.toAbsolutePath().normalize().toString());
            ArrayNode v = o.putArray("variants");
            variants.forEach(s -> v.add(s.toJson(MAPPER)));
            o.put("epochs", epochs);
            o.put("batch_size", batchSize);
            o.put("learning_rate", learningRate);
            o.put("warmup_steps", warmupSteps);
            o.put("limit_train", limitTrain);
            o.put("limit_val", limitVal);
            o.put("mirror", mirror);
            o.put("seed", seed);
            o.put("timing_runs", timingRuns);
            return o;
        }
    }

    /** Receives the study's progress. */
    public interface Listener {

        /** A line of news. */
        void message(String line);

        /** A training step of a variant. */
        default void step(String variant, TrainListener.Progress progress) {
        }
    }

    /**
     * One row of the table.
     *
     * @param variant the attention's label ({@link #BASELINE} for the base model)
     * @param attention the attention settings
     * @param accuracy share of the test questions answered right with gold programs
     * @param questions test questions
     * @param attributeAccuracy share of matched objects with all four attributes right, and each attribute's
     * @param precision object precision
     * @param recall object recall
     * @param threshold the presence threshold used
     * @param attentionFlopsPerImage attention FLOPs of one image over all layers ({@link AttentionCost})
     * @param attentionParameters trainable attention parameters over all layers
     * @param parameters trainable parameters of the whole network
     * @param kvFloatsPerImage key/value cache of one image over all layers
     * @param trainSeconds wall-clock training seconds (0 for the base model)
     * @param trainImagesPerSecond images per second of a training step (forward and backward), timed in turns
     * @param inferenceImagesPerSecond images per second of a forward pass, timed in turns
     */
    public record Row(String variant, JsonNode attention, double accuracy, long questions,
            Map<String, Double> attributeAccuracy, double precision, double recall, double threshold,
            long attentionFlopsPerImage, long attentionParameters, long parameters, long kvFloatsPerImage,
            double trainSeconds, double trainImagesPerSecond, double inferenceImagesPerSecond) {
    }

    /**
     * Runs (or resumes) the study.
     *
     * @param c what to run
     * @param listener receives progress
     * @return the rows, base model first
     * @throws InputException when the data or the test split is missing
     */
    public static List<Row> run(Config c, Listener listener) {
        try {
            return runChecked(c, listener);
        } catch (IOException e) {
            throw new UncheckedIOException("study " + c.out() + ": " + e.getMessage(), e);
        }
    }

    private static List<Row> runChecked(Config c, Listener listener) throws IOException {
        Path questions = c.test().resolve("questions").resolve("CLEVR_" + c.testSplit() + "_questions.json");
        Path scenes = c.test().resolve("scenes").resolve("CLEVR_" + c.testSplit() + "_scenes.json");
        Path images = c.test().resolve("images").resolve(c.testSplit());
        for (Path p : List.of(questions, scenes, images)) {
            if (!Files.exists(p)) {
                throw new InputException(ErrorKind.MISSING_FILE, p + ": no such file (--test must be a vqa generate clevr "
                        + "directory with questions)");
            }
        }
        Files.createDirectories(c.out());
        Instant started = Instant.now();
        Path base = c.base();
        if (base == null) {
            base = c.out().resolve("base");
            if (!Files.isRegularFile(base.resolve(ModelDirectory.PARAMS))) {
                ModelDirectory.extractDefault(base);
            }
        }
        SceneNetConfig baseConfig = ModelDirectory.readConfig(base);
        List<Row> rows = new ArrayList<>();
        Map<String, Path> models = new LinkedHashMap<>();
        models.put(BASELINE, base);
        Path baselineDir = c.out().resolve("baseline");
        rows.add(evaluated(BASELINE, base, baselineDir, 0, c, questions, scenes, images, listener));
        writeTables(c, rows, started, false);
        for (AttentionSpec spec : c.variants()) {
            String label = spec.label();
            Path dir = variantDir(c, label);
            Path model = dir.resolve("model");
            models.put(label, model);
            if (!Files.isRegularFile(dir.resolve("row.json"))) {
                double seconds = train(c, spec, baseConfig, base, model, listener);
                rows.add(evaluated(label, model, dir, seconds, c, questions, scenes, images, listener));
            } else {
                rows.add(ROWS.readValue(dir.resolve("row.json").toFile(), Row.class));
                listener.message(label + ": done earlier (" + dir.resolve("row.json") + ")");
            }
            writeTables(c, rows, started, false);
        }
        Path timingFile = c.out().resolve("timing.json");
        JsonNode timing;
        if (Files.isRegularFile(timingFile)) {
            timing = MAPPER.readTree(timingFile.toFile());
        } else {
            listener.message("timing every model in turns (" + c.timingRuns() + " runs)");
            timing = Timing.run(models, images, c.batchSize(), c.timingRuns());
            AtomicFiles.writeJson(timingFile, timing);
        }
        List<Row> timed = new ArrayList<>();
        for (Row r : rows) {
            JsonNode t = timing.path(r.variant());
            timed.add(new Row(r.variant(), r.attention(), r.accuracy(), r.questions(), r.attributeAccuracy(),
                    r.precision(), r.recall(), r.threshold(), r.attentionFlopsPerImage(), r.attentionParameters(),
                    r.parameters(), r.kvFloatsPerImage(), r.trainSeconds(), t.path("train_images_per_second")
                    .asDouble(), t.path("inference_images_per_second").asDouble()));
        }
        writeTables(c, timed, started, true);
        StudyChart.write(timed, c.out().resolve("accuracy-vs-cost.png"));
        return timed;
    }

    /** Returns {@code variants/LABEL} with any {@code /} of the label (SQA-4/2, mixSGA-4/1) written {@code _}. */
    static Path variantDir(Config c, String label) {
        return c.out().resolve("variants").resolve(label.replace('/', '_'));
    }

    /** Fine-tunes one variant from the base model, resuming its checkpoint; returns the training seconds. */
    private static double train(Config c, AttentionSpec spec, SceneNetConfig baseConfig, Path base, Path model,
            Listener listener) throws IOException {
        String label = spec.label();
        JsonNode metrics = Files.isRegularFile(model.resolve("metrics.json"))
                ? MAPPER.readTree(model.resolve("metrics.json").toFile()) : null;
        if (metrics != null && metrics.has("final") && Files.isRegularFile(model.resolve("provenance.json"))) {
            listener.message(label + ": trained earlier");
            return MAPPER.readTree(model.resolve("provenance.json").toFile()).path("training_seconds").asDouble();
        }
        listener.message(label + ": fine-tuning from " + base + " (" + c.epochs() + " epochs)");
        SceneNetConfig config = baseConfig.withAttention(spec).withThreshold(0.5);
        TrainConfig tc = TrainConfig.builder().setData(c.data()).setOut(model).optEpochs(c.epochs())
                .optBatchSize(c.batchSize()).optLearningRate(c.learningRate()).optWarmupSteps(c.warmupSteps())
                .optSeed(c.seed()).optLimitTrain(c.limitTrain()).optLimitVal(c.limitVal()).optThreads(c.threads())
                .optModel(config).optAugmenter(Augmenter.defaults().withMirror(c.mirror())).optInit(base)
                .optCommandLine(c.commandLine()).build();
        VisionTrainer.Result r = VisionTrainer.train(tc, new TrainListener() {
            @Override
            public void step(Progress p) {
                listener.step(label, p);
            }

            @Override
            public void epoch(int epoch, double trainLoss, SceneMetrics.Evaluation v) {
                listener.message(String.format("%s: epoch %d train loss %.4f; validation %s", label, epoch,
                        trainLoss, v.summary()));
            }

            @Override
            public void message(String line) {
                listener.message(label + ": " + line);
            }
        });
        return r.seconds();
    }

    /** Scores a model on the test split (resuming nothing: a partial evaluation is done again) and costs it. */
    private static Row evaluated(String label, Path model, Path dir, double trainSeconds, Config c, Path questions,
            Path scenes, Path images, Listener listener) throws IOException {
        Path rowFile = dir.resolve("row.json");
        if (Files.isRegularFile(rowFile)) {
            return ROWS.readValue(rowFile.toFile(), Row.class);
        }
        Path evalDir = dir.resolve("eval");
        for (String file : List.of("predictions.jsonl", "summary.json", "scene_graphs.json")) {
            Files.deleteIfExists(evalDir.resolve(file)); // an unfinished scoring starts again: scene metrics need all
        }
        listener.message(label + ": scoring on " + questions);
        EvalSummary summary;
        SceneMetrics.Evaluation graphs;
        SceneNetConfig config;
        try (SceneExtractor extractor = SceneExtractor.load(model)) {
            config = extractor.config();
            VisionScenes vision = new VisionScenes(extractor, images, ClevrEvaluation.goldScenes(scenes));
            EvalRunner.Run run = ClevrEvaluation.evaluate(questions, vision, ClevrEvaluation.Programs.GOLD,
                    new ClevrReasoner(), false, new EvalRunner.Options(evalDir, c.threads(), 0, 32), Progress.NONE);
            summary = run.evalSummary();
            graphs = vision.sceneMetrics();
            AtomicFiles.writeJson(evalDir.resolve("scene_graphs.json"), MAPPER.valueToTree(graphs));
        }
        AttentionCost cost;
        long parameters;
        try (NDManager m = NDManager.newBaseManager()) {
            SceneNet net = ModelDirectory.read(model, m);
            cost = net.attentionCost(1);
            parameters = net.getParameters().values().stream().filter(Parameter::requiresGradient)
                    .mapToLong(p -> p.getArray().size()).sum();
        }
        Row row = new Row(label, config.attention().toJson(MAPPER), summary.accuracy(), summary.questions(),
                graphs.attributeAccuracy(), graphs.precision(), graphs.recall(), config.threshold(), cost.flops(),
                cost.parameters(), parameters, cost.kvCacheFloats(), trainSeconds, 0, 0);
        AtomicFiles.writeJson(rowFile, ROWS.valueToTree(row));
        listener.message(String.format("%s: answers %.2f%%, attributes %.4f (P %.4f R %.4f)", label,
                100 * row.accuracy(), row.attributeAccuracy().get("all"), row.precision(), row.recall()));
        return row;
    }

    private static void writeTables(Config c, List<Row> rows, Instant started, boolean complete) throws IOException {
        Map<String, Paired> paired = paired(c, rows);
        ObjectNode table = MAPPER.createObjectNode();
        table.put("complete", complete);
        table.set("rows", ROWS.valueToTree(rows));
        table.set("paired", ROWS.valueToTree(paired));
        AtomicFiles.writeJson(c.out().resolve("table.json"), table);
        AtomicFiles.write(c.out().resolve("table.md"), markdown(rows, paired, complete));
        Provenance p = new Provenance(c.commandLine(), c.seed()).config(c.toJson()).input("data", c.data())
                .input("test_questions", c.test().resolve("questions").resolve("CLEVR_" + c.testSplit()
                        + "_questions.json"))
                .input("test_scenes", c.test().resolve("scenes").resolve("CLEVR_" + c.testSplit() + "_scenes.json"));
        for (String key : List.of("data", "test")) {
            Path gen = (key.equals("data") ? c.data() : c.test()).resolve(Provenance.FILE);
            if (Files.isRegularFile(gen)) {
                p.put(key + "_provenance", MAPPER.readTree(gen.toFile()));
            }
        }
        p.put("session_started", MAPPER.getNodeFactory().textNode(started.toString()));
        p.put("threads", MAPPER.getNodeFactory().numberNode(Integer.getInteger("ai.djl.pytorch.num_threads", 0)));
        p.version("djl", Engine.getDjlVersion());
        p.version("engine", Engine.getInstance().getEngineName() + " " + Engine.getInstance().getVersion());
        p.write(c.out());
    }

    /**
     * A paired comparison of one model's answers with the reference model's on the same questions.
     *
     * @param reference the reference model's label
     * @param better questions this model answers right and the reference wrong
     * @param worse questions the reference answers right and this model wrong
     * @param pValue two-sided exact McNemar test (binomial, p = 1/2, over better + worse)
     */
    public record Paired(String reference, long better, long worse, double pValue) {
    }

    /**
     * Compares every row's answers with the reference's, question by question: the GQA-2 row (the base model's
     * architecture at the same fine-tuning budget) when there is one, else the base model.
     */
    static Map<String, Paired> paired(Config c, List<Row> rows) throws IOException {
        Map<String, Path> dirs = new LinkedHashMap<>();
        for (Row r : rows) {
            dirs.put(r.variant(), r.variant().equals(BASELINE) ? c.out().resolve("baseline")
                    : variantDir(c, r.variant()));
        }
        String reference = dirs.containsKey("GQA-2") ? "GQA-2" : BASELINE;
        Map<String, Boolean> ref = correctness(dirs.get(reference).resolve("eval/predictions.jsonl"));
        Map<String, Paired> out = new LinkedHashMap<>();
        for (Row r : rows) {
            Map<String, Boolean> mine = correctness(dirs.get(r.variant()).resolve("eval/predictions.jsonl"));
            long better = 0;
            long worse = 0;
            for (var e : mine.entrySet()) {
                Boolean other = ref.get(e.getKey());
                if (other != null && e.getValue() && !other) {
                    better++;
                } else if (other != null && !e.getValue() && other) {
                    worse++;
                }
            }
            out.put(r.variant(), new Paired(reference, better, worse, mcNemar(better, worse)));
        }
        return out;
    }

    private static Map<String, Boolean> correctness(Path predictions) throws IOException {
        Map<String, Boolean> m = new LinkedHashMap<>();
        if (Files.isRegularFile(predictions)) {
            for (String line : Files.readAllLines(predictions)) {
                if (!line.isBlank()) {
                    JsonNode p = MAPPER.readTree(line);
                    m.put(p.path("id").asText(), p.path("correct").asBoolean(false));
                }
            }
        }
        return m;
    }

    /** Two-sided exact McNemar p-value: twice the binomial tail of min(b, c) out of b + c at 1/2, at most 1. */
    static double mcNemar(long b, long c) {
        long n = b + c;
        long k = Math.min(b, c);
        double tail = 0;
        double logHalfN = n * Math.log(0.5);
        for (long i = 0; i <= k; i++) {
            tail += Math.exp(logChoose(n, i) + logHalfN);
        }
        return Math.min(1, 2 * tail);
    }

    private static double logChoose(long n, long k) {
        double s = 0;
        for (long i = 1; i <= k; i++) {
            s += Math.log(n - k + i) - Math.log(i);
        }
        return s;
    }

    /** The table in markdown: one row per model, costs per image over all encoder layers. */
    static String markdown(List<Row> rows, Map<String, Paired> paired, boolean complete) {
        String reference = paired.isEmpty() ? "" : paired.values().iterator().next().reference();
        StringBuilder s = new StringBuilder();
        s.append("| variant | answers, gold programs | vs " + reference + ": better / worse (p) | attributes all right "
                + "| object P / R | attention MFLOPs/image | attention params | network params | KV floats/image "
                + "| train img/s | inference img/s | train minutes |\n");
        s.append("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Row r : rows) {
            Paired p = paired.get(r.variant());
            String vs = p == null || r.variant().equals(p.reference()) ? "-"
                    : String.format(java.util.Locale.ROOT, "%d / %d (%.2g)", p.better(), p.worse(), p.pValue());
            String train = r.trainImagesPerSecond() > 0
                    ? String.format(java.util.Locale.ROOT, "%.1f", r.trainImagesPerSecond()) : "-";
            String inference = r.inferenceImagesPerSecond() > 0
                    ? String.format(java.util.Locale.ROOT, "%.1f", r.inferenceImagesPerSecond()) : "-";
            s.append(String.format(java.util.Locale.ROOT,
                    "| %s | %.2f%% | %s | %.4f | %.4f / %.4f | %.2f | %,d | %,d | %,d | %s | %s | %.1f |%n",
                    r.variant(), 100 * r.accuracy(), vs, r.attributeAccuracy().getOrDefault("all", 0.0), r.precision(),
                    r.recall(), r.attentionFlopsPerImage() / 1e6, r.attentionParameters(), r.parameters(),
                    r.kvFloatsPerImage(), train, inference, r.trainSeconds() / 60));
        }
        if (!complete) {
            s.append("\n(incomplete: the study is still running or was stopped; run it again to resume)\n");
        }
        return s.toString();
    }

    /**
     * Times every model in turns: a forward pass, and a forward and backward pass, over the same images; each
     * round starts with the next model, so that no model always runs first ({@link TurnTimer}).
     */
    static final class Timing {

        private Timing() {
        }

        static JsonNode run(Map<String, Path> models, Path images, int batch, int runs) throws IOException {
            List<Path> files;
            try (Stream<Path> s = Files.list(images)) {
                files = s.filter(p -> p.toString().endsWith(".png")).sorted().limit(batch).toList();
            }
            ObjectNode out = MAPPER.createObjectNode();
            try (NDManager manager = NDManager.newBaseManager()) {
                List<String> labels = new ArrayList<>(models.keySet());
                List<SceneNet> nets = new ArrayList<>();
                for (String label : labels) {
                    SceneNet net = ModelDirectory.read(models.get(label), manager);
                    for (Parameter p : net.getParameters().values()) {
                        if (p.requiresGradient()) {
                            p.getArray().setRequiresGradient(true);
                        }
                    }
                    nets.add(net);
                }
                SceneNetConfig c = nets.get(0).config();
                int size = 3 * c.inputHeight() * c.inputWidth();
                float[] pixels = new float[files.size() * size];
                for (int i = 0; i < files.size(); i++) {
                    BufferedImage image = ImageIO.read(files.get(i).toFile());
                    float[] x = ImagePreprocessor.normalize(ImagePreprocessor.toRgb(image, c.inputWidth(),
                            c.inputHeight()), c.inputWidth(), c.inputHeight());
                    System.arraycopy(x, 0, pixels, i * size, size);
                }
                NDArray input = manager.create(pixels, new Shape(files.size(), 3, c.inputHeight(), c.inputWidth()));
                // the training pass's loss: the outputs' mean square, plus the attention's auxiliary loss if any
                List<TurnTimer.Times> times = TurnTimer.time(manager, nets, input, false, y -> {
                    NDArray loss = y.head().square().mean();
                    return y.size() > 1 ? loss.add(y.get(1)) : loss;
                }, 1, runs);
                for (int k = 0; k < nets.size(); k++) {
                    ObjectNode o = out.putObject(labels.get(k));
                    o.put("batch", files.size());
                    o.put("inference_images_per_second", files.size() / times.get(k).forward());
                    o.put("train_images_per_second", files.size() / times.get(k).forwardBackward());
                    o.put("runs", runs);
                }
            }
            return out;
        }
    }
}
