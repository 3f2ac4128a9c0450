package org.vqasp.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vqasp.core.DatasetItem;
import org.vqasp.core.VqaspException;
import org.vqasp.core.clevr.ClevrDataset;
import org.vqasp.core.clevr.ClevrJson;
import org.vqasp.core.clevr.ClevrObject;
import org.vqasp.core.clevr.ClevrQuestion;
import org.vqasp.core.clevr.ClevrScene;
import org.vqasp.core.clevr.Program;
import org.vqasp.core.gqa.GqaDataset;
import org.vqasp.core.gqa.GqaQuestion;
import org.vqasp.core.json.DatasetReader;
import org.vqasp.eval.clevr.ProgramSource;
import org.vqasp.eval.clevr.SceneLog;
import org.vqasp.language.clevr.ClevrParsers;
import org.vqasp.reasoning.clevr.ClevrExplanation;
import org.vqasp.reasoning.clevr.ClevrReasoner;
import org.vqasp.world.ClevrVocabulary;
import org.vqasp.world.SceneMetrics;
import org.vqasp.world.SceneOverlay;

/**
 * The failures of an evaluation run shown one by one: for each, the image with the objects of the scene the
 * reasoner answered over drawn on it (those the answer used in bold), the question, the program, the answer beside
 * the gold one, and the reasoner's trace ({@code :why} of {@code vqa ask}). Failures are picked across families, so
 * that a bounded gallery still shows every kind of failure.
 *
 * @param cards the failures shown
 * @param failures every failure of the run
 * @param notes what could not be shown, and why
 */
public record FailureGallery(List<FailureCard> cards, long failures, List<String> notes) {

    private static final Logger LOG = LoggerFactory.getLogger(FailureGallery.class);
    private static final int MAX_IMAGE_WIDTH = 480;

    /**
     * One failure.
     *
     * @param id the question's identifier
     * @param family its report group
     * @param question the question
     * @param predicted the answer given, or null
     * @param gold the gold answer
     * @param errorKind why there was no answer, or null
     * @param errorMessage the error's message, or null
     * @param program the program answered, on one line, or null
     * @param parser which parser produced it (and its confidence), or null
     * @param why the reasoner's trace, one line per step (empty when not available)
     * @param used the objects the answer used, or empty
     * @param image the image with the objects drawn, as a data URI, or null
     * @param objects the scene's objects
     * @param notes what is missing from this card, and why
     */
    public record FailureCard(String id, String family, String question, String predicted, String gold,
            String errorKind, String errorMessage, String program, String parser, List<String> why, String used,
            String image, List<ObjectRow> objects, List<String> notes) {
    }

    /**
     * One object of the scene the question was answered over.
     *
     * @param index its index
     * @param size size
     * @param color colour
     * @param material material
     * @param shape shape
     * @param confidence the probability that it is there (vision), or empty
     * @param used whether the answer used it
     * @param gold what the gold scene says where it differs ({@code gold: red cube}, {@code not in the gold scene}),
     *     or empty
     */
    public record ObjectRow(int index, String size, String color, String material, String shape, String confidence,
            boolean used, String gold) {
    }

    /**
     * Builds the gallery of a run.
     *
     * @param run the run
     * @param limit the most failures to show
     */
    static FailureGallery of(EvalRun run, int limit) {
        List<PredictionRow> failed = run.rows().stream().filter(PredictionRow::failed).toList();
        List<PredictionRow> picked = spread(failed, limit);
        List<String> notes = new ArrayList<>();
        if (picked.isEmpty()) {
            return new FailureGallery(List.of(), failed.size(), notes);
        }
        List<FailureCard> cards = run.gqa() ? gqa(run, picked, notes) : clevr(run, picked, notes);
        return new FailureGallery(cards, failed.size(), notes);
    }

    /** Picks failures round-robin over their families (most failures first), keeping file order within each. */
    static List<PredictionRow> spread(List<PredictionRow> failed, int limit) {
        Map<String, Deque<PredictionRow>> byFamily = new LinkedHashMap<>();
        for (PredictionRow r : failed) {
            byFamily.computeIfAbsent(r.family(), k -> new ArrayDeque<>()).add(r);
        }
        List<Deque<PredictionRow>> queues = new ArrayList<>(byFamily.values());
        queues.sort(Comparator.comparingInt((Deque<PredictionRow> q) -> -q.size()));
        List<PredictionRow> out = new ArrayList<>();
        while (out.size() < limit && queues.stream().anyMatch(q -> !q.isEmpty())) {
            for (Deque<PredictionRow> q : queues) {
                if (!q.isEmpty() && out.size() < limit) {
                    out.add(q.poll());
                }
            }
        }
        return out;
    }

