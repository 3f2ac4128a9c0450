package org.vqasp.vision.model;

import org.vqasp.nn.TransformerEncoderLayer;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.vqasp.nn.AttentionCost;
import org.vqasp.nn.GroupedQueryAttention;

/**
 * The scene-graph network: a convolutional stem to stride 8, one more stride-2 convolution to a coarse grid of
 * tokens with a learned position embedding, attention encoder layers (grouped-query by default; any variant the
 * configuration's {@link org.vqasp.nn.AttentionSpec} names) that mix context across the whole image, then back to
 * stride 8 (nearest-neighbour upsampling plus a lateral connection from the stem, as in feature pyramids) and dense
 * per-cell heads in the manner of CenterNet (Zhou et al., "Objects as Points", arXiv:1904.07850, 2019): each cell of the stride-8 grid predicts whether an object's centre falls in it, the
 * object's attributes and its positions.
 *
 * <p>Shapes: B batch, W x H the input size, Hc = H / 8 and Wc = W / 8 the grid, S = Hc * Wc cells, T = S / 4
 * tokens of the coarse grid, C the stem width, D the transformer width, F the head width.
 *
 * <ul>
 *   <li>input: image (B, 3, H, W), normalised by {@link ImagePreprocessor};
 *   <li>output: (B, S, {@value #OUTPUTS}), cells in row-major order; per cell the channels of
 *       {@link Outputs}: presence logit, shape/colour/material/size logits, offset from the cell centre to the object centre,
 *       ground-plane x and y, and camera depth, each normalised as {@link SceneDecoder} documents;
 *   <li>in training, a second output when an attention block has an auxiliary loss (a mixture's routing loss):
 *       their weighted sum, a scalar to add to the training loss.
 * </ul>
 */
public class SceneNet extends AbstractBlock {

    /** Output channels per cell. */
    public static final int OUTPUTS = Outputs.COUNT;

    private static final byte VERSION = 1;

    private final SceneNetConfig config;
    private final SequentialBlock stem;
    private final SequentialBlock down;
    private final Parameter position;
    private final List<TransformerEncoderLayer> layers = new ArrayList<>();
    private final LayerNorm tokenNorm;
    private final Conv2d lateral;
    private final SequentialBlock head;

    /**
     * Creates the network.
     *
     * @param config the architecture
     */
    public SceneNet(SceneNetConfig config) {
        super(VERSION);
        this.config = config;
        SequentialBlock s = new SequentialBlock();
        int[] stages = config.stemChannels().stream().mapToInt(Integer::intValue).toArray();
        s.add(conv(stages[0], 2)).add(BatchNorm.builder().build()).add(Activation.reluBlock());
        s.add(conv(stages[1], 2)).add(BatchNorm.builder().build()).add(Activation.reluBlock());
        s.add(conv(stages[1], 1)).add(BatchNorm.builder().build()).add(Activation.reluBlock());
        s.add(conv(stages[2], 2)).add(BatchNorm.builder().build()).add(Activation.reluBlock());
        s.add(conv(stages[2], 1)).add(BatchNorm.builder().build()).add(Activation.reluBlock());
        stem = addChildBlock("stem", s);
        down = addChildBlock("down", new SequentialBlock().add(conv(config.embedDim(), 2))
                .add(BatchNorm.builder().build()).add(Activation.reluBlock()));
        position = addParameter(Parameter.builder().setName("position").setType(Parameter.Type.WEIGHT)
                .optInitializer(new NormalInitializer(0.02f)).build());
        for (int i = 0; i < config.layers(); i++) {
            GroupedQueryAttention attention = config.attention().build(config.embedDim());
            layers.add(addChildBlock("layer" + i, new TransformerEncoderLayer(attention, config.mlpDim())));
        }
        tokenNorm = addChildBlock("tokenNorm", LayerNorm.builder().axis(2).build());
        lateral = addChildBlock("lateral", Conv2d.builder().setKernelShape(new Shape(1, 1))
                .setFilters(config.embedDim()).build());
        head = addChildBlock("head", new SequentialBlock()
                .add(conv(config.headDim(), 1)).add(BatchNorm.builder().build()).add(Activation.reluBlock())
                .add(Conv2d.builder().setKernelShape(new Shape(1, 1)).setFilters(OUTPUTS).build()));
    }

    private static Conv2d conv(int filters, int stride) {
        return Conv2d.builder().setKernelShape(new Shape(3, 3)).optStride(new Shape(stride, stride))
                .optPadding(new Shape(1, 1)).setFilters(filters).optBias(false).build();
    }

