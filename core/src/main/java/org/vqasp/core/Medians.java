package org.vqasp.core;

import java.util.Arrays;
import java.util.Collection;

/** The median every benchmark reports (of several timed runs, so that one slow run under load does not count). */
public final class Medians {

    private Medians() {
    }

    /**
     * Returns the median of the values: the middle one, or the mean of the middle two for an even count.
     *
     * @param values at least one value; not changed
     * @return the median
     * @throws IllegalArgumentException when there are no values
     */
    public static double of(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("the median of no values");
        }
        double[] v = values.clone();
        Arrays.sort(v);
        int m = v.length / 2;
        return v.length % 2 == 1 ? v[m] : (v[m - 1] + v[m]) / 2;
    }

    /**
     * Returns the median of the values (see {@link #of(double[])}).
     *
     * @param values at least one value
     * @return the median
     */
    public static double of(Collection<Double> values) {
        return of(values.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
