package org.vqasp.eval;

import java.util.LinkedHashMap;
import java.util.Map;
import org.vqasp.core.VqaspException;

/**
 * What answering one item gave: an answer or an error, the time it took, and where its program came from.
 *
 * @param predicted the answer, or null
 * @param error why there is no answer, or null
 * @param ms milliseconds spent on this item (its share of a batch)
 * @param origin the parser that read the question, or null when programs are not parsed
 * @param extras more keys for the item's row of {@code predictions.jsonl} (strings, numbers, booleans or null),
 *     in order; empty for most answerers
 */
public record Outcome(String predicted, VqaspException error, double ms, ProgramOrigin origin,
        Map<String, Object> extras) {

    /** Copies the extras. */
    public Outcome {
        extras = extras == null || extras.isEmpty() ? Map.of()
                : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(extras));
    }

    /** An outcome without a parser or extras. */
    public Outcome(String predicted, VqaspException error, double ms) {
        this(predicted, error, ms, null, Map.of());
    }

    /** Returns an answer. */
    public static Outcome of(String predicted, double ms) {
        return new Outcome(predicted, null, ms);
    }

    /** Returns an error. */
    public static Outcome failed(VqaspException error, double ms) {
        return new Outcome(null, error, ms);
    }

    /** Returns this outcome with more keys for its row. */
    public Outcome withExtras(Map<String, Object> more) {
        Map<String, Object> all = new LinkedHashMap<>(extras);
        all.putAll(more);
        return new Outcome(predicted, error, ms, origin, all);
    }

    /** Returns this outcome with the origin of its program. */
    public Outcome from(ProgramOrigin o) {
        return new Outcome(predicted, error, ms, o, extras);
    }
}
