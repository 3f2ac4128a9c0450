package org.vqasp.llm;

import java.time.Duration;
import java.util.Objects;

/**
 * How often and how long to wait before retrying a model call that failed in a retriable way (a rate limit, a
 * time-out, a server error): exponential, from an initial delay up to a maximum.
 *
 * @param maxRetries the most retries after the first call
 * @param initialDelay the wait before the first retry
 * @param multiplier how much each wait grows
 * @param maxDelay the longest wait
 */
public record Backoff(int maxRetries, Duration initialDelay, double multiplier, Duration maxDelay) {

    /** The default: 3 retries, waiting 2 s, 4 s, 8 s (at most 60 s). */
    public static final Backoff DEFAULT = new Backoff(3, Duration.ofSeconds(2), 2.0, Duration.ofSeconds(60));

    /** Checks the values. */
    public Backoff {
        Objects.requireNonNull(initialDelay, "initialDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must not be negative, was " + maxRetries);
        }
        if (initialDelay.isNegative() || maxDelay.isNegative()) {
            throw new IllegalArgumentException("delays must not be negative: " + initialDelay + ", " + maxDelay);
        }
        if (!(multiplier >= 1)) {
            throw new IllegalArgumentException("multiplier must be at least 1, was " + multiplier);
        }
    }

    /**
     * Returns the wait before retry number {@code retry} (from 1).
     *
     * @param retry the retry's number
     * @return the wait
     */
    public Duration delay(int retry) {
        double ms = initialDelay.toMillis() * Math.pow(multiplier, Math.max(0, retry - 1));
        return Duration.ofMillis((long) Math.min(ms, maxDelay.toMillis()));
    }

    /** Waits; a seam so that tests need not sleep. */
    @FunctionalInterface
    public interface Sleeper {
        /** The real clock. */
        Sleeper SYSTEM = d -> Thread.sleep(d.toMillis());

        /**
         * Waits for a duration.
         *
         * @throws InterruptedException when interrupted
         */
        void sleep(Duration d) throws InterruptedException;
    }
}
