package org.vqasp.world.render;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vqasp.core.ErrorKind;
import org.vqasp.core.InputException;
import org.vqasp.core.Progress;
import org.vqasp.core.Provenance;
import org.vqasp.core.Seeds;
import org.vqasp.core.VqaspException;
import org.vqasp.core.clevr.ClevrJson;
import org.vqasp.core.clevr.ClevrLayout;
import org.vqasp.core.clevr.ClevrQuestion;
import org.vqasp.core.clevr.ClevrScene;
import org.vqasp.core.io.AtomicFiles;
import org.vqasp.world.CogentCondition;
import org.vqasp.world.SampledScene;
import org.vqasp.world.SceneSampler;

/**
 * Generates a synthetic CLEVR split in the released v1.0 layout: {@code DIR/images/<split>/CLEVR_<split>_NNNNNN.png},
 * {@code DIR/scenes/CLEVR_<split>_scenes.json} and, when a question source is set,
 * {@code DIR/questions/CLEVR_<split>_questions.json}.
 *
 * <p>Image {@code i} depends only on the seed, the split name and {@code i}: its scene is sampled from
 * {@code SplittableRandom(mix(seed, split, i))} under CLEVR's visibility rule, then rendered. Images are
 * rendered in parallel; scenes and questions are written in image order, so every output is the same for
 * any number of threads. Each PNG is written atomically and carries its scene (and the settings that made
 * it) in a {@code tEXt} chunk: re-running the same command skips every image already written and reads its
 * scene back, so a killed run resumes where it stopped. The JSON files are written to temporary files and
 * renamed at the end.
 *
 * <p>Questions come from a caller-supplied function, called once per scene in image order from the calling
 * thread (such as {@code QuestionGenerator::generate} of {@code org.vqasp.world.questions}).
 */
public final class ClevrWorldGenerator {

    private static final Logger LOG = LoggerFactory.getLogger(ClevrWorldGenerator.class);
    private static final String KEY_SCENE = "vqasp-scene";
    private static final String KEY_MADE_BY = "vqasp-made-by";
    private static final String LICENSE = "Creative Commons Attribution (CC BY 4.0)";

    private final Path out;
    private final int images;
    private final long seed;
    private final String split;
    private final CogentCondition cogent;
    private final int threads;
    private final Function<ClevrScene, List<ClevrQuestion>> questions;
    private final Progress progress;
    private final List<String> commandLine;
    private final int questionsPerImage;
    private final ClevrRenderer renderer;
    private final SceneSampler sampler;
    private final String madeBy;

    private ClevrWorldGenerator(Builder b) {
        this.out = b.out;
        this.images = b.images;
        this.seed = b.seed;
        this.split = b.split;
        this.cogent = b.cogent;
        this.threads = b.threads;
        this.questions = b.questions;
        this.progress = b.progress;
        this.commandLine = b.commandLine;
        this.questionsPerImage = b.questionsPerImage;
        this.renderer = b.renderer != null ? b.renderer : ClevrRenderer.builder().build();
        this.sampler = SceneSampler.builder().optCogent(cogent).optProperties(renderer.properties())
                .optVisibility(renderer.visibilityCheck(), 200).build();
        this.madeBy = madeBy(cogent);
    }

    /** Returns a builder; output directory, image count and seed are required. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the seed that image {@code index} of a split is sampled from; its render seed is derived from it.
     */
    public static long imageSeed(long seed, String split, int index) {
        return Seeds.mix(Seeds.mix(seed ^ 0x636C657672L) + split.hashCode() * Seeds.GOLDEN_GAMMA + index);
    }