    private static List<FailureCard> clevr(EvalRun run, List<PredictionRow> picked, List<String> notes) {
        RunInputs in = run.inputs();
        Map<String, ClevrQuestion> questions = new HashMap<>();
        if (in.questions() == null) {
            notes.add("The questions file is not known (no provenance.json with the command line): programs, "
                    + "images and traces are left out; give it with vqa report --questions Q.json.");
        } else if (!Files.isRegularFile(in.questions())) {
            notes.add("The questions file " + in.questions() + " is not there any more: programs, images and traces "
                    + "are left out.");
        } else {
            questions = clevrQuestions(in.questions(), picked);
        }
        Map<String, ClevrScene> scenes = clevrScenes(run, questions.values(), notes);
        Map<String, ClevrScene> goldScenes = Files.exists(run.dir().resolve(SceneLog.FILE)) && in.scenes() != null
                && Files.isRegularFile(in.scenes()) ? goldScenes(in.scenes(), questions.values()) : Map.of();
        boolean parsed = "parsed".equals(in.programs()) || picked.stream().anyMatch(r -> r.parser() != null);
        ProgramSource reparse = null;
        ClevrReasoner reasoner = null;
        try {
            reasoner = new ClevrReasoner();
        } catch (RuntimeException | LinkageError e) {
            notes.add("The reasoner could not be loaded (" + e.getMessage() + "): no traces.");
        }
        Path images = in.images();
        if (images == null && !questions.isEmpty()) {
            notes.add("The image directory is not known: give it with vqa report --images DIR to see the images.");
        } else if (images != null && !Files.isDirectory(images)) {
            notes.add("The image directory " + images + " is not there: no images.");
            images = null;
        }
        List<FailureCard> cards = new ArrayList<>();
        for (PredictionRow r : picked) {
            List<String> cardNotes = new ArrayList<>();
            ClevrQuestion q = questions.get(r.id());
            Program program = null;
            if (r.program() != null && r.program().isArray()) {
                program = ClevrJson.program(r.program());
            } else if (q != null && parsed) {
                if (reparse == null) {
                    reparse = ProgramSource.parsed(ClevrParsers.chain());
                }
                try {
                    program = reparse.program(q);
                    cardNotes.add("program parsed again from the question text by today's parser chain");
                } catch (VqaspException e) {
                    program = null;
                }
            } else if (q != null) {
                program = q.program();
            }
            ClevrScene scene = q == null ? null : scenes.get(key(q));
            List<String> why = List.of();
            Set<Integer> used = Set.of();
            if (scene != null && program != null && reasoner != null) {
                try {
                    ClevrExplanation e = ClevrExplanation.of(program, reasoner.trace(scene, program, in.weighted()));
                    why = e.lines();
                    used = e.usedObjects();
                } catch (VqaspException e) {
                    cardNotes.add("no trace: " + e.getMessage());
                }
            } else if (q != null && scene == null) {
                cardNotes.add("no scene for this image");
            }
            String image = null;
            if (q != null && images != null && q.imageFilename() != null) {
                image = image(images.resolve(q.imageFilename()), scene, used, cardNotes);
            }
            cards.add(new FailureCard(r.id(), r.family(), r.question(), r.predicted(), r.gold(), r.errorKind(),
                    r.errorMessage(), program == null ? programText(r.program()) : program.describe(), parser(r), why,
                    used.isEmpty() ? "" : String.join(", ", used.stream().sorted().map(String::valueOf).toList()),
                    image, objects(scene, q == null ? null : goldScenes.get(key(q)), used, cardNotes), cardNotes));
        }
        return cards;
    }

    /** Names an image by file and index: gold scenes are found by index, the scenes a model read by file. */
    private static String key(ClevrQuestion q) {
        return q.imageFilename() + "#" + q.imageIndex();
    }

