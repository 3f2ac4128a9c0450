package org.vqasp.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How scene graphs the model read match the gold scenes ({@code scene_graphs.json} of an evaluation, the validation
 * metrics of a training run): detection, attribute and relation scores, and a confusion matrix per attribute.
 *
 * @param cards the headline scores
 * @param attributes attribute accuracy as a chart
 * @param confusions one matrix per attribute (empty for files written before confusion was recorded)
 */
public record SceneGraphSection(List<Card> cards, Chart attributes, List<Confusion> confusions) {

    /**
     * A confusion matrix: gold values down, predicted values across.
     *
     * @param attribute the attribute
     * @param values its values, in vocabulary order
     * @param rows one row per gold value
     * @param errors matched objects whose value was wrong
     * @param total matched objects
     */
    public record Confusion(String attribute, List<String> values, List<Row> rows, long errors, long total) {
    }

    /**
     * One gold value's row.
     *
     * @param gold the gold value
     * @param cells one per predicted value
     * @param total the row's objects
     */
    public record Row(String gold, List<Cell> cells, long total) {
    }

    /**
     * One cell: a count, shaded by its share of the row (right answers blue, confusions orange).
     *
     * @param count matched objects
     * @param diagonal whether gold and predicted agree
     * @param style the cell's CSS background
     */
    public record Cell(long count, boolean diagonal, String style) {
    }

    /**
     * Builds the section from scene metrics, or returns null when there are none.
     *
     * @param m the metrics object ({@code images}, {@code precision}, {@code attribute_accuracy}, ...)
     */
    static SceneGraphSection of(JsonNode m) {
        if (m == null || !m.isObject() || !JsonFields.has(m, "precision")) {
            return null;
        }
        List<Card> cards = new ArrayList<>();
        JsonNode attrs = JsonFields.get(m, "attribute_accuracy");
        cards.add(new Card("objects found (recall)", Format.percent(JsonFields.number(m, "recall")),
                Format.number(JsonFields.number(m, "matched"), 0) + " of "
                        + Format.number(JsonFields.number(m, "gold_objects"), 0) + " gold objects"));
        cards.add(new Card("precision", Format.percent(JsonFields.number(m, "precision")),
                Format.number(JsonFields.number(m, "predicted_objects"), 0) + " objects read"));
        cards.add(new Card("all four attributes right", Format.percent(JsonFields.number(attrs, "all")),
                "of matched objects"));
        cards.add(new Card("relations", Format.percent(JsonFields.number(m, "relation_accuracy")),
                "left/right/front/behind pairs"));
        cards.add(new Card("whole scene right", Format.percent(JsonFields.number(m, "scene_accuracy")),
                Format.number(JsonFields.number(m, "images"), 0) + " images"));
        cards.add(new Card("position error", Format.number(JsonFields.number(m, "mean_coord_error"), 3),
                "ground-plane units"));
        Map<String, Double> shares = new LinkedHashMap<>();
        Map<String, String> labels = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = attrs.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue().isNumber()) {
                shares.put(e.getKey(), e.getValue().asDouble());
                labels.put(e.getKey(), Format.percent(e.getValue().asDouble()));
            }
        }
        Chart chart = shares.isEmpty() ? null : Charts.shareBars("Attribute accuracy of matched objects", shares,
                labels, "accuracy (%)");
        return new SceneGraphSection(cards, chart, confusions(JsonFields.get(m, "confusion")));
    }

    private static List<Confusion> confusions(JsonNode c) {
        List<Confusion> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = c.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> attr = it.next();
            List<String> values = new ArrayList<>();
            attr.getValue().fieldNames().forEachRemaining(values::add);
            List<Row> rows = new ArrayList<>();
            long errors = 0;
            long total = 0;
            for (String gold : values) {
                JsonNode r = attr.getValue().get(gold);
                long rowTotal = 0;
                for (String p : values) {
                    rowTotal += r.path(p).asLong();
                }
                List<Cell> cells = new ArrayList<>();
                for (String p : values) {
                    long n = r.path(p).asLong();
                    boolean diagonal = p.equals(gold);
                    double share = rowTotal == 0 ? 0 : (double) n / rowTotal;
                    double alpha = n == 0 ? 0 : 0.12 + 0.88 * (diagonal ? share : Math.sqrt(share));
                    String rgb = diagonal ? "0,114,178" : "230,159,0";
                    cells.add(new Cell(n, diagonal, String.format(Locale.ROOT, "background:rgba(%s,%.2f)%s", rgb,
                            alpha, alpha > 0.6 ? ";color:#fff" : "")));
                    if (!diagonal) {
                        errors += n;
                    }
                }
                total += rowTotal;
                rows.add(new Row(gold, cells, rowTotal));
            }
            out.add(new Confusion(attr.getKey(), values, rows, errors, total));
        }
        return out;
    }
}