    /**
     * Generates (or completes) the split.
     *
     * @return what was done
     * @throws VqaspException when an image cannot be sampled or a file cannot be written
     */
    public Summary run() {
        long start = System.nanoTime();
        prepareOutput();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "clevr-render");
            t.setDaemon(true);
            return t;
        });
        try {
            Deque<Future<Image>> window = new ArrayDeque<>();
            int windowSize = Math.max(2, 4 * threads);
            Iterator<Image> inOrder = new Iterator<>() {
                private int next;

                @Override
                public boolean hasNext() {
                    return next < images || !window.isEmpty();
                }

                @Override
                public Image next() {
                    while (next < images && window.size() < windowSize) {
                        int index = next++;
                        window.addLast(pool.submit(() -> image(index)));
                    }
                    return await(window.removeFirst());
                }
            };
            return writeFiles(inOrder, start);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Writes the scenes and questions files from every image of the split, given in image order: how a job that
     * produced the images elsewhere (with {@link #image}) finishes the split. The files are the ones {@link #run()}
     * writes.
     *
     * @param inOrder the images 0 to N - 1, in order
     * @return what was done (the images' own {@code reused} flags count as kept or rendered)
     * @throws VqaspException when a file cannot be written
     */
    public Summary assemble(Iterator<Image> inOrder) {
        long start = System.nanoTime();
        prepareOutput();
        return writeFiles(inOrder, start);
    }

    /**
     * Creates the output directories and deletes images left half-written by a killed run.
     *
     * @throws InputException when the directories cannot be made
     */
    public void prepareOutput() {
        Path imageDir = ClevrLayout.imagesDir(out, split);
        try {
            Files.createDirectories(imageDir);
            Files.createDirectories(ClevrLayout.scenesPath(out, split).getParent());
            if (questions != null) {
                Files.createDirectories(ClevrLayout.questionsPath(out, split).getParent());
            }
            deleteLeftovers(imageDir);
        } catch (IOException e) {
            throw new InputException(ErrorKind.UNWRITABLE, "cannot create the output directories under " + out + ": "
                    + e.getMessage(), e);
        }
    }

    private Summary writeFiles(Iterator<Image> inOrder, long start) {
        Path scenesFile = ClevrLayout.scenesPath(out, split);
        Path scenesTmp = scenesFile.resolveSibling(scenesFile.getFileName() + AtomicFiles.TEMP_SUFFIX);
        Path questionsFile = ClevrLayout.questionsPath(out, split);
        Path questionsTmp = questionsFile.resolveSibling(questionsFile.getFileName() + AtomicFiles.TEMP_SUFFIX);
        JsonFactory factory = new JsonFactory();
        int rendered = 0;
        int reused = 0;
        long questionCount = 0;
        try (JsonGenerator scenesOut = factory.createGenerator(Files.newBufferedWriter(scenesTmp, StandardCharsets.UTF_8));
                JsonGenerator questionsOut = questions == null ? null
                        : factory.createGenerator(Files.newBufferedWriter(questionsTmp, StandardCharsets.UTF_8))) {
            startFile(scenesOut, "scenes");
            if (questionsOut != null) {
                startFile(questionsOut, "questions");
            }
            progress.update(0, images, "");
            for (int done = 0; done < images; done++) {
                if (!inOrder.hasNext()) {
                    throw new IllegalStateException("image " + done + " of " + images + " is missing");
                }
                Image r = inOrder.next();
                if (r.reused()) {
                    reused++;
                } else {
                    rendered++;
                }
                ClevrJson.writeScene(scenesOut, r.scene());
                if (questionsOut != null) {
                    for (ClevrQuestion q : questions.apply(r.scene())) {
                        ClevrJson.writeQuestion(questionsOut, q);
                        questionCount++;
                    }
                }
                progress.update(done + 1, images, rendered + " rendered, " + reused + " kept");
            }
            endFile(scenesOut);
            if (questionsOut != null) {
                endFile(questionsOut);
            }
        } catch (IOException e) {
            throw new VqaspException(ErrorKind.IO, "cannot write the JSON files under " + out + ": " + e.getMessage(), e);
        }
        try {
            AtomicFiles.move(scenesTmp, scenesFile);
            if (questions != null) {
                AtomicFiles.move(questionsTmp, questionsFile);
            }
        } catch (IOException e) {
            throw new VqaspException(ErrorKind.IO, "cannot move the JSON files into place under " + out + ": "
                    + e.getMessage(), e);
        }
        provenance().write(out);
        double seconds = (System.nanoTime() - start) / 1e9;
        LOG.debug("{} images of split {} in {}: {} rendered, {} kept, {} questions, {} s", images, split, out,
                rendered, reused, questionCount, String.format("%.1f", seconds));
        return new Summary(images, rendered, reused, questionCount, seconds);
    }

    /**
     * Produces image {@code index} of the split: keeps the PNG an earlier run wrote with the same settings (reading
     * its scene back), or samples the scene and renders it to {@code DIR/images/<split>/}. The result depends only on
     * the settings and the index; safe to call from several threads (and processes) at once.
     *
     * @param index the image index, from 0
     * @return the image's scene, and whether it was kept
     * @throws VqaspException when the scene cannot be sampled or the image not written
     */
    public Image image(int index) {
        Path png = ClevrLayout.imagePath(out, split, index);
        if (Files.isRegularFile(png)) {
            Map<String, String> text = PngFiles.readText(png);
            if (madeBy.equals(text.get(KEY_MADE_BY)) && text.containsKey(KEY_SCENE)) {
                try {
                    ClevrScene scene = ClevrJson.scene(new ObjectMapper().readTree(text.get(KEY_SCENE)));
                    return new Image(scene, true);
                } catch (IOException | IllegalArgumentException e) {
                    LOG.warn("{}: unreadable scene chunk ({}); rendering it again", png, e.getMessage());
                }
            } else {
                LOG.warn("{} was made by other settings or another program; rendering it again", png);
            }
        }
        long imageSeed = imageSeed(seed, split, index);
        SampledScene sampled = sampler.sample(split, index, new SplittableRandom(imageSeed));
        Rendering rendering = renderer.render(sampled, Seeds.mix(imageSeed + 1));
        Map<String, String> text = new LinkedHashMap<>();
        text.put(KEY_MADE_BY, madeBy);
        text.put(KEY_SCENE, sceneJson(sampled.scene()));
        PngFiles.write(rendering.image(), text, png);
        return new Image(sampled.scene(), false);
    }

    /** Returns the dataset's provenance: the command line, the seed and everything that made the files. */
    private Provenance provenance() {
        ObjectNode config = new ObjectMapper().createObjectNode().put("split", split).put("images", images)
                .put("cogent", cogent == null ? null : cogent.name()).put("renderer", renderer.signature());
        if (questions != null) {
            config.put("questions_per_image", questionsPerImage);
        }
        return new Provenance(commandLine, seed).config(config).put("made_by", new ObjectMapper().getNodeFactory()
                .textNode(madeBy));
    }

    private String madeBy(CogentCondition cogent) {
        return "vqasp ClevrWorldGenerator seed=" + seed + " split=" + split + " cogent="
                + (cogent == null ? "none" : cogent.name()) + " " + renderer.signature();
    }

    private void startFile(JsonGenerator g, String arrayName) throws IOException {
        g.writeStartObject();
        g.writeObjectFieldStart("info");
        g.writeStringField("split", split);
        g.writeStringField("version", "1.0");
        g.writeStringField("license", LICENSE);
        g.writeStringField("generator", "vqasp ClevrWorldGenerator");
        g.writeNumberField("seed", seed);
        g.writeNumberField("images", images);
        g.writeStringField("cogent", cogent == null ? null : cogent.name());
        g.writeStringField("renderer", renderer.signature());
        g.writeEndObject();
        g.writeArrayFieldStart(arrayName);
    }

    private static void endFile(JsonGenerator g) throws IOException {
        g.writeEndArray();
        g.writeEndObject();
        g.writeRaw('\n');
    }

    private static String sceneJson(ClevrScene scene) {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(w)) {
            ClevrJson.writeScene(g, scene);
        } catch (IOException e) {
            throw new VqaspException(ErrorKind.IO, "cannot serialise scene " + scene.imageFilename(), e);
        }
        return w.toString();
    }

    private static Image await(Future<Image> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VqaspException(ErrorKind.INTERRUPTED, "generation was interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof VqaspException v) {
                throw v;
            }
            throw new VqaspException(ErrorKind.RENDER, "rendering failed: " + e.getCause(), e.getCause());
        }
    }

    private static void deleteLeftovers(Path dir) throws IOException {
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, "*" + AtomicFiles.TEMP_SUFFIX)) {
            for (Path p : s) {
                Files.deleteIfExists(p);
            }
        }
    }

    /**
     * One image of the split.
     *
     * @param scene its scene
     * @param reused true when an earlier run had written it and it was kept
     */
    public record Image(ClevrScene scene, boolean reused) {
    }

    /**
     * What a run did.
     *
     * @param images images in the split
     * @param rendered images rendered by this run
     * @param reused images kept from an earlier run
     * @param questions questions written
     * @param seconds wall-clock time
     */
    public record Summary(int images, int rendered, int reused, long questions, double seconds) {
    }

    /** Options of a {@link ClevrWorldGenerator}. */
    public static final class Builder {
        private Path out;
        private int images = -1;
        private Long seedValue;
        private long seed;
        private String split = "train";
        private CogentCondition cogent;
        private int threads = Runtime.getRuntime().availableProcessors();
        private Function<ClevrScene, List<ClevrQuestion>> questions;
        private Progress progress = Progress.NONE;
        private ClevrRenderer renderer;
        private List<String> commandLine = List.of();
        private int questionsPerImage;

        private Builder() {
        }

        /** Sets the command line recorded in {@code provenance.json} (default: none). */
        public Builder optCommandLine(List<String> c) {
            this.commandLine = List.copyOf(c);
            return this;
        }

        /** Records how many questions per image the question source makes, for {@code provenance.json}. */
        public Builder optQuestionsPerImage(int k) {
            this.questionsPerImage = k;
            return this;
        }

        /** Sets the dataset directory (required). */
        public Builder setOutput(Path dir) {
            this.out = dir;
            return this;
        }

        /** Sets the number of images (required). */
        public Builder setImages(int n) {
            this.images = n;
            return this;
        }

        /** Sets the seed (required). */
        public Builder setSeed(long s) {
            this.seedValue = s;
            this.seed = s;
            return this;
        }

        /** Sets the split name (default {@code train}). */
        public Builder optSplit(String s) {
            this.split = s;
            return this;
        }

        /** Restricts shape and colour pairs to a CoGenT condition (default: none). */
        public Builder optCogent(CogentCondition c) {
            this.cogent = c;
            return this;
        }

        /** Sets the number of rendering threads (default: all cores). */
        public Builder optThreads(int n) {
            this.threads = n;
            return this;
        }

        /**
         * Sets the question source, called once per scene in image order; without one no questions file is
         * written.
         */
        public Builder optQuestions(Function<ClevrScene, List<ClevrQuestion>> source) {
            this.questions = source;
            return this;
        }

        /** Sets the progress listener (default: none). */
        public Builder optProgress(Progress p) {
            this.progress = Objects.requireNonNull(p, "progress");
            return this;
        }

        /** Sets the renderer (default: {@code ClevrRenderer.builder().build()}). */
        public Builder optRenderer(ClevrRenderer r) {
            this.renderer = r;
            return this;
        }

        /**
         * Builds the generator.
         *
         * @throws InputException naming the first missing or bad value
         */
        public ClevrWorldGenerator build() {
            if (out == null) {
                throw new InputException(ErrorKind.BAD_USAGE, "the output directory is not set");
            }
            if (images < 0) {
                throw new InputException(ErrorKind.BAD_USAGE, "the number of images should be 0 or more, is " + images);
            }
            if (seedValue == null) {
                throw new InputException(ErrorKind.BAD_USAGE, "the seed is not set");
            }
            if (split == null || !split.matches("[A-Za-z0-9_-]+")) {
                throw new InputException(ErrorKind.BAD_USAGE, "the split name should be letters, digits, '_' or '-', is \""
                        + split + "\"");
            }
            if (threads < 1) {
                throw new InputException(ErrorKind.BAD_USAGE, "threads should be at least 1, is " + threads);
            }
            return new ClevrWorldGenerator(this);
        }
    }
}
