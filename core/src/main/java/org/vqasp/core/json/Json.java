package org.vqasp.core.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Checked accessors for JSON items: each names the key and what was expected when the item is wrong.
 */
public final class Json {

    private Json() {
    }

    /** Returns a required field, or throws naming the missing key. */
    public static JsonNode required(JsonNode node, String key) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("expected a JSON object, found " + kind(node));
        }
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException("missing \"" + key + "\"");
        }
        return v;
    }

    /** Returns a required text field. */
    public static String text(JsonNode node, String key) {
        JsonNode v = required(node, key);
        if (!v.isTextual()) {
            throw new IllegalArgumentException("\"" + key + "\" should be a string, found " + kind(v));
        }
        return v.asText();
    }

    /** Returns an optional text field, or null; numbers and booleans are turned into text. */
    public static String optText(JsonNode node, String key) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isValueNode()) {
            return v.asText();
        }
        throw new IllegalArgumentException("\"" + key + "\" should be a string, found " + kind(v));
    }

    /** Returns a required integer field. */
    public static long integer(JsonNode node, String key) {
        JsonNode v = required(node, key);
        if (!v.canConvertToLong() || !v.isIntegralNumber()) {
            throw new IllegalArgumentException("\"" + key + "\" should be an integer, found " + kind(v));
        }
        return v.asLong();
    }

    /** Returns an optional integer field, or null. */
    public static Integer optInt(JsonNode node, String key) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isIntegralNumber()) {
            throw new IllegalArgumentException("\"" + key + "\" should be an integer, found " + kind(v));
        }
        return v.asInt();
    }

    /** Returns a required number field. */
    public static double number(JsonNode node, String key) {
        JsonNode v = required(node, key);
        if (!v.isNumber()) {
            throw new IllegalArgumentException("\"" + key + "\" should be a number, found " + kind(v));
        }
        return v.asDouble();
    }

    /** Returns a required array field. */
    public static JsonNode array(JsonNode node, String key) {
        JsonNode v = required(node, key);
        if (!v.isArray()) {
            throw new IllegalArgumentException("\"" + key + "\" should be an array, found " + kind(v));
        }
        return v;
    }

    /** Returns the numbers of an array field of the given length. */
    public static double[] numbers(JsonNode node, String key, int length) {
        JsonNode a = array(node, key);
        if (a.size() != length) {
            throw new IllegalArgumentException("\"" + key + "\" should have " + length + " numbers, has " + a.size());
        }
        double[] out = new double[length];
        for (int i = 0; i < length; i++) {
            if (!a.get(i).isNumber()) {
                throw new IllegalArgumentException("\"" + key + "\"[" + i + "] should be a number, found "
                        + kind(a.get(i)));
            }
            out[i] = a.get(i).asDouble();
        }
        return out;
    }

    /** Returns the integers of an array node. */
    public static List<Integer> ints(JsonNode a, String what) {
        if (a == null || !a.isArray()) {
            throw new IllegalArgumentException(what + " should be an array of integers, found " + kind(a));
        }
        List<Integer> out = new ArrayList<>(a.size());
        for (JsonNode n : a) {
            if (!n.isIntegralNumber()) {
                throw new IllegalArgumentException(what + " should hold integers, found " + kind(n));
            }
            out.add(n.asInt());
        }
        return out;
    }

    /** Returns the texts of an array node; numbers and booleans become text. */
    public static List<String> texts(JsonNode a, String what) {
        if (a == null || !a.isArray()) {
            throw new IllegalArgumentException(what + " should be an array of strings, found " + kind(a));
        }
        List<String> out = new ArrayList<>(a.size());
        for (JsonNode n : a) {
            if (!n.isValueNode() || n.isNull()) {
                throw new IllegalArgumentException(what + " should hold strings, found " + kind(n));
            }
            out.add(n.asText());
        }
        return out;
    }

    /** Names the JSON type of a node for messages. */
    public static String kind(JsonNode n) {
        if (n == null || n.isMissingNode()) {
            return "nothing";
        }
        return switch (n.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case STRING -> "the string \"" + abbreviate(n.asText()) + "\"";
            case NUMBER -> "the number " + n.asText();
            case BOOLEAN -> n.asText();
            case NULL -> "null";
            default -> n.getNodeType().toString().toLowerCase();
        };
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
}