    private static Map<String, ClevrQuestion> clevrQuestions(Path file, List<PredictionRow> picked) {
        Set<String> wanted = new HashSet<>();
        picked.forEach(r -> wanted.add(r.id()));
        return pick(ClevrDataset.questions(file), q -> Long.toString(q.questionIndex()), wanted);
    }

    /** Streams a dataset file for the readable items whose keys are wanted, stopping once all are found. */
    private static <T, K> Map<K, T> pick(DatasetReader<T> dataset, java.util.function.Function<T, K> keyOf,
            Set<K> wanted) {
        Map<K, T> out = new HashMap<>();
        try (DatasetReader<T> reader = dataset) {
            while (reader.hasNext() && out.size() < wanted.size()) {
                DatasetItem<T> item = reader.next();
                if (item.ok() && wanted.contains(keyOf.apply(item.value()))) {
                    out.put(keyOf.apply(item.value()), item.value());
                }
            }
        }
        return out;
    }

    /** The scenes the questions were answered over: the vision run's scene graphs, or the gold scenes. */
    private static Map<String, ClevrScene> clevrScenes(EvalRun run, java.util.Collection<ClevrQuestion> questions,
            List<String> notes) {
        Map<String, ClevrScene> out = new HashMap<>();
        if (questions.isEmpty()) {
            return out;
        }
        Path log = run.dir().resolve(SceneLog.FILE);
        if (run.inputs().vision() || Files.exists(log)) {
            if (!Files.exists(log)) {
                notes.add("This vision run did not record the scene graphs it read (" + SceneLog.FILE + " came later): "
                        + "images are shown without objects and without traces.");
                return out;
            }
            Set<String> files = new HashSet<>();
            questions.forEach(q -> files.add(q.imageFilename()));
            Map<String, ClevrScene> read = SceneLog.read(log, files::contains);
            for (ClevrQuestion q : questions) {
                ClevrScene s = read.get(q.imageFilename());
                if (s != null) {
                    out.put(key(q), s);
                }
            }
            return out;
        }
        Path scenes = run.inputs().scenes();
        if (scenes == null || !Files.isRegularFile(scenes)) {
            notes.add(scenes == null ? "The scenes file is not known: give it with vqa report --scenes S.json for "
                    + "objects and traces." : "The scenes file " + scenes + " is not there: no objects, no traces.");
            return out;
        }
        return goldScenes(scenes, questions);
    }

    /** The scenes of a released scenes file that the questions ask about, by {@link #key}. */
    private static Map<String, ClevrScene> goldScenes(Path scenes, java.util.Collection<ClevrQuestion> questions) {
        Set<Integer> wanted = new HashSet<>();
        questions.forEach(q -> wanted.add(q.imageIndex()));
        Map<Integer, ClevrScene> byIndex = pick(ClevrDataset.scenes(scenes), ClevrScene::imageIndex, wanted);
        Map<String, ClevrScene> out = new HashMap<>();
        for (ClevrQuestion q : questions) {
            ClevrScene s = byIndex.get(q.imageIndex());
            if (s != null) {
                out.put(key(q), s);
            }
        }
        return out;
    }

    private static List<FailureCard> gqa(EvalRun run, List<PredictionRow> picked, List<String> notes) {
        Map<String, GqaQuestion> questions = new HashMap<>();
        Path file = run.inputs().questions();
        if (file != null && Files.isRegularFile(file)) {
            Set<String> wanted = new HashSet<>();
            picked.forEach(r -> wanted.add(r.id()));
            questions = pick(GqaDataset.questions(file), GqaQuestion::id, wanted);
        } else if (picked.stream().noneMatch(r -> r.program() != null)) {
            notes.add("The questions file is not known: programs are left out; give it with vqa report --questions.");
        }
        notes.add("GQA has no images here, and its reasoner gives no step-by-step trace yet.");
        List<FailureCard> cards = new ArrayList<>();
        for (PredictionRow r : picked) {
            GqaQuestion q = questions.get(r.id());
            String program = r.program() != null ? programText(r.program()) : q == null ? null : q.semanticStr();
            List<String> cardNotes = new ArrayList<>();
            if (r.goldProgram() != null && r.program() != null) {
                cardNotes.add("gold program: " + programText(r.goldProgram()));
            }
            cards.add(new FailureCard(r.id(), String.join(", ", r.families()), r.question(), r.predicted(), r.gold(),
                    r.errorKind(), r.errorMessage(), program, parser(r), List.of(), "", null, List.of(), cardNotes));
        }
        return cards;
    }