    /** Returns the architecture. */
    public SceneNetConfig config() {
        return config;
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray image = inputs.singletonOrThrow(); // (B, 3, H, W)
        NDArray fine = stem.forward(ps, new NDList(image), training).head(); // (B, C, Hc, Wc)
        NDArray coarse = down.forward(ps, new NDList(fine), training).head(); // (B, D, Hc/2, Wc/2)
        Shape cs = coarse.getShape();
        long b = cs.get(0);
        long d = cs.get(1);
        long tokens = cs.get(2) * cs.get(3);
        NDArray x = coarse.reshape(b, d, tokens) // (B, D, T)
                .transpose(0, 2, 1) // (B, T, D)
                .add(ps.getValue(position, image.getDevice(), training)); // + (1, T, D)
        NDArray auxiliary = null; // the attention blocks' weighted auxiliary losses, in training
        for (TransformerEncoderLayer layer : layers) {
            NDList o = layer.forward(ps, new NDList(x), training);
            x = o.head(); // (B, T, D)
            if (o.size() > 1) {
                auxiliary = auxiliary == null ? o.get(1) : auxiliary.add(o.get(1));
            }
        }
        x = tokenNorm.forward(ps, new NDList(x), training).head();
        NDArray up = x.transpose(0, 2, 1).reshape(b, d, cs.get(2), cs.get(3)) // (B, D, Hc/2, Wc/2)
                .repeat(2, 2).repeat(3, 2); // (B, D, Hc, Wc), nearest neighbour
        NDArray fused = up.add(lateral.forward(ps, new NDList(fine), training).head()); // (B, D, Hc, Wc)
        NDArray out = head.forward(ps, new NDList(fused), training).head(); // (B, OUTPUTS, Hc, Wc)
        Shape os = out.getShape();
        NDArray cells = out.reshape(b, OUTPUTS, os.get(2) * os.get(3)).transpose(0, 2, 1); // (B, S, OUTPUTS)
        return auxiliary == null ? new NDList(cells) : new NDList(cells, auxiliary);
    }

    /** Returns the encoder layers, in order. */
    public List<TransformerEncoderLayer> encoderLayers() {
        return List.copyOf(layers);
    }

    /**
     * Returns the exact cost of the attention of all encoder layers for {@code batch} images ({@link AttentionCost}:
     * FLOPs of one forward pass, trainable attention parameters, key/value cache floats per image).
     */
    public AttentionCost attentionCost(long batch) {
        AttentionCost total = new AttentionCost(0, 0, 0);
        for (TransformerEncoderLayer layer : layers) {
            total = total.plus(layer.attention().cost(batch, config.tokens()));
        }
        return total;
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        return new Shape[] {new Shape(in.get(0), (in.get(2) / SceneNetConfig.STRIDE) * (in.get(3)
                / SceneNetConfig.STRIDE), OUTPUTS)};
    }

    @Override
    public void prepare(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        if (in.dimension() != 4 || in.get(1) != 3 || in.get(2) != config.inputHeight()
                || in.get(3) != config.inputWidth()) {
            throw new IllegalArgumentException("SceneNet input must be (B, 3, " + config.inputHeight() + ", "
                    + config.inputWidth() + "), got " + in);
        }
        position.setShape(new Shape(1, config.tokens(), config.embedDim()));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape in = inputShapes[0];
        stem.initialize(manager, dataType, in);
        Shape fine = stem.getOutputShapes(new Shape[] {in})[0];
        down.initialize(manager, dataType, fine);
        Shape tokens = new Shape(in.get(0), config.tokens(), config.embedDim());
        for (TransformerEncoderLayer layer : layers) {
            layer.initialize(manager, dataType, tokens);
        }
        tokenNorm.initialize(manager, dataType, tokens);
        lateral.initialize(manager, dataType, fine);
        Shape fused = new Shape(in.get(0), config.embedDim(), config.gridHeight(), config.gridWidth());
        head.initialize(manager, dataType, fused);
        // presence prior of 1% per cell (Lin et al., "Focal Loss for Dense Object Detection", ICCV 2017)
        var children = head.getChildren();
        NDArray bias = children.get(children.size() - 1).getValue().getParameters().get("bias").getArray();
        float[] b = new float[OUTPUTS];
        b[Outputs.PRESENCE] = (float) -Math.log(99.0);
        bias.set(b);
    }

    @Override
    protected void saveMetadata(DataOutputStream os) throws IOException {
        saveInputShapes(os);
        os.writeInt(config.inputWidth());
        os.writeInt(config.inputHeight());
        os.writeInt(config.embedDim());
        os.writeInt(config.layers());
    }

    @Override
    public void loadMetadata(byte loadVersion, DataInputStream is) throws IOException, MalformedModelException {
        if (loadVersion != VERSION) {
            throw new MalformedModelException("SceneNet: unsupported version " + loadVersion);
        }
        readInputShapes(is);
        int[] saved = {is.readInt(), is.readInt(), is.readInt(), is.readInt()};
        int[] mine = {config.inputWidth(), config.inputHeight(), config.embedDim(), config.layers()};
        if (!java.util.Arrays.equals(saved, mine)) {
            throw new MalformedModelException("SceneNet: saved (W, H, D, layers) = " + java.util.Arrays.toString(saved)
                    + ", config says " + java.util.Arrays.toString(mine));
        }
    }

    /** Channel layout of the per-cell output. */
    public static final class Outputs {
        /** Presence logit. */
        public static final int PRESENCE = 0;
        /** First of 3 shape logits. */
        public static final int SHAPE = 1;
        /** First of 8 colour logits. */
        public static final int COLOR = 4;
        /** First of 2 material logits. */
        public static final int MATERIAL = 12;
        /** First of 2 size logits. */
        public static final int SIZE = 14;
        /** Offset x, y from the cell centre to the object centre, in cells. */
        public static final int OFFSET = 16;
        /** Ground-plane x, y divided by {@link SceneDecoder#COORD_SCALE}. */
        public static final int COORDS = 18;
        /** Camera depth, (depth - DEPTH_MEAN) / DEPTH_SCALE. */
        public static final int DEPTH = 20;
        /** Number of channels. */
        public static final int COUNT = 21;
        /** First logit of each attribute, in {@link ClevrVocabulary#ATTRIBUTES} order. */
        public static final int[] ATTRIBUTE_START = {SHAPE, COLOR, MATERIAL, SIZE};

        private Outputs() {
        }
    }
}
