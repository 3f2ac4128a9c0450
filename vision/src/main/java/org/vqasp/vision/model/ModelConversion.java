package org.vqasp.vision.model;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.vqasp.core.ErrorKind;
import org.vqasp.core.InputException;
import org.vqasp.core.Provenance;
import org.vqasp.nn.AttentionSpec;
import org.vqasp.nn.AttentionConversion;
import org.vqasp.nn.GroupedQueryAttention;
import org.vqasp.nn.TransformerEncoderLayer;

/**
 * Starts a {@link SceneNet} from a trained one whose architecture differs at most in its attention (and in the
 * decoding threshold and mirror averaging): every other weight is copied, each layer's attention is started by
 * {@link AttentionConversion} (mean-pooled or repeated key/value heads as Khan et al. up-train, pooled query heads
 * for sparse-query targets, the exact GQA-to-MLA conversion of TransMLA). The same architecture copies everything.
 */
public final class ModelConversion {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ModelConversion() {
    }

    /**
     * What a conversion wrote.
     *
     * @param out the new model directory
     * @param from the source's attention label
     * @param to the new attention label
     * @param maxOutputDifference largest absolute difference of the two networks' outputs on a seeded probe batch
     */
    public record Result(Path out, String from, String to, double maxOutputDifference) {
    }

    /**
     * Converts a model directory to another attention and writes the result as a model directory: weights,
     * {@code config.json} (the source's threshold and mirror averaging kept) and {@code provenance.json} (command
     * line, the source and its provenance, both attention labels, the probe difference, Java, OS, DJL).
     *
     * @param source a model directory, or null for the bundled model
     * @param attention the new attention
     * @param out the new model directory
     * @param commandLine the command that asked, for provenance
     * @return what was written
     * @throws InputException when the source cannot be read or converted
     */
    public static Result convert(Path source, AttentionSpec attention, Path out, List<String> commandLine) {
        try (NDManager manager = NDManager.newBaseManager()) {
            SceneNet from = source == null ? ModelDirectory.readDefault(manager) : ModelDirectory.read(source, manager);
            SceneNetConfig config = from.config().withAttention(attention);
            SceneNet to = new SceneNet(config);
            to.initialize(manager, DataType.FLOAT32, new Shape(1, 3, config.inputHeight(), config.inputWidth()));
            String where = source == null ? "the bundled model" : source.toString();
            initialise(to, from, where);
            double diff = probeDifference(from, to, manager);
            ModelDirectory.write(to, out);
            ObjectNode conversion = MAPPER.createObjectNode();
            conversion.put("converted_from", source == null ? "classpath:" + ModelDirectory.DEFAULT_RESOURCE
                    : source.toAbsolutePath().normalize().toString());
            conversion.put("from_attention", from.config().attention().label());
            conversion.put("to_attention", attention.label());
            conversion.put("max_output_difference", diff);
            Provenance p = new Provenance(commandLine, null).config(config.toJson(MAPPER))
                    .put("conversion", conversion).version("djl", Engine.getDjlVersion())
                    .version("engine", Engine.getInstance().getEngineName() + " " + Engine.getInstance().getVersion());
            JsonNode sourceProvenance = readProvenance(source);
            if (sourceProvenance != null) {
                p.put("init_provenance", sourceProvenance);
            }
            p.write(out);
            return new Result(out, from.config().attention().label(), attention.label(), diff);
        } catch (IOException e) {
            throw new UncheckedIOException("writing " + out + ": " + e.getMessage(), e);
        }
    }

    private static JsonNode readProvenance(Path source) throws IOException {
        if (source == null) {
            try (InputStream in = ModelDirectory.class.getResourceAsStream(ModelDirectory.DEFAULT_RESOURCE
                    + "provenance.json")) {
                return in == null ? null : MAPPER.readTree(in);
            }
        }
        Path file = source.resolve("provenance.json");
        return Files.isRegularFile(file) ? MAPPER.readTree(file.toFile()) : null;
    }

    /** Largest absolute output difference of two networks on two seeded random images. */
    private static double probeDifference(SceneNet a, SceneNet b, NDManager manager) {
        SceneNetConfig c = a.config();
        int n = 2 * 3 * c.inputHeight() * c.inputWidth();
        float[] pixels = new float[n];
        Random rnd = new Random(12345);
        for (int i = 0; i < n; i++) {
            pixels[i] = (float) rnd.nextGaussian();
        }
        try (NDManager m = manager.newSubManager()) {
            NDArray x = m.create(pixels, new Shape(2, 3, c.inputHeight(), c.inputWidth()));
            ParameterStore ps = new ParameterStore(m, false);
            NDArray ya = a.forward(ps, new NDList(x), false).head();
            NDArray yb = b.forward(ps, new NDList(x), false).head();
            return ya.sub(yb).abs().max().getFloat();
        }
    }

    /**
     * Sets the weights of {@code target} from {@code source}; both must be initialised.
     *
     * @param target the network to set
     * @param source the trained network
     * @param where names the source in error messages
     * @throws InputException ({@code init_mismatch}) when the architectures differ outside the attention, or no
     *     attention mapping exists
     */
    public static void initialise(SceneNet target, SceneNet source, String where) {
        SceneNetConfig t = target.config();
        SceneNetConfig s = source.config().withThreshold(t.threshold()).withMirrorAverage(t.mirrorAverage())
                .withAttention(t.attention());
        if (!s.equals(t)) {
            throw new InputException(ErrorKind.INIT_MISMATCH, where + " holds " + source.config() + ", which differs from "
                    + t + " outside the attention");
        }
        Set<Parameter> attention = Collections.newSetFromMap(new IdentityHashMap<>());
        for (TransformerEncoderLayer layer : target.encoderLayers()) {
            attention.addAll(layer.attention().getParameters().values());
        }
        var from = source.getParameters();
        for (var p : target.getParameters()) {
            if (attention.contains(p.getValue())) {
                continue;
            }
            Parameter q = from.get(p.getKey());
            NDArray to = p.getValue().getArray();
            if (q == null || !q.getArray().getShape().equals(to.getShape())) {
                throw new InputException(ErrorKind.INIT_MISMATCH, where + ": no parameter " + p.getKey() + " of shape "
                        + to.getShape());
            }
            to.set(q.getArray().toFloatArray());
        }
        for (int i = 0; i < t.layers(); i++) {
            GroupedQueryAttention to = (GroupedQueryAttention) target.encoderLayers().get(i).attention();
            GroupedQueryAttention fromLayer = (GroupedQueryAttention) source.encoderLayers().get(i).attention();
            try {
                AttentionConversion.initialize(to, fromLayer);
            } catch (IllegalArgumentException e) {
                throw new InputException(ErrorKind.INIT_MISMATCH, where + ", layer " + i + ": " + e.getMessage(), e);
            }
        }
    }
}
