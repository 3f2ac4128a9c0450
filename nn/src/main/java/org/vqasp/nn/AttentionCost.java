package org.vqasp.nn;

/**
 * The cost of one attention layer, as {@link GroupedQueryAttention#cost} counts it.
 *
 * <p>FLOPs are twice the multiply-accumulates of every matrix product the block performs in one forward pass:
 * projections, the latent down- and up-projections, the router, the products that regroup key/value heads for a
 * dynamic head allocation, the scores {@code q k^T} and the weighted values {@code p v} (the convention of Kaplan
 * et al. and of Chen et al.'s cost-optimal GQA study). Element-wise work (biases, scaling, softmax, norms, noise,
 * pooling) is not counted. The products are counted as the block computes them, not as an ideal kernel would. Two
 * data-dependent cases: KDGQA counts its regrouping products, which a batch skips when every sample's allocation
 * comes out uniform; DGQA counts them while its current counts are not uniform.
 *
 * @param flops matrix-product FLOPs of one forward pass
 * @param parameters trainable parameters (state such as DGQA's key-norm average is not counted)
 * @param kvCacheFloats floats a decoder would keep per sequence for keys and values (or the latent) of this layer:
 *     {@code 2 * G * dh * S} for grouped heads, {@code r * S} for a latent of rank r, and the routed sum for a
 *     mixture
 */
public record AttentionCost(long flops, long parameters, long kvCacheFloats) {

    /** Returns the sum of two costs (two layers). */
    public AttentionCost plus(AttentionCost other) {
        return new AttentionCost(flops + other.flops, parameters + other.parameters,
                kvCacheFloats + other.kvCacheFloats);
    }

    /** Returns the cost of {@code n} identical layers. */
    public AttentionCost times(long n) {
        return new AttentionCost(flops * n, parameters * n, kvCacheFloats * n);
    }
}
