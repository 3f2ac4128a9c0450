package org.vqasp.vision.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Architecture and decoding settings of a {@link SceneNet}, stored as {@code config.json} beside its weights.
 *
 * @param inputWidth model input width in pixels (images are resized to it)
 * @param inputHeight model input height in pixels
 * @param stemChannels channels of the three stride-2 stages of the convolutional stem (output stride 8)
 * @param embedDim D, the transformer width
 * @param layers transformer encoder layers
 * @param heads H, the model's head count (head size D / H)
 * @param queryHeads Hq, query heads (fewer than H: sparse-query attention)
 * @param kvHeads G, key/value heads (grouped-query attention)
 * @param mlpDim hidden width of each layer's MLP
 * @param headDim F, width of the per-cell head
 * @param threshold presence probability at and above which a cell peak becomes an object
 * @param mirrorAverage whether {@link org.vqasp.vision.SceneExtractor} also reads each image's mirror image and
 *     averages the two attribute distributions of each object (for models trained with mirrored images)
 */
public record SceneNetConfig(int inputWidth, int inputHeight, List<Integer> stemChannels, int embedDim, int layers,
        int heads, int queryHeads, int kvHeads, int mlpDim, int headDim, double threshold, boolean mirrorAverage) {

    /** Output stride of the stem. */
    public static final int STRIDE = 8;

    /** Checks the values. */
    public SceneNetConfig {
        if (inputWidth % (2 * STRIDE) != 0 || inputHeight % (2 * STRIDE) != 0 || inputWidth <= 0
                || inputHeight <= 0) {
            throw new IllegalArgumentException("input " + inputWidth + "x" + inputHeight + " must be positive "
                    + "multiples of " + 2 * STRIDE);
        }
        stemChannels = List.copyOf(stemChannels);
        if (stemChannels.size() != 3 || stemChannels.stream().anyMatch(c -> c <= 0)) {
            throw new IllegalArgumentException("stemChannels must be three positive numbers, got " + stemChannels);
        }
        if (layers < 0 || mlpDim <= 0 || headDim <= 0) {
            throw new IllegalArgumentException("layers " + layers + " must be >= 0, mlpDim " + mlpDim
                    + " and headDim " + headDim + " > 0");
        }
        if (threshold <= 0 || threshold >= 1) {
            throw new IllegalArgumentException("threshold " + threshold + " must be in (0, 1)");
        }
        // head counts are checked by GroupedQueryAttention.Builder
    }

    /** A configuration without mirror averaging. */
    public SceneNetConfig(int inputWidth, int inputHeight, List<Integer> stemChannels, int embedDim, int layers,
            int heads, int queryHeads, int kvHeads, int mlpDim, int headDim, double threshold) {
        this(inputWidth, inputHeight, stemChannels, embedDim, layers, heads, queryHeads, kvHeads, mlpDim, headDim,
                threshold, false);
    }

    /**
     * The default model: 240x160 input, stem 24/48/96, D = 128, 3 layers on a 15 x 10 token grid, H = 8 with GQA
     * (2 key/value heads), MLP 384, head 96.
     */
    public static SceneNetConfig defaults() {
        return new SceneNetConfig(240, 160, List.of(24, 48, 96), 128, 3, 8, 8, 2, 384, 96, 0.5);
    }

    /** Returns the grid width, inputWidth / 8. */
    public int gridWidth() {
        return inputWidth / STRIDE;
    }

    /** Returns the grid height, inputHeight / 8. */
    public int gridHeight() {
        return inputHeight / STRIDE;
    }

    /** Returns a copy with another decoding threshold. */
    public SceneNetConfig withThreshold(double t) {
        return new SceneNetConfig(inputWidth, inputHeight, stemChannels, embedDim, layers, heads, queryHeads,
                kvHeads, mlpDim, headDim, t, mirrorAverage);
    }

    /** Returns a copy with mirror averaging on or off. */
    public SceneNetConfig withMirrorAverage(boolean on) {
        return new SceneNetConfig(inputWidth, inputHeight, stemChannels, embedDim, layers, heads, queryHeads,
                kvHeads, mlpDim, headDim, threshold, on);
    }

    /** Returns the JSON form. */
    public ObjectNode toJson(ObjectMapper mapper) {
        ObjectNode o = mapper.createObjectNode();
        o.put("input_width", inputWidth);
        o.put("input_height", inputHeight);
        stemChannels.forEach(o.putArray("stem_channels")::add);
        o.put("embed_dim", embedDim);
        o.put("layers", layers);
        o.put("heads", heads);
        o.put("query_heads", queryHeads);
        o.put("kv_heads", kvHeads);
        o.put("mlp_dim", mlpDim);
        o.put("head_dim", headDim);
        o.put("threshold", threshold);
        if (mirrorAverage) {
            o.put("mirror_average", true);
        }
        return o;
    }

    /** Reads the JSON form; missing keys take the defaults. */
    public static SceneNetConfig fromJson(JsonNode o) {
        SceneNetConfig d = defaults();
        List<Integer> stem = d.stemChannels();
        if (o.has("stem_channels")) {
            stem = new java.util.ArrayList<>();
            for (JsonNode c : o.get("stem_channels")) {
                stem.add(c.asInt());
            }
        }
        return new SceneNetConfig(o.path("input_width").asInt(d.inputWidth()),
                o.path("input_height").asInt(d.inputHeight()), stem, o.path("embed_dim").asInt(d.embedDim()),
                o.path("layers").asInt(d.layers()), o.path("heads").asInt(d.heads()),
                o.path("query_heads").asInt(d.queryHeads()), o.path("kv_heads").asInt(d.kvHeads()),
                o.path("mlp_dim").asInt(d.mlpDim()), o.path("head_dim").asInt(d.headDim()),
                o.path("threshold").asDouble(d.threshold()), o.path("mirror_average").asBoolean(false));
    }
}
