package org.vqasp.core;

/**
 * Bad usage or unreadable input: a missing file, malformed JSON, a value outside the vocabulary.
 *
 * <p>The command line exits with code 2 on this exception and prints its message as one line.
 */
public class InputException extends VqaspException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an input error.
     *
     * @param kind a short machine-readable word, such as {@code "malformed_json"}
     * @param message one line naming the file, the position and what was expected
     */
    public InputException(String kind, String message) {
        super(kind, message);
    }

    /**
     * Creates an input error with a cause.
     *
     * @param kind a short machine-readable word
     * @param message one line naming the file, the position and what was expected
     * @param cause the underlying failure
     */
    public InputException(String kind, String message, Throwable cause) {
        super(kind, message, cause);
    }
}
