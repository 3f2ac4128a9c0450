package org.vqasp.vision.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.vqasp.nn.AttentionSpec;

/**
 * Architecture and decoding settings of a {@link SceneNet}, stored as {@code config.json} beside its weights; build
 * with {@link #builder()}.
 *
 * @param inputWidth model input width in pixels (images are resized to it)
 * @param inputHeight model input height in pixels
 * @param stemChannels channels of the three stride-2 stages of the convolutional stem (output stride 8)
 * @param embedDim D, the transformer width
 * @param layers transformer encoder layers
 * @param attention the self-attention of every layer: head counts (H fixes the head size D / H) and variant
 * @param mlpDim hidden width of each layer's MLP
 * @param headDim F, width of the per-cell head
 * @param threshold presence probability at and above which a cell peak becomes an object
 * @param mirrorAverage whether {@link org.vqasp.vision.SceneExtractor} also reads each image's mirror image and
 *     averages the two attribute distributions of each object (for models trained with mirrored images)
 */
public record SceneNetConfig(int inputWidth, int inputHeight, List<Integer> stemChannels, int embedDim, int layers,
        AttentionSpec attention, int mlpDim, int headDim, double threshold, boolean mirrorAverage) {

    /** Output stride of the stem. */
    public static final int STRIDE = 8;

    /** Checks the values, naming a bad one. */
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
        if (embedDim <= 0 || layers < 0 || mlpDim <= 0 || headDim <= 0) {
            throw new IllegalArgumentException("embedDim " + embedDim + ", mlpDim " + mlpDim + " and headDim "
                    + headDim + " must be > 0, layers " + layers + " >= 0");
        }
        if (!(threshold > 0 && threshold < 1)) {
            throw new IllegalArgumentException("threshold " + threshold + " must be in (0, 1)");
        }
        Objects.requireNonNull(attention, "attention");
        attention.toBlockBuilder(embedDim).build(); // D divisible by H, and the variant's own checks
    }

    /** Returns a builder with the defaults of {@link #defaults()}. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns a builder holding these settings. */
    public Builder toBuilder() {
        return new Builder().optInput(inputWidth, inputHeight).optStemChannels(stemChannels).optEmbedDim(embedDim)
                .optLayers(layers).optAttention(attention).optMlpDim(mlpDim).optHeadDim(headDim)
                .optThreshold(threshold).optMirrorAverage(mirrorAverage);
    }

    /**
     * The default model: 240x160 input, stem 24/48/96, D = 128, 3 layers on a 15 x 10 token grid, H = 8 with GQA
     * (2 key/value heads), MLP 384, head 96.
     */
    public static SceneNetConfig defaults() {
        return builder().build();
    }

    /** Returns the grid width, inputWidth / 8. */
    public int gridWidth() {
        return inputWidth / STRIDE;
    }

    /** Returns the grid height, inputHeight / 8. */
    public int gridHeight() {
        return inputHeight / STRIDE;
    }

    /** Returns T, the tokens of the coarse grid the encoder layers attend over: (W / 16) * (H / 16). */
    public int tokens() {
        return gridWidth() * gridHeight() / 4;
    }

    /** Returns a copy with another decoding threshold. */
    public SceneNetConfig withThreshold(double t) {
        return toBuilder().optThreshold(t).build();
    }

    /** Returns a copy with mirror averaging on or off. */
    public SceneNetConfig withMirrorAverage(boolean on) {
        return toBuilder().optMirrorAverage(on).build();
    }

    /** Returns a copy with another attention. */
    public SceneNetConfig withAttention(AttentionSpec spec) {
        return toBuilder().optAttention(spec).build();
    }

    /** Returns the JSON form. */
    public ObjectNode toJson(ObjectMapper mapper) {
        ObjectNode o = mapper.createObjectNode();
        o.put("input_width", inputWidth);
        o.put("input_height", inputHeight);
        stemChannels.forEach(o.putArray("stem_channels")::add);
        o.put("embed_dim", embedDim);
        o.put("layers", layers);
        o.set("attention", attention.toJson(mapper));
        o.put("mlp_dim", mlpDim);
        o.put("head_dim", headDim);
        o.put("threshold", threshold);
        if (mirrorAverage) {
            o.put("mirror_average", true);
        }
        return o;
    }

    /**
     * Reads the JSON form; missing keys take the defaults. Files written before the attention variants keep the
     * head counts at the top level ({@code heads}, {@code query_heads}, {@code kv_heads}) and are read as plain
     * grouped-query attention.
     *
     * @throws IllegalArgumentException naming a bad value
     */
    public static SceneNetConfig fromJson(JsonNode o) {
        SceneNetConfig d = defaults();
        Builder b = builder();
        if (o.has("stem_channels")) {
            List<Integer> stem = new ArrayList<>();
            for (JsonNode c : o.get("stem_channels")) {
                stem.add(c.asInt());
            }
            b.optStemChannels(stem);
        }
        int embed = o.path("embed_dim").asInt(d.embedDim());
        AttentionSpec attention;
        if (o.path("attention").isObject()) {
            attention = AttentionSpec.fromJson(o.get("attention"));
        } else {
            int heads = o.path("heads").asInt(d.attention().heads());
            attention = AttentionSpec.builder().setHeads(heads).optQueryHeads(o.path("query_heads").asInt(heads))
                    .optKvHeads(o.path("kv_heads").asInt(d.attention().kvHeads())).build();
        }
        return b.optInput(o.path("input_width").asInt(d.inputWidth()), o.path("input_height").asInt(d.inputHeight()))
                .optEmbedDim(embed).optLayers(o.path("layers").asInt(d.layers())).optAttention(attention)
                .optMlpDim(o.path("mlp_dim").asInt(3 * embed)).optHeadDim(o.path("head_dim").asInt(d.headDim()))
                .optThreshold(o.path("threshold").asDouble(d.threshold()))
                .optMirrorAverage(o.path("mirror_average").asBoolean(false)).build();
    }

    /**
     * Builder in DJL's style; every value is optional and starts at the default model's ({@link #defaults()}), the
     * MLP width at 3 D unless set.
     */
    public static final class Builder {
        private int inputWidth = 240;
        private int inputHeight = 160;
        private List<Integer> stemChannels = List.of(24, 48, 96);
        private int embedDim = 128;
        private int layers = 3;
        private AttentionSpec attention = AttentionSpec.builder().setHeads(8).optKvHeads(2).build();
        private int mlpDim = -1;
        private int headDim = 96;
        private double threshold = 0.5;
        private boolean mirrorAverage;

        Builder() {
        }

        /** Sets the input size in pixels (default 240 x 160). */
        public Builder optInput(int width, int height) {
            inputWidth = width;
            inputHeight = height;
            return this;
        }

        /** Sets the stem channels of the three stride-2 stages (default 24, 48, 96). */
        public Builder optStemChannels(List<Integer> v) {
            stemChannels = v;
            return this;
        }

        /** Sets D (default 128). */
        public Builder optEmbedDim(int v) {
            embedDim = v;
            return this;
        }

        /** Sets the encoder layers (default 3). */
        public Builder optLayers(int v) {
            layers = v;
            return this;
        }

        /** Sets the attention of every layer (default H = 8, GQA with 2 key/value heads). */
        public Builder optAttention(AttentionSpec v) {
            attention = v;
            return this;
        }

        /** Sets the MLP width (default 3 D). */
        public Builder optMlpDim(int v) {
            mlpDim = v;
            return this;
        }

        /** Sets F, the per-cell head width (default 96). */
        public Builder optHeadDim(int v) {
            headDim = v;
            return this;
        }

        /** Sets the presence threshold (default 0.5). */
        public Builder optThreshold(double v) {
            threshold = v;
            return this;
        }

        /** Sets mirror averaging at inference (default off). */
        public Builder optMirrorAverage(boolean v) {
            mirrorAverage = v;
            return this;
        }

        /**
         * Builds the configuration.
         *
         * @throws IllegalArgumentException naming a bad value
         */
        public SceneNetConfig build() {
            return new SceneNetConfig(inputWidth, inputHeight, stemChannels, embedDim, layers, attention,
                    mlpDim == -1 ? 3 * embedDim : mlpDim, headDim, threshold, mirrorAverage);
        }
    }
}
