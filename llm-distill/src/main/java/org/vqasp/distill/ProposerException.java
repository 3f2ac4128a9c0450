package org.vqasp.distill;

import org.vqasp.core.VqaspException;

/**
 * A proposer could not answer. Keeps LangChain4j's split: a retriable failure (a time-out, a rate limit, a server
 * error) that persisted through the retries, or a non-retriable one (a bad key, an unknown model, a refused
 * request). Either stops the run, which can be resumed.
 */
public final class ProposerException extends VqaspException {

    private static final long serialVersionUID = 1L;

    private final boolean retriable;

    /**
     * Creates an exception.
     *
     * @param retriable true when retrying later may succeed
     * @param message one line for people
     * @param cause the underlying failure
     */
    public ProposerException(boolean retriable, String message, Throwable cause) {
        super(retriable ? "llm_unavailable" : "llm_refused", message, cause);
        this.retriable = retriable;
    }

    /** Returns true when retrying later may succeed. */
    public boolean retriable() {
        return retriable;
    }
}
