package org.vqasp.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TurnTimerTest {

    @Test
    void should_time_every_block_in_turns_each_round_starting_with_the_next() {
        // given three blocks that record when they run
        List<Integer> order = new ArrayList<>();
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            int id = i;
            blocks.add(new LambdaBlock(x -> {
                order.add(id);
                return new NDList(x.head().mul(id + 1));
            }));
        }
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray input = manager.randomNormal(new Shape(4, 8));
            float[] before = input.toFloatArray();
            for (Block b : blocks) {
                b.initialize(manager, DataType.FLOAT32, input.getShape());
            }

            // when they are timed with one warm-up round and two timed ones
            List<TurnTimer.Times> times = TurnTimer.time(manager, blocks, input, true, y -> y.head().sum(), 1, 2);

            // then each block runs forward and forward+backward once per round, rounds starting with blocks 2, 0, 1
            assertEquals(List.of(2, 2, 0, 0, 1, 1, 0, 0, 1, 1, 2, 2, 1, 1, 2, 2, 0, 0), order);
            assertEquals(3, times.size());
            for (TurnTimer.Times t : times) {
                assertTrue(t.forward() > 0 && t.forward() < 10, "forward " + t.forward());
                assertTrue(t.forwardBackward() > 0 && t.forwardBackward() < 10, "train " + t.forwardBackward());
            }
            // and the input is left as it was
            assertArrayEquals(before, input.toFloatArray());
            assertThrows(IllegalArgumentException.class,
                    () -> TurnTimer.time(manager, blocks, input, true, y -> y.head().sum(), 0, 0));
        }
    }

    @Test
    void should_take_the_middle_value_or_the_mean_of_the_middle_two() {
        // given an odd and an even count / then the middle value, or the mean of the middle two
        assertEquals(3.0, TurnTimer.median(new double[] {5, 1, 3}));
        assertEquals(2.5, TurnTimer.median(new double[] {4, 1, 3, 2}));
        // and the caller's values keep their order
        double[] values = {2, 1};
        TurnTimer.median(values);
        assertEquals(2.0, values[0]);
    }
}
