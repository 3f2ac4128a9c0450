package org.vqasp.core;

/**
 * Seeds derived from seeds: every random choice in vqasp is a function of an explicit seed and of where it is made
 * (an image's index, an epoch and a position), so that any part can be redone alone with the same result.
 */
public final class Seeds {

    /** 2^64 divided by the golden ratio: the step between consecutive SplitMix64 states. */
    public static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private Seeds() {
    }

    /**
     * SplitMix64's output function (Stafford's mix 13): spreads the bits of a 64-bit value so that nearby inputs give
     * unrelated outputs.
     *
     * @param z the value
     * @return the mixed value
     */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * Returns the seed of a place in a seeded run, such as the augmentation of position {@code b} of epoch
     * {@code a}: the three values weighted by odd constants, then two mixing rounds.
     *
     * @param seed the run's seed
     * @param a the first coordinate
     * @param b the second coordinate
     * @return the seed
     */
    public static long of(long seed, long a, long b) {
        long h = seed * GOLDEN_GAMMA + a * 0xC2B2AE3D27D4EB4FL + b * 0x165667B19E3779F9L;
        h ^= h >>> 31;
        h *= 0xBF58476D1CE4E5B9L;
        return h ^ (h >>> 29);
    }
}
