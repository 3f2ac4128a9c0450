package org.vqasp.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.vqasp.core.Progress;
import org.vqasp.core.Provenance;
import org.vqasp.core.clevr.ClevrDataset;
import org.vqasp.core.clevr.ClevrJson;
import org.vqasp.core.clevr.ClevrLayout;
import org.vqasp.core.clevr.ClevrObject;
import org.vqasp.core.clevr.ClevrQuestion;
import org.vqasp.core.clevr.ClevrScene;
import org.vqasp.core.io.FileTrees;
import org.vqasp.distill.DistillConfig;
import org.vqasp.distill.Distillation;
import org.vqasp.distill.Distiller;
import org.vqasp.distill.PredicateSelector;
import org.vqasp.eval.EvalRunner;
import org.vqasp.eval.clevr.ClevrEvaluation;
import org.vqasp.eval.clevr.SceneLog;
import org.vqasp.eval.clevr.VisionScenes;
import org.vqasp.eval.gqa.GqaEvaluation;
import org.vqasp.language.clevr.learned.ParserTrainConfig;
import org.vqasp.language.clevr.learned.ParserTrainer;
import org.vqasp.reasoning.gqa.GqaReasoner;
import org.vqasp.reasoning.clevr.ClevrReasoner;
import org.vqasp.vision.SceneExtractor;
import org.vqasp.world.render.ClevrRenderer;
import org.vqasp.world.render.ClevrWorldGenerator;
import org.vqasp.world.questions.QuestionGenerator;
import org.vqasp.world.questions.TemplateLibrary;

/**
 * Real run directories for the report tests, made once per test JVM under {@code target/test-runs} by the same
 * library calls the {@code vqa} commands make: CLEVR evaluations over the gold scenes and over scenes with wrong
 * colours, a vision evaluation of rendered images scored against their gold scenes, and a distillation run.
 */
final class TestRuns {

    static final Path ROOT = Path.of("target", "test-runs").toAbsolutePath();
    static final Path QUESTIONS = repo("samples/clevr/gen-dev/questions.json");
    static final Path SCENES = repo("samples/clevr/gen-dev/scenes.json");
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final int LIMIT = 600;

    private static Path gold;
    private static Path perturbed;
    private static Path perturbedScenes;
    private static Path vision;
    private static Path realImages;
    private static Path gqa;
    private static Path distill;
    private static Path parserTraining;

    private TestRuns() {
    }

    /** Returns a path in the repository. */
    static Path repo(String relative) {
        return Path.of(System.getProperty("vqasp.repo", "..")).resolve(relative).toAbsolutePath().normalize();
    }

    /** The first 600 gen-dev questions over the gold scenes (every answer right). */
    static synchronized Path gold() {
        if (gold == null) {
            gold = evaluate("gold", SCENES);
        }
        return gold;
    }

    /** The same questions over scenes in which the first object of every third scene has another colour. */
    static synchronized Path perturbed() {
        if (perturbed == null) {
            perturbed = evaluate("perturbed", perturbedScenes());
        }
        return perturbed;
    }

