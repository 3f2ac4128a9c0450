package org.vqasp.core;

import java.util.Objects;

/**
 * The one unchecked root of every vqasp failure.
 *
 * <p>The {@link #kind()} is a short machine-readable word ({@code "unique"}, {@code "unknown_function"},
 * {@code "bad_program"}, ...) that batch runs write into the {@code error} field of {@code predictions.jsonl};
 * the message is one line for people, naming the file, the item and what was expected.
 */
public class VqaspException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String kind;

    /**
     * Creates an exception of the given kind.
     *
     * @param kind a short machine-readable word
     * @param message one line for people
     */
    public VqaspException(String kind, String message) {
        super(message);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    /**
     * Creates an exception of the given kind with a cause.
     *
     * @param kind a short machine-readable word
     * @param message one line for people
     * @param cause the underlying failure
     */
    public VqaspException(String kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    /** Returns the machine-readable kind of this failure. */
    public String kind() {
        return kind;
    }
}
