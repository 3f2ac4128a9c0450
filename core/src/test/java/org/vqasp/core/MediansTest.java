package org.vqasp.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class MediansTest {

    @Test
    void should_take_the_middle_value_or_the_mean_of_the_middle_two() {
        double[] runs = {5.0, 1.0, 3.0};
        assertEquals(3.0, Medians.of(runs));
        assertArrayEquals(new double[] {5.0, 1.0, 3.0}, runs); // the caller's order stays
        assertEquals(2.5, Medians.of(new double[] {4.0, 1.0, 2.0, 3.0}));
        assertEquals(2.5, Medians.of(List.of(4.0, 1.0, 2.0, 3.0)));
        assertThrows(IllegalArgumentException.class, () -> Medians.of(new double[0]));
    }
}