    /** The gen-dev scenes with the first object of every third scene recoloured. */
    static synchronized Path perturbedScenes() {
        if (perturbedScenes == null) {
            try {
                Files.createDirectories(ROOT);
                ObjectNode file = (ObjectNode) MAPPER.readTree(SCENES.toFile());
                ArrayNode scenes = (ArrayNode) file.get("scenes");
                Map<String, String> swap = Map.of("red", "purple", "purple", "red", "blue", "cyan", "cyan", "blue",
                        "gray", "brown", "brown", "gray", "green", "yellow", "yellow", "green");
                for (int i = 0; i < scenes.size(); i += 3) {
                    ObjectNode o = (ObjectNode) scenes.get(i).get("objects").get(0);
                    o.put("color", swap.get(o.get("color").asText()));
                }
                perturbedScenes = ROOT.resolve("scenes-perturbed.json");
                MAPPER.writeValue(perturbedScenes.toFile(), file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return perturbedScenes;
    }

    /**
     * Six rendered images (fast renderer settings) read by the bundled vision model, with "gold" scenes in which
     * the first object of each image has another colour than the one rendered, and ten questions per image made
     * from those scenes: where a question turns on that object, the model (reading the image) disagrees with the
     * gold answer, as it would had it misread the colour. The run has {@code scenes.jsonl}, {@code scene_graphs.json}
     * with confusion matrices, and a {@code provenance.json} naming the inputs as {@code vqa eval clevr} writes it.
     */
    static synchronized Path vision() {
        if (vision == null) {
            Path data = ROOT.resolve("rendered");
            ClevrRenderer fast = ClevrRenderer.builder().optGroundRays(0).optProbeRays(32).optEdgeSamples(1)
                    .optNoisySamples(1).build();
            ClevrWorldGenerator.builder().setOutput(data).setImages(6).setSeed(3).optSplit("val").optThreads(2)
                    .optRenderer(fast).build().run();
            Path images = data.resolve("images").resolve("val");
            Path gold = ROOT.resolve("rendered-recoloured-scenes.json");
            Path q = ROOT.resolve("rendered-recoloured-questions.json");
            Path out = fresh("vision");
            try {
                List<ClevrScene> recoloured = new ArrayList<>();
                for (ClevrScene scene : ClevrDataset.loadScenes(ClevrLayout.scenesPath(data, "val")).scenes()
                        .values()) {
                    List<ClevrObject> objects = new ArrayList<>(scene.objects());
                    ClevrObject o = objects.get(0);
                    objects.set(0, new ClevrObject(o.shape(), o.color().equals("red") ? "blue" : "red", o.material(),
                            o.size(), o.coords(), o.pixelCoords(), o.rotation()));
                    recoloured.add(new ClevrScene(scene.split(), scene.imageIndex(), scene.imageFilename(), objects,
                            scene.relationships(), scene.directions()));
                }
                recoloured.sort(Comparator.comparingInt(ClevrScene::imageIndex));
                QuestionGenerator generator = new QuestionGenerator(TemplateLibrary.load(), 3);
                try (JsonGenerator g = MAPPER.getFactory().createGenerator(gold.toFile(), JsonEncoding.UTF8);
                        JsonGenerator qg = MAPPER.getFactory().createGenerator(q.toFile(), JsonEncoding.UTF8)) {
                    g.writeStartObject();
                    g.writeArrayFieldStart("scenes");
                    qg.writeStartObject();
                    qg.writeArrayFieldStart("questions");
                    for (ClevrScene scene : recoloured) {
                        ClevrJson.writeScene(g, scene);
                        for (ClevrQuestion question : generator.generate(scene, 10)) {
                            ClevrJson.writeQuestion(qg, question);
                        }
                    }
                    g.writeEndArray();
                    g.writeEndObject();
                    qg.writeEndArray();
                    qg.writeEndObject();
                }
                try (SceneExtractor extractor = SceneExtractor.loadDefault(); SceneLog log = SceneLog.open(out)) {
                    VisionScenes scenes = new VisionScenes(extractor, images, ClevrEvaluation.goldScenes(gold), log);
                    ClevrEvaluation.evaluate(q, scenes, ClevrEvaluation.Programs.GOLD, new ClevrReasoner(), false,
                            new EvalRunner.Options(out, 2, 0, 16), Progress.NONE).evalSummary();
                    MAPPER.writeValue(out.resolve("scene_graphs.json").toFile(), scenes.sceneMetrics());
                }
                new Provenance(List.of("vqa", "eval", "clevr", "--questions", q.toString(), "--scenes",
                        gold.toString(), "--scene-source", "vision", "--images", images.toString(), "--out",
                        out.toString()), null).input("questions", q).input("images", images).input("scenes", gold)
                        .config(config("vision", "gold")).write(out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            vision = out;
        }
        return vision;
    }

    /**
     * The 20 questions of the five real CLEVR images in {@code samples/}, read by the bundled vision model (it gets 17
     * right): real failures, with the scenes the model read in {@code scenes.jsonl}. There are no gold scenes.
     */
    static synchronized Path realImages() {
        if (realImages == null) {
            Path q = repo("samples/clevr/real-dev/questions.json");
            Path images = repo("samples/clevr/real-dev/images");
            Path out = fresh("real-images");
            try (SceneExtractor extractor = SceneExtractor.loadDefault(); SceneLog log = SceneLog.open(out)) {
                VisionScenes scenes = new VisionScenes(extractor, images, null, log);
                ClevrEvaluation.evaluate(q, scenes, ClevrEvaluation.Programs.GOLD, new ClevrReasoner(), false,
                        new EvalRunner.Options(out, 2, 0, 16), Progress.NONE).evalSummary();
                new Provenance(List.of("vqa", "eval", "clevr", "--questions", q.toString(), "--scene-source",
                        "vision", "--images", images.toString(), "--out", out.toString()), null)
                        .input("questions", q).input("images", images).config(config("vision", "gold")).write(out);
            }
            realImages = out;
        }
        return realImages;
    }

    /** The 50 written GQA sample questions over scene graphs in which every white object is black. */
    static synchronized Path gqa() {
        if (gqa == null) {
            Path out = fresh("gqa");
            try {
                ObjectNode graphs = (ObjectNode) MAPPER.readTree(repo("samples/gqa/sample/sceneGraphs.json").toFile());
                graphs.elements().forEachRemaining(g -> g.path("objects").elements().forEachRemaining(o -> {
                    ArrayNode attrs = (ArrayNode) o.get("attributes");
                    for (int i = 0; i < attrs.size(); i++) {
                        if (attrs.get(i).asText().equals("white")) {
                            attrs.set(i, attrs.textNode("black"));
                        }
                    }
                }));
                Path sg = ROOT.resolve("gqa-scene-graphs-black.json");
                MAPPER.writeValue(sg.toFile(), graphs);
                Path q = repo("samples/gqa/sample/written_questions.json");
                GqaEvaluation.evaluate(q, sg, new GqaReasoner(), new EvalRunner.Options(out, 2, 0, 16), Progress.NONE)
                        .evalSummary();
                new Provenance(List.of("vqa", "eval", "gqa", "--questions", q.toString(), "--scene-graphs",
                        sg.toString(), "--out", out.toString()), null).input("questions", q).input("scene_graphs", sg)
                        .config(MAPPER.createObjectNode().put("programs", "gold")).write(out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            gqa = out;
        }
        return gqa;
    }

    /** A distillation run: filter_color deleted, relearnt by the enumerative proposer from 6 examples. */
    static synchronized Path distill() {
        if (distill == null) {
            Path out = fresh("distill");
            DistillConfig config = DistillConfig.builder()
                    .setData(DistillConfig.Dataset.CLEVR, QUESTIONS, SCENES).setOut(out)
                    .optDeletePredicate(PredicateSelector.parse("filter_color")).optSeed(1).optTrain(6).optTest(30)
                    .optLoop(new Distiller.Options(6, Distiller.Options.DEFAULT.retries(),
                            Distiller.Options.DEFAULT.repairs(), Distiller.Options.DEFAULT.explainAtoms()))
                    .optProposer(DistillConfig.ProposerKind.ENUMERATIVE, null)
                    .optCommandLine(List.of("vqa", "distill", "--delete-predicate", "filter_color", "--train", "6", "--test",
                            "30", "--batch", "6")).build();
            Distillation.of(config, Map.of()).run(Progress.NONE);
            distill = out;
        }
        return distill;
    }

    /**
     * A tiny {@code vqa train parser} run of 80 steps: generated questions over 6 scenes and the human questions of
     * {@code samples/clevr/humans}, labelled once (at the first pool boundary after step 40: step 64), validated
     * every 40 steps.
     */
    static synchronized Path parserTraining() {
        if (parserTraining == null) {
            Path out = fresh("train-parser");
            Path humans = repo("samples/clevr/humans");
            ParserTrainer.train(ParserTrainConfig.builder().setOut(out).optSeed(3).optGenerated(6, 4).optSteps(80)
                    .optBatchSize(16).optLearningRate(5e-3).optWarmupSteps(10).optNet(32, 1, 4, 2, 64)
                    .optDropout(0f).optParaphrase(0).optLabelling(1, 0.2)
                    .optHuman(humans.resolve("questions.json"), humans.resolve("scenes.json")).optBeams(2, 2)
                    .optIntervals(40, 40).optCommandLine(List.of("vqa", "train", "parser", "--steps", "80", "--seed",
                            "3", "--out", out.toString())).build(), new ParserTrainer.Listener() {
                                @Override
                                public void message(String line) {
                                }

                                @Override
                                public void step(long step, long total, double loss, double perSecond, double eta) {
                                }

                                @Override
                                public void validation(long step, ParserTrainer.Validation v) {
                                }
                            });
            parserTraining = out;
        }
        return parserTraining;
    }

    /** The bundled vision model's directory: a real training run (metrics.json, provenance.json, config.json). */
    static Path training() {
        return repo("vision/src/main/resources/org/vqasp/vision/models/clevr-default");
    }

    /** A benchmark output kept as a test resource (see the resources' README). */
    static Path resource(String name) {
        return Path.of("src", "test", "resources", "org", "vqasp", "report", name).toAbsolutePath();
    }

    private static Path evaluate(String name, Path scenes) {
        Path out = fresh(name);
        EvalRunner.Run run = ClevrEvaluation.evaluate(QUESTIONS, ClevrEvaluation.goldScenes(scenes),
                ClevrEvaluation.Programs.GOLD, new ClevrReasoner(), false, new EvalRunner.Options(out, 2, LIMIT, 64),
                Progress.NONE);
        run.evalSummary();
        new Provenance(List.of("vqa", "eval", "clevr", "--questions", QUESTIONS.toString(), "--scenes",
                scenes.toString(), "--limit", Integer.toString(LIMIT), "--out", out.toString()), null)
                .input("questions", QUESTIONS).input("scenes", scenes).config(config("gold", "gold")).write(out);
        return out;
    }

    /** The configuration {@code vqa eval clevr} records in its provenance. */
    private static ObjectNode config(String sceneSource, String programs) {
        return MAPPER.createObjectNode().put("scene_source", sceneSource).put("programs", programs)
                .put("weighted", false);
    }

    /** An empty directory for a run (left over from an earlier test JVM: deleted). */
    static Path fresh(String name) {
        Path dir = ROOT.resolve(name);
        try {
            FileTrees.delete(dir);
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }
}
