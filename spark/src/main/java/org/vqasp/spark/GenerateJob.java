package org.vqasp.spark;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.vqasp.cli.ClusterRunner;
import org.vqasp.core.clevr.ClevrJson;
import org.vqasp.core.io.FileTrees;
import org.vqasp.world.CogentCondition;
import org.vqasp.world.render.ClevrWorldGenerator;

/**
 * {@code vqa generate clevr} as a Spark job: partitions are runs of image indices; an executor renders (or keeps)
 * each image with {@link ClevrWorldGenerator#image} straight into the dataset directory, and commits the part
 * {@code part-NNNNN.jsonl} with one line per image: {@code {"reused", "scene"}}. The driver then writes the scenes
 * and questions files from the parts with {@link ClevrWorldGenerator#assemble}, in image order, as a local run does.
 */
final class GenerateJob implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String out;
    private final int images;
    private final long seed;
    private final String split;
    private final String cogent;

    GenerateJob(ClusterRunner.Generate job) {
        this.out = job.out().toString();
        this.images = job.images();
        this.seed = job.seed();
        this.split = job.split();
        this.cogent = job.cogent();
    }

    int images() {
        return images;
    }

    /** Returns the settings that decide the images, for the manifest. */
    ObjectNode describe(int partitionSize) {
        ObjectNode o = Inputs.object();
        o.put("command", "generate clevr");
        o.put("out", out);
        o.put("images", images);
        o.put("seed", seed);
        o.put("split", split);
        o.put("cogent", cogent);
        o.put("partition_size", partitionSize);
        return o;
    }

    /** The generator as executors use it (no questions: the driver makes them, in image order). */
    private ClevrWorldGenerator generator() {
        return ExecutorCache.get("generator:" + describe(0), ClevrWorldGenerator.class, () -> {
            ClevrWorldGenerator.Builder b = ClevrWorldGenerator.builder().setOutput(Path.of(out)).setImages(images)
                    .setSeed(seed).optSplit(split).optThreads(1);
            if (cogent != null) {
                b.optCogent(CogentCondition.parse(cogent));
            }
            return b.build();
        });
    }

    /**
     * Renders images {@code from} to {@code to - 1} and commits their part (a committed part is kept).
     *
     * @return the images this task rendered (not kept from an earlier run)
     */
    long run(String work, int index, int from, int to) {
        Path part = WorkDir.part(work, index, "jsonl");
        if (Files.exists(part)) {
            return 0;
        }
        FaultInjection.maybeFail("generate", index);
        Path attempt = WorkDir.attempt(work, index);
        Path lines = attempt.resolve("scenes.jsonl");
        ClevrWorldGenerator g = generator();
        long rendered = 0;
        try {
            try (Writer w = Files.newBufferedWriter(lines, StandardCharsets.UTF_8)) {
                JsonFactory factory = new JsonFactory();
                for (int i = from; i < to; i++) {
                    ClevrWorldGenerator.Image image = g.image(i);
                    rendered += image.reused() ? 0 : 1;
                    try (JsonGenerator j = factory.createGenerator(w)) {
                        j.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
                        j.writeStartObject();
                        j.writeBooleanField("reused", image.reused());
                        j.writeFieldName("scene");
                        ClevrJson.writeScene(j, image.scene());
                        j.writeEndObject();
                    }
                    w.write('\n');
                }
            }
            WorkDir.commit(lines, part);
            return rendered;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write part " + index + " under " + work, e);
        } finally {
            try {
                FileTrees.delete(attempt);
            } catch (IOException ignored) {
                // the next run of the job clears attempts
            }
        }
    }

    /**
     * Reads a committed part back.
     *
     * @param part the part file
     * @param kept true when an earlier run of the job committed it (its images count as kept)
     */
    static List<ClevrWorldGenerator.Image> read(Path part, boolean kept) {
        List<ClevrWorldGenerator.Image> out = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(part, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode n = MAPPER.readTree(line);
                out.add(new ClevrWorldGenerator.Image(ClevrJson.scene(n.get("scene")),
                        kept || n.get("reused").asBoolean()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + part, e);
        }
        return out;
    }
}