    private static String parser(PredictionRow r) {
        if (r.parser() == null) {
            return null;
        }
        return Double.isNaN(r.parserConfidence()) ? r.parser()
                : String.format(Locale.ROOT, "%s (confidence %.2f)", r.parser(), r.parserConfidence());
    }

    private static String programText(JsonNode program) {
        if (program == null) {
            return null;
        }
        if (program.isArray()) {
            try {
                return ClevrJson.program(program).describe();
            } catch (RuntimeException e) {
                return program.toString();
            }
        }
        return program.isTextual() ? program.asText() : program.toString();
    }

    /**
     * The objects of the scene answered over; given the gold scene of a vision run, each object read says where it
     * differs from the gold object it matches, and the gold objects it missed are named in the notes.
     */
    private static List<ObjectRow> objects(ClevrScene scene, ClevrScene gold, Set<Integer> used, List<String> notes) {
        List<ObjectRow> rows = new ArrayList<>();
        if (scene == null) {
            return rows;
        }
        String[] diff = new String[scene.objects().size()];
        if (gold != null) {
            java.util.Arrays.fill(diff, "not in the gold scene");
            int[] match = SceneMetrics.match(gold.objects(), scene.objects());
            for (int g = 0; g < match.length; g++) {
                ClevrObject truth = gold.objects().get(g);
                if (match[g] < 0) {
                    notes.add("the model missed a " + describe(truth, ClevrVocabulary.ATTRIBUTES));
                    continue;
                }
                ClevrObject read = scene.objects().get(match[g]);
                List<String> wrong = ClevrVocabulary.ATTRIBUTES.stream()
                        .filter(a -> !truth.attribute(a).equals(read.attribute(a))).toList();
                diff[match[g]] = wrong.isEmpty() ? "" : "gold: " + describe(truth, wrong);
            }
        }
        boolean vision = scene.objects().stream().anyMatch(o -> !o.probabilities().isEmpty() || o.confidence() < 1);
        for (int i = 0; i < scene.objects().size(); i++) {
            ClevrObject o = scene.objects().get(i);
            rows.add(new ObjectRow(i, o.size(), o.color(), o.material(), o.shape(),
                    vision ? String.format(Locale.ROOT, "%.2f", o.confidence()) : "", used.contains(i),
                    diff[i] == null ? "" : diff[i]));
        }
        return rows;
    }

    /** Names an object by some of its attributes, in the order people say them: {@code large red metal cube}. */
    private static String describe(ClevrObject o, List<String> attributes) {
        List<String> words = new ArrayList<>();
        for (String a : List.of("size", "color", "material", "shape")) {
            if (attributes.contains(a)) {
                words.add(o.attribute(a));
            }
        }
        return String.join(" ", words);
    }

    /** Draws the scene on the image and returns it as a JPEG data URI, or null (with a note) when unreadable. */
    private static String image(Path file, ClevrScene scene, Set<Integer> used, List<String> notes) {
        if (!Files.isRegularFile(file)) {
            notes.add("no image " + file.getFileName());
            return null;
        }
        try {
            BufferedImage img = ImageIO.read(file.toFile());
            if (img == null) {
                notes.add(file.getFileName() + " is not an image");
                return null;
            }
            BufferedImage drawn = scene == null ? img : SceneOverlay.draw(img, scene, used);
            return jpeg(shrink(drawn));
        } catch (IOException | RuntimeException e) {
            LOG.debug("cannot draw {}", file, e);
            notes.add("cannot read " + file.getFileName() + ": " + e.getMessage());
            return null;
        }
    }

    private static BufferedImage shrink(BufferedImage img) {
        int w = img.getWidth();
        int h = img.getHeight();
        int tw = Math.min(w, MAX_IMAGE_WIDTH);
        int th = (int) Math.round((double) h * tw / w);
        BufferedImage out = new BufferedImage(tw, th, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(img, 0, 0, tw, th, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    private static String jpeg(BufferedImage img) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam p = writer.getDefaultWriteParam();
            p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            p.setCompressionQuality(0.85f);
            writer.write(null, new IIOImage(img, null, null), p);
        } finally {
            writer.dispose();
        }
        return "data:image/jpeg;base64," + Base64.getEncoder().encodeToString(bytes.toByteArray());
    }
}
