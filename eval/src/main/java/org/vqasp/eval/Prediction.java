package org.vqasp.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One line of {@code predictions.jsonl}: {@code {"id", "image", "question", "gold", "predicted", "correct",
 * "error", "ms", "family"}}; {@code error} is null or {@code {"kind", "message"}}. Runs with parsed programs add
 * {@code "parser"}, {@code "parser_confidence"} and {@code "relaxed"} ({@link ProgramOrigin}), then any keys the
 * answerer adds ({@link #extras}).
 *
 * @param id the question's identifier
 * @param image the image
 * @param question the question text
 * @param gold the expected answer, or null
 * @param predicted the answer given, or null
 * @param correct whether the answer equals the gold one (null when there is no gold answer)
 * @param errorKind the error kind, or null
 * @param errorMessage the error message, or null
 * @param ms milliseconds spent
 * @param families the report groups
 * @param origin where the program came from, or null when programs are not parsed
 * @param extras more keys of the row, in order (strings, numbers, booleans or null; such as a parsed program)
 */
public record Prediction(String id, String image, String question, String gold, String predicted,
        Boolean correct, String errorKind, String errorMessage, double ms, List<String> families,
        ProgramOrigin origin, Map<String, Object> extras) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static final Set<String> KEYS = Set.of("id", "image", "question", "gold", "predicted", "correct", "error",
            "ms", "family");
    private static final Set<String> ORIGIN_KEYS = Set.of("parser", "parser_confidence", "relaxed");

    /** Copies the families and extras. */
    public Prediction {
        families = families == null ? List.of() : List.copyOf(families);
        extras = extras == null || extras.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(extras));
    }

    /** Creates a row without a parser or extras. */
    public Prediction(String id, String image, String question, String gold, String predicted, Boolean correct,
            String errorKind, String errorMessage, double ms, List<String> families) {
        this(id, image, question, gold, predicted, correct, errorKind, errorMessage, ms, families, null, Map.of());
    }

    /** Returns an extra key's value as text, or null when the row lacks it or it is null. */
    public String extra(String key) {
        Object v = extras.get(key);
        return v == null ? null : v.toString();
    }

    /** Returns the line as JSON, without a newline. */
    public String toJson() {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("id", id);
        n.put("image", image);
        n.put("question", question);
        n.put("gold", gold);
        n.put("predicted", predicted);
        if (correct == null) {
            n.putNull("correct");
        } else {
            n.put("correct", correct);
        }
        if (errorKind == null) {
            n.putNull("error");
        } else {
            ObjectNode e = n.putObject("error");
            e.put("kind", errorKind);
            e.put("message", errorMessage);
        }
        n.put("ms", Math.round(ms * 1000) / 1000.0);
        ArrayNode f = n.putArray("family");
        families.forEach(f::add);
        if (origin != null) {
            n.put("parser", origin.parser());
            if (origin.confidence() == null) {
                n.putNull("parser_confidence");
            } else {
                n.put("parser_confidence", origin.confidence());
            }
            n.put("relaxed", origin.relaxed());
        }
        extras.forEach((k, v) -> n.set(k, MAPPER.valueToTree(v)));
        return n.toString();
    }

    /**
     * Parses a line written by {@link #toJson()}.
     *
     * @throws IllegalArgumentException when the line is not such a record
     */
    public static Prediction parse(String line) {
        try {
            JsonNode n = MAPPER.readTree(line);
            if (n == null || !n.isObject() || !n.hasNonNull("id")) {
                throw new IllegalArgumentException("not a prediction: " + line);
            }
            JsonNode e = n.get("error");
            List<String> families = new ArrayList<>();
            if (n.has("family")) {
                n.get("family").forEach(f -> families.add(f.asText()));
            }
            boolean origin = n.has("relaxed"); // a ProgramOrigin wrote parser keys; otherwise they are extras (GQA)
            Map<String, Object> extras = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> x = it.next();
                if (!KEYS.contains(x.getKey()) && !(origin && ORIGIN_KEYS.contains(x.getKey()))) {
                    JsonNode v = x.getValue();
                    extras.put(x.getKey(), v.isNull() ? null : v.isBoolean() ? v.asBoolean() : v.isNumber()
                            ? v.numberValue() : v.isTextual() ? v.asText() : v.toString());
                }
            }
            return new Prediction(n.get("id").asText(), text(n, "image"), text(n, "question"), text(n, "gold"),
                    text(n, "predicted"), n.hasNonNull("correct") ? n.get("correct").asBoolean() : null,
                    e != null && e.isObject() ? text(e, "kind") : null,
                    e != null && e.isObject() ? text(e, "message") : null,
                    n.path("ms").asDouble(), families,
                    origin ? new ProgramOrigin(text(n, "parser"),
                            n.hasNonNull("parser_confidence") ? n.get("parser_confidence").asDouble() : null,
                            n.path("relaxed").asBoolean()) : null, extras);
        } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
            throw new IllegalArgumentException("not JSON: " + ex.getOriginalMessage(), ex);
        }
    }

    private static String text(JsonNode n, String key) {
        JsonNode v = n.get(key);
        return v == null || v.isNull() ? null : v.asText();
    }
}
