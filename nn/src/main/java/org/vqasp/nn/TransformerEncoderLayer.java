package org.vqasp.nn;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * A pre-norm transformer encoder layer: {@code x + attn(LN(x))}, then {@code x + MLP(LN(x))} with a GELU MLP of
 * width {@code mlpDim}; the attention is any {@link AttentionBlock} that takes x alone, such as a
 * {@link GroupedQueryAttention} self-attention in any of its variants (Xiong et al., "On Layer Normalization in the
 * Transformer Architecture", ICML 2020, for the pre-norm placement).
 *
 * <p>Input and output: x (B, S, D). In training, an auxiliary loss the attention block appends ({@link AttentionBlock})
 * is passed on as a second output.
 */
public class TransformerEncoderLayer extends AbstractBlock {

    private static final byte VERSION = 1;

    private final int embedDim;
    private final int mlpDim;
    private final LayerNorm norm1;
    private final AttentionBlock attention;
    private final LayerNorm norm2;
    private final Linear fc1;
    private final Linear fc2;

    /**
     * Creates a layer.
     *
     * @param attention the self-attention block, taking x alone; its {@code embedDim} is D
     * @param mlpDim hidden width of the MLP
     */
    public TransformerEncoderLayer(AttentionBlock attention, int mlpDim) {
        super(VERSION);
        if (attention.inputCount() != 1) {
            throw new IllegalArgumentException("encoder layer needs unmasked self-attention, got " + attention);
        }
        if (mlpDim <= 0) {
            throw new IllegalArgumentException("mlpDim must be positive, got " + mlpDim);
        }
        this.embedDim = attention.embedDim();
        this.mlpDim = mlpDim;
        norm1 = addChildBlock("norm1", LayerNorm.builder().axis(2).build());
        this.attention = addChildBlock("attention", attention);
        norm2 = addChildBlock("norm2", LayerNorm.builder().axis(2).build());
        fc1 = addChildBlock("fc1", Linear.builder().setUnits(mlpDim).build());
        fc2 = addChildBlock("fc2", Linear.builder().setUnits(embedDim).build());
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow(); // (B, S, D)
        NDArray h = norm1.forward(ps, new NDList(x), training).head();
        NDList attended = attention.forward(ps, new NDList(h), training);
        x = x.add(attended.head()); // (B, S, D)
        h = norm2.forward(ps, new NDList(x), training).head();
        h = Activation.gelu(fc1.forward(ps, new NDList(h), training).head()); // (B, S, mlpDim)
        x = x.add(fc2.forward(ps, new NDList(h), training).head()); // (B, S, D)
        return attended.size() > 1 ? new NDList(x, attended.get(1)) : new NDList(x);
    }

    /** Returns the attention block. */
    public AttentionBlock attention() {
        return attention;
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape x = inputShapes[0];
        if (x.get(x.dimension() - 1) != embedDim) {
            throw new IllegalArgumentException("input must end in " + embedDim + ", got " + x);
        }
        norm1.initialize(manager, dataType, x);
        attention.initialize(manager, dataType, x);
        norm2.initialize(manager, dataType, x);
        fc1.initialize(manager, dataType, x);
        fc2.initialize(manager, dataType, new Shape(x.get(0), x.get(1), mlpDim));
    }

    @Override
    protected void saveMetadata(DataOutputStream os) throws IOException {
        saveInputShapes(os);
        os.writeInt(embedDim);
        os.writeInt(mlpDim);
    }

    @Override
    public void loadMetadata(byte loadVersion, DataInputStream is) throws IOException, MalformedModelException {
        if (loadVersion != VERSION) {
            throw new MalformedModelException("TransformerEncoderLayer: unsupported version " + loadVersion);
        }
        readInputShapes(is);
        int d = is.readInt();
        int m = is.readInt();
        if (d != embedDim || m != mlpDim) {
            throw new MalformedModelException("TransformerEncoderLayer: saved (D, mlpDim) = (" + d + ", " + m
                    + "), block has (" + embedDim + ", " + mlpDim + ")");
        }
    }
}
