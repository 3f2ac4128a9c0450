package org.vqasp.nn;

import ai.djl.nn.Block;

/**
 * An attention block that a {@link TransformerEncoderLayer} can hold: x (B, S, D) in, (B, S, D) out.
 *
 * <p>Forward contract: the first output is the attention output (B, S, D); in training a block may append one
 * scalar, an auxiliary loss already multiplied by its weight (the router loss of a {@link GroupMixture}), which the
 * caller adds to its training loss. At inference the output list holds the attention output only.
 */
public interface AttentionBlock extends Block {

    /** Returns D, the size of the input and of the output. */
    int embedDim();

    /** Returns the number of inputs that {@code forward} expects; an encoder layer needs 1 (x alone). */
    int inputCount();

    /**
     * Returns the exact cost of one forward pass of self-attention over {@code batch} sequences of {@code length}
     * tokens.
     *
     * @param batch B
     * @param length S
     * @return FLOPs, parameters and KV-cache size
     */
    AttentionCost cost(long batch, long length);
}
