package org.vqasp.llm;

import org.vqasp.core.ErrorKind;
import org.vqasp.core.VqaspException;

/**
 * A language model could not answer. Keeps LangChain4j's split: a retriable failure (a time-out, a rate limit, a
 * server error, a connection that fails) that persisted through the retries, of kind
 * {@link ErrorKind#LLM_UNAVAILABLE}, or a non-retriable one (a bad key, an unknown model, a refused request), of
 * kind {@link ErrorKind#LLM_REFUSED}. {@link LlmErrors} decides which a failure is.
 */
public final class LlmException extends VqaspException {

    private static final long serialVersionUID = 1L;

    private final boolean retriable;

    /**
     * Creates an exception.
     *
     * @param retriable true when retrying later may succeed
     * @param message one line for people
     * @param cause the underlying failure
     */
    public LlmException(boolean retriable, String message, Throwable cause) {
        super(retriable ? ErrorKind.LLM_UNAVAILABLE : ErrorKind.LLM_REFUSED, message, cause);
        this.retriable = retriable;
    }

    /** Returns true when retrying later may succeed. */
    public boolean retriable() {
        return retriable;
    }
}
