package org.vqasp.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;

class AdamWTest {

    @Test
    void should_follow_adamw_and_leave_no_arrays_behind() {
        try (NDManager manager = NDManager.newBaseManager()) {
            // given a linear layer with known weights and a loss of sum(W x) with x = (1, 2)
            Linear layer = Linear.builder().setUnits(1).optBias(false).build();
            layer.initialize(manager, DataType.FLOAT32, new Shape(1, 2));
            NDArray w = layer.getParameters().get("weight").getArray();
            w.set(new float[] {0.5f, -1f});
            ParameterStore ps = new ParameterStore(manager, false);
            try (AdamW adam = new AdamW(manager, layer.getParameters(), 0.1f)) {
                // when two steps are taken with learning rate 0.01
                int before = 0;
                for (int step = 0; step < 12; step++) {
                    try (NDManager s = manager.newSubManager()) {
                        NDArray x = s.create(new float[] {1, 2}, new Shape(1, 2));
                        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                            gc.backward(layer.forward(ps, new NDList(x), true).head().sum());
                        }
                        adam.step(0.01f);
                    }
                    if (step == 1) {
                        // then after two steps: the gradient is constant (1, 2), so m_hat / sqrt(v_hat) = 1 and each
                        // step moves w by -lr * (1 + 0.1 w)
                        float w0 = 0.5f - 0.01f * (1 + 0.1f * 0.5f);
                        float w1 = -1f - 0.01f * (1 + 0.1f * -1f);
                        w0 = w0 - 0.01f * (1 + 0.1f * w0);
                        w1 = w1 - 0.01f * (1 + 0.1f * w1);
                        float[] got = layer.getParameters().get("weight").getArray().toFloatArray();
                        assertEquals(w0, got[0], 1e-5);
                        assertEquals(w1, got[1], 1e-5);
                        before = manager.getManagedArrays().size();
                    }
                }
                // and further steps leave the number of live arrays unchanged
                assertEquals(before, manager.getManagedArrays().size());
            }
        }
    }
}
