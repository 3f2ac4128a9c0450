package org.vqasp.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Shows summary keys the report does not know by name, so that figures newer runs add are never dropped: a single
 * value becomes a card, an object of values or of records a table, an array of records a table, and an object
 * mixing these is shown part by part.
 */
final class SummaryExtras {

    private static final int MAX_ROWS = 50;
    private static final int MAX_COLUMNS = 8;
    private static final int MAX_CELL = 240;

    private SummaryExtras() {
    }

    /**
     * Adds a key's value to the page.
     *
     * @param key the key, in snake_case
     * @param value its value
     * @param tables receives tables
     * @param cards receives single values
     */
    static void add(String key, JsonNode value, List<Table> tables, List<Card> cards) {
        String title = key.replace('_', ' ');
        if (value.isNumber()) {
            double v = value.asDouble();
            boolean share = key.contains("accuracy") || key.contains("rate") || key.contains("share");
            cards.add(new Card(title, share && v >= 0 && v <= 1 ? Format.percent(v) : Format.number(v, 4), ""));
        } else if (value.isValueNode() && !value.isNull()) {
            cards.add(new Card(title, value.asText(), ""));
        } else if (value.isArray()) {
            Table t = records(title, value);
            if (t != null) {
                tables.add(t);
            } else if (value.size() > 0) {
                cards.add(new Card(title, value.size() <= 10 ? value.toString() : value.size() + " values", ""));
            }
        } else if (value.isObject()) {
            if (allScalars(value)) {
                List<List<String>> rows = new ArrayList<>();
                for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext() && rows.size() < MAX_ROWS;) {
                    Map.Entry<String, JsonNode> e = it.next();
                    rows.add(List.of(e.getKey(), cell(e.getKey(), key, e.getValue())));
                }
                tables.add(new Table(title, List.of("", "value"), rows, more(value.size(), rows.size())));
            } else if (allRecords(value)) {
                tables.add(keyedRecords(title, value));
            } else {
                for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext();) {
                    Map.Entry<String, JsonNode> e = it.next();
                    add(key + " / " + JsonFields.snake(e.getKey()), e.getValue(), tables, cards);
                }
            }
        }
    }

    /** An array of objects as a table, or null when the array holds anything else. */
    static Table records(String title, JsonNode array) {
        if (array.size() == 0) {
            return null;
        }
        Set<String> columns = new LinkedHashSet<>();
        for (JsonNode e : array) {
            if (!e.isObject()) {
                return null;
            }
            e.fieldNames().forEachRemaining(c -> {
                if (columns.size() < MAX_COLUMNS) {
                    columns.add(c);
                }
            });
        }
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode e : array) {
            if (rows.size() == MAX_ROWS) {
                break;
            }
            List<String> row = new ArrayList<>();
            columns.forEach(c -> row.add(cell(c, title, e.path(c))));
            rows.add(row);
        }
        return new Table(title, List.copyOf(columns), rows, more(array.size(), rows.size()));
    }

    private static Table keyedRecords(String title, JsonNode object) {
        Set<String> columns = new LinkedHashSet<>();
        object.elements().forEachRemaining(e -> e.fieldNames().forEachRemaining(c -> {
            if (columns.size() < MAX_COLUMNS) {
                columns.add(c);
            }
        }));
        List<String> heads = new ArrayList<>();
        heads.add("");
        heads.addAll(columns);
        List<List<String>> rows = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext() && rows.size() < MAX_ROWS;) {
            Map.Entry<String, JsonNode> e = it.next();
            List<String> row = new ArrayList<>();
            row.add(e.getKey());
            columns.forEach(c -> row.add(cell(c, title, e.getValue().path(c))));
            rows.add(row);
        }
        return new Table(title, heads, rows, more(object.size(), rows.size()));
    }

    private static String cell(String column, String context, JsonNode v) {
        if (v.isMissingNode() || v.isNull()) {
            return Format.MISSING;
        }
        if (v.isNumber()) {
            double d = v.asDouble();
            boolean share = (column.contains("accuracy") || column.contains("rate") || context.contains("accuracy")
                    && !column.contains("question") && !column.contains("count") && !column.contains("correct"))
                    && d >= 0 && d <= 1 && !v.isIntegralNumber();
            return share ? Format.percent(d) : Format.number(d, 4);
        }
        String text = v.isValueNode() ? v.asText() : v.toString();
        return text.length() > MAX_CELL ? text.substring(0, MAX_CELL) + "..." : text;
    }

    private static boolean allScalars(JsonNode object) {
        for (JsonNode e : object) {
            if (!e.isValueNode()) {
                return false;
            }
        }
        return true;
    }

    private static boolean allRecords(JsonNode object) {
        if (object.size() == 0) {
            return false;
        }
        for (JsonNode e : object) {
            if (!e.isObject()) {
                return false;
            }
            for (JsonNode leaf : e) {
                if (!leaf.isValueNode()) {
                    return false;
                }
            }
        }
        return true;
    }

    private static String more(int total, int shown) {
        return total > shown ? "the first " + shown + " of " + total : "";
    }
}
