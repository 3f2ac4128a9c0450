package org.vqasp.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.vqasp.core.ErrorKind;
import org.vqasp.core.InputException;

/**
 * Tolerant reading of the JSON files runs write: a key is looked up in snake_case and in camelCase (older files
 * use {@code goldObjects}, newer ones {@code gold_objects}), and a missing key is a default, never an error.
 */
final class JsonFields {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonFields() {
    }

    /** Reads a JSON file, or returns a missing node when the file does not exist. */
    static JsonNode read(Path file) {
        if (!Files.isRegularFile(file)) {
            return MissingNode.getInstance();
        }
        try {
            JsonNode n = MAPPER.readTree(file.toFile());
            return n == null ? MissingNode.getInstance() : n;
        } catch (IOException e) {
            throw new InputException(ErrorKind.MALFORMED_JSON, file + ": not JSON (" + e.getMessage() + ")", e);
        }
    }

    /** Parses one line of JSON, or returns null when it is not JSON (a line cut short by a kill). */
    static JsonNode parse(String line) {
        try {
            return MAPPER.readTree(line);
        } catch (IOException e) {
            return null;
        }
    }

    /** Returns the value of a key given in snake_case, also found when written in camelCase; missing: a missing node. */
    static JsonNode get(JsonNode n, String snakeKey) {
        if (n == null || !n.isObject()) {
            return MissingNode.getInstance();
        }
        JsonNode v = n.get(snakeKey);
        if (v == null) {
            v = n.get(camel(snakeKey));
        }
        return v == null ? MissingNode.getInstance() : v;
    }

    /** Returns whether a key (snake_case or camelCase) holds a value that is not null. */
    static boolean has(JsonNode n, String snakeKey) {
        JsonNode v = get(n, snakeKey);
        return !v.isMissingNode() && !v.isNull();
    }

    /** Returns a number, or NaN when the key is missing or not a number. */
    static double number(JsonNode n, String snakeKey) {
        JsonNode v = get(n, snakeKey);
        return v.isNumber() ? v.asDouble() : v.isTextual() ? parseOrNaN(v.asText()) : Double.NaN;
    }

    /** Returns a whole number, or a default when the key is missing or not a number. */
    static long count(JsonNode n, String snakeKey, long otherwise) {
        JsonNode v = get(n, snakeKey);
        return v.isNumber() ? v.asLong() : otherwise;
    }

    /** Returns a text, or null when the key is missing or null; numbers and booleans come as text. */
    static String text(JsonNode n, String snakeKey) {
        JsonNode v = get(n, snakeKey);
        return v.isMissingNode() || v.isNull() ? null : v.isValueNode() ? v.asText() : v.toString();
    }

    /** Returns the first number among several keys, or NaN. */
    static double firstNumber(JsonNode n, String... snakeKeys) {
        for (String k : snakeKeys) {
            double v = number(n, k);
            if (!Double.isNaN(v)) {
                return v;
            }
        }
        return Double.NaN;
    }

    /** Returns the first text among several keys, or null. */
    static String firstText(JsonNode n, String... snakeKeys) {
        for (String k : snakeKeys) {
            String v = text(n, k);
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    /** Returns the elements of an array (an empty list for anything else). */
    static List<JsonNode> elements(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(out::add);
        }
        return out;
    }

    /** Returns {@code gold_objects} as {@code goldObjects}. */
    static String camel(String snake) {
        StringBuilder sb = new StringBuilder(snake.length());
        boolean up = false;
        for (char c : snake.toCharArray()) {
            if (c == '_') {
                up = true;
            } else {
                sb.append(up ? Character.toUpperCase(c) : c);
                up = false;
            }
        }
        return sb.toString();
    }

    /** Returns {@code goldObjects} as {@code gold_objects}. */
    static String snake(String key) {
        StringBuilder sb = new StringBuilder(key.length() + 4);
        for (char c : key.toCharArray()) {
            if (Character.isUpperCase(c)) {
                sb.append('_').append(Character.toLowerCase(c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static double parseOrNaN(String s) {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
