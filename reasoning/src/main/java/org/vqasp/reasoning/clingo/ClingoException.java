package org.vqasp.reasoning.clingo;

import java.util.List;
import java.util.stream.Collectors;
import org.vqasp.core.VqaspException;

/**
 * A clingo call failed. Carries every message clingo logged during the call, in order.
 *
 * <p>Kinds: {@code syntax} (adding a program failed), {@code grounding} (e.g. unsafe variables),
 * {@code solving}, {@code clingo} (anything else).
 */
public class ClingoException extends VqaspException {

    private static final long serialVersionUID = 1L;

    private final transient List<ClingoMessage> messages;

    /**
     * Creates an exception.
     *
     * @param kind the failure kind
     * @param summary clingo's own one-line summary (such as "parsing failed")
     * @param messages every message logged during the failed call
     */
    public ClingoException(String kind, String summary, List<ClingoMessage> messages) {
        super(kind, describe(summary, messages));
        this.messages = List.copyOf(messages);
    }

    /** Returns the messages logged during the failed call. */
    public List<ClingoMessage> messages() {
        return messages;
    }

    private static String describe(String summary, List<ClingoMessage> messages) {
        if (messages.isEmpty()) {
            return summary;
        }
        return summary + ": " + messages.stream().map(m -> m.text().replace('\n', ' '))
                .collect(Collectors.joining("; "));
    }
}
