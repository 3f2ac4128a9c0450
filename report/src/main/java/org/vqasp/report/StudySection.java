package org.vqasp.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The page section of a study ({@code vqa study attention}): its table of variants, accuracy plotted against each
 * cost the table gives (FLOPs, parameters, KV size, throughput), and the variants' training curves overlaid when
 * their model directories are named. The table is {@code study.json}: {@code {"rows": [{"variant", "accuracy",
 * ...costs...}]}} (see {@code docs/report.md}); any other numeric column is shown in the table.
 *
 * @param kind {@code "study"}
 * @param name the study's name
 * @param anchor the section's id in the page
 * @param commandLine the recorded command line, or empty
 * @param accuracyKey the column plotted as accuracy
 * @param plots accuracy against each cost
 * @param curves the variants' training curves overlaid
 * @param table every variant, every column
 * @param notes what the reader had to make up for
 */
public record StudySection(String kind, String name, String anchor, String commandLine, String accuracyKey,
        List<Chart> plots, List<Chart> curves, Table table, List<String> notes) {

    /** The study table's file name in a run directory. */
    static final String FILE = "study.json";

    /** Cost columns, by a word their names contain, in plotting order, with the axis label to use. */
    private static final String[][] COSTS = {{"flop", "FLOPs per image"}, {"param", "parameters"},
        {"kv", "KV size"}, {"train_images_per_second", "training images/s"},
        {"inference_images_per_second", "inference images/s"}, {"images_per_second", "images/s"},
        {"ms", "milliseconds"}};

    /** Returns whether a path is a study: a directory with {@code study.json}, or such a file. */
    static boolean isStudy(Path p) {
        Path file = Files.isDirectory(p) ? p.resolve(FILE) : p;
        return Files.isRegularFile(file) && !rows(JsonFields.read(file)).isEmpty()
                && (Files.isDirectory(p) || p.getFileName().toString().equals(FILE) || hasVariantColumn(file));
    }

    /**
     * Builds the section.
     *
     * @param p a study directory or its {@code study.json}
     * @param name the study's name on the page
     * @param anchor the section's id
     */
    static StudySection of(Path p, String name, String anchor) {
        Path dir = Files.isDirectory(p) ? p : p.toAbsolutePath().getParent();
        JsonNode study = JsonFields.read(Files.isDirectory(p) ? p.resolve(FILE) : p);
        List<JsonNode> rows = rows(study);
        List<String> notes = new ArrayList<>();
        Set<String> columns = new LinkedHashSet<>();
        rows.forEach(r -> r.fieldNames().forEachRemaining(columns::add));
        String nameKey = columns.stream().filter(c -> List.of("variant", "name", "attention").contains(c)).findFirst()
                .orElse(columns.isEmpty() ? "variant" : columns.iterator().next());
        String accuracyKey = accuracyKey(columns, rows);
        List<Chart> plots = new ArrayList<>();
        Set<String> plotted = new LinkedHashSet<>();
        for (String[] cost : COSTS) {
            for (String c : columns) {
                if (c.toLowerCase(Locale.ROOT).contains(cost[0]) && !c.equals(accuracyKey) && !plotted.contains(c)
                        && numeric(rows, c) && plotted.size() < 5) {
                    plotted.add(c);
                    List<Charts.Point> points = new ArrayList<>();
                    for (JsonNode r : rows) {
                        double x = JsonFields.number(r, c);
                        double y = JsonFields.number(r, accuracyKey);
                        if (!Double.isNaN(x) && !Double.isNaN(y)) {
                            points.add(new Charts.Point(JsonFields.text(r, nameKey), x, y));
                        }
                    }
                    plots.add(Charts.scatter(label(accuracyKey) + " against " + label(c), label(c),
                            label(accuracyKey), points, share(rows, accuracyKey)));
                }
            }
        }
        if (accuracyKey == null) {
            notes.add("the study table has no accuracy column: no accuracy-against-cost plot");
        }
        List<Charts.Series> loss = new ArrayList<>();
        List<Charts.Series> val = new ArrayList<>();
        for (JsonNode r : rows) {
            String model = JsonFields.firstText(r, "model", "model_dir", "dir");
            if (model == null) {
                continue;
            }
            Path m = dir.resolve(model);
            if (TrainingSection.isTraining(m)) {
                List<JsonNode> epochs = JsonFields.elements(JsonFields.get(JsonFields.read(m.resolve("metrics.json")),
                        "epochs"));
                loss.add(TrainingSection.series(JsonFields.text(r, nameKey), epochs, "epoch", "train_loss"));
                val.add(TrainingSection.series(JsonFields.text(r, nameKey), epochs, "epoch",
                        "validation.attribute_accuracy.all"));
            }
        }
        List<Chart> curves = new ArrayList<>();
        if (!loss.isEmpty()) {
            curves.add(Charts.lines("Training loss per epoch", "epoch", "loss", loss, false));
            curves.add(Charts.lines("Validation: all attributes right", "epoch", "accuracy", val, true));
        }
        List<String> heads = new ArrayList<>(columns);
        List<List<String>> cells = new ArrayList<>();
        for (JsonNode r : rows) {
            List<String> row = new ArrayList<>();
            for (String c : heads) {
                JsonNode v = r.path(c);
                row.add(v.isNumber() ? (c.contains("accuracy") && v.asDouble() <= 1 ? Format.percent(v.asDouble())
                        : Format.compact(v.asDouble())) : v.isMissingNode() || v.isNull() ? Format.MISSING
                        : v.isValueNode() ? v.asText() : v.toString());
            }
            cells.add(row);
        }
        String cmd = JsonFields.text(study, "command_line");
        return new StudySection("study", name, anchor, cmd == null ? "" : cmd, accuracyKey == null ? ""
                : label(accuracyKey), plots, curves, new Table("Variants", heads, cells, ""), notes);
    }

    private static List<JsonNode> rows(JsonNode study) {
        if (study.isArray()) {
            return JsonFields.elements(study).stream().filter(JsonNode::isObject).toList();
        }
        for (String k : List.of("rows", "variants", "results")) {
            List<JsonNode> r = JsonFields.elements(JsonFields.get(study, k));
            if (!r.isEmpty()) {
                return r.stream().filter(JsonNode::isObject).toList();
            }
        }
        return List.of();
    }

    private static boolean hasVariantColumn(Path file) {
        List<JsonNode> r = rows(JsonFields.read(file));
        return !r.isEmpty() && r.get(0).has("variant");
    }

    private static String accuracyKey(Set<String> columns, List<JsonNode> rows) {
        for (String preferred : List.of("accuracy", "answer_accuracy", "question_accuracy", "attribute_accuracy")) {
            if (columns.contains(preferred) && numeric(rows, preferred)) {
                return preferred;
            }
        }
        for (Iterator<String> it = columns.iterator(); it.hasNext();) {
            String c = it.next();
            if (c.contains("accuracy") && numeric(rows, c)) {
                return c;
            }
        }
        return null;
    }

    private static boolean numeric(List<JsonNode> rows, String column) {
        return column != null && rows.stream().anyMatch(r -> r.path(column).isNumber());
    }

    private static boolean share(List<JsonNode> rows, String column) {
        return rows.stream().allMatch(r -> !r.path(column).isNumber()
                || r.path(column).asDouble() >= 0 && r.path(column).asDouble() <= 1);
    }

    private static String label(String column) {
        if (column == null) {
            return "";
        }
        for (String[] cost : COSTS) {
            if (column.toLowerCase(Locale.ROOT).contains(cost[0]) && column.length() <= cost[0].length() + 8) {
                return cost[1];
            }
        }
        return column.replace('_', ' ');
    }
}
