package org.vqasp.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * Scalar operands for differentiable arithmetic.
 *
 * <p>DJL's PyTorch engine implements {@code mul(Number)}, {@code div(Number)}, {@code maximum(Number)} and the
 * like by wrapping the number in a tensor over a Java direct buffer, computing, and closing that tensor. When the
 * operation's gradient needs the scalar ({@code mul}, {@code div}, {@code maximum}, {@code pow}), autograd keeps
 * the tensor for the backward pass, but its memory is still the direct buffer's: once the garbage collector frees
 * that buffer, the backward pass reads whatever the memory holds by then, and the gradients come out scaled by
 * garbage (NaN or 1e30 in the tests, after a {@code System.gc()} between forward and backward). A scalar made
 * here is filled by the engine itself, so its memory belongs to PyTorch and lives as long as the graph needs it.
 *
 * <p>{@code add(Number)} and {@code sub(Number)} are safe (their gradient does not read the scalar), as are
 * scalar operations on arrays that take no gradient (masks, targets).
 */
public final class Scalars {

    private Scalars() {}

    /**
     * Returns a 0-dimensional array holding {@code value}, of {@code like}'s type, device and manager, whose
     * memory the engine owns.
     *
     * @param like the array the scalar will be combined with
     * @param value the value
     * @return the scalar
     */
    public static NDArray of(NDArray like, double value) {
        return like.getManager().full(new Shape(), (float) value, like.getDataType());
    }
}
