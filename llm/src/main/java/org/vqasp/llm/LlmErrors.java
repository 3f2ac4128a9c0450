package org.vqasp.llm;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.LangChain4jException;
import dev.langchain4j.exception.NonRetriableException;
import dev.langchain4j.exception.RetriableException;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The one place where a failed model call is judged retriable or not, HTTP statuses included: 408 (time-out),
 * 429 (rate limit) and 5xx (server errors) are worth retrying; other 4xx (a bad key, an unknown model, a refused
 * request) are not. LangChain4j's own exceptions keep their split ({@link RetriableException},
 * {@link NonRetriableException}); a connection that fails (an {@link IOException} underneath) is retriable; anything
 * else is not.
 */
public final class LlmErrors {

    private LlmErrors() {
    }

    /**
     * Returns true when a call that failed with this HTTP status may succeed if made again.
     *
     * @param status the HTTP status code
     */
    public static boolean retriableStatus(int status) {
        return status == 408 || status == 429 || status >= 500 && status < 600;
    }

    /**
     * Returns true when a call that failed this way may succeed if made again.
     *
     * @param failure what the chat backend threw
     */
    public static boolean retriable(Throwable failure) {
        if (failure instanceof HttpException h) {
            return retriableStatus(h.statusCode());
        }
        if (failure instanceof RetriableException || failure instanceof UncheckedIOException) {
            return true;
        }
        if (failure instanceof NonRetriableException) {
            return false;
        }
        return failure instanceof LangChain4jException && failure.getCause() instanceof IOException;
    }

    /** Returns a failure as one short line: its class and message, at most 300 characters. */
    static String describe(Throwable e) {
        String m = e.getMessage();
        String s = e.getClass().getSimpleName() + (m == null ? "" : ": " + m.replace('\n', ' '));
        return s.length() > 300 ? s.substring(0, 297) + "..." : s;
    }
}
