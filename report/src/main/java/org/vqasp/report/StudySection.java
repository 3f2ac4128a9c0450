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
 * their model directories are there. The table is {@code table.json} as {@code vqa study attention} writes it
 * ({@code {"rows": [{"variant", "accuracy", "attention_flops_per_image", "parameters", "kv_floats_per_image",
 * "train_images_per_second", "inference_images_per_second", ...}]}}, models in {@code variants/VARIANT/model}), or
 * a {@code study.json} of that layout; every other column is shown in the table.
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

    /** The study table's file names in a run directory: {@code vqa study attention} writes {@code table.json}. */
    static final List<String> FILES = List.of("table.json", "study.json");

    /** Cost columns, by a word their names contain, in plotting order, with the axis label to use. */
    private static final String[][] COSTS = {{"flop", "FLOPs per image"}, {"parameters", "parameters"},
        {"kv", "KV size"}, {"train_images_per_second", "training images/s"},
        {"inference_images_per_second", "inference images/s"}};

    /** Returns whether a path is a study: a directory with its table, or the table file itself. */
    static boolean isStudy(Path p) {
        return table(p) != null;
    }

    /** Returns the study table of a directory (or the file itself), or null: rows that name their variant. */
    static Path table(Path p) {
        List<Path> candidates = Files.isDirectory(p) ? FILES.stream().map(p::resolve).toList() : List.of(p);
        for (Path f : candidates) {
            if (Files.isRegularFile(f) && f.getFileName().toString().endsWith(".json")) {
                List<JsonNode> rows = rows(JsonFields.read(f));
                if (!rows.isEmpty() && (rows.get(0).has("variant") || f.getFileName().toString().equals("study.json"))) {
                    return f;
                }
            }
        }
        return null;
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
        JsonNode study = JsonFields.read(table(p));
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
            String column = columns.stream().filter(c -> c.equals(cost[0])).findFirst().orElse(columns.stream()
                    .filter(c -> c.toLowerCase(Locale.ROOT).contains(cost[0]) && !c.equals(accuracyKey)
                            && !plotted.contains(c) && numeric(rows, c)).findFirst().orElse(null));
            if (column == null || accuracyKey == null || plotted.contains(column)) {
                continue;
            }
            plotted.add(column);
            List<Charts.Point> points = new ArrayList<>();
            for (JsonNode r : rows) {
                double x = JsonFields.number(r, column);
                double y = JsonFields.number(r, accuracyKey);
                if (!Double.isNaN(x) && !Double.isNaN(y)) {
                    points.add(new Charts.Point(JsonFields.text(r, nameKey), x, y));
                }
            }
            plots.add(Charts.scatter(label(accuracyKey) + " against " + label(column), label(column),
                    label(accuracyKey), points, share(rows, accuracyKey)));
        }
        if (accuracyKey == null) {
            notes.add("the study table has no accuracy column: no accuracy-against-cost plot");
        }
        List<Charts.Series> loss = new ArrayList<>();
        List<Charts.Series> val = new ArrayList<>();
        for (JsonNode r : rows) {
            String model = JsonFields.firstText(r, "model", "model_dir", "dir");
            String variant = JsonFields.text(r, nameKey);
            Path m = model != null ? dir.resolve(model) : variant == null ? dir
                    : dir.resolve("variants").resolve(variant).resolve("model");
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
                if (v.isObject() && v.has("all")) {
                    v = v.get("all"); // per-attribute accuracy: all four right
                } else if (v.isObject()) {
                    List<String> parts = new ArrayList<>();
                    v.fields().forEachRemaining(e -> parts.add(e.getKey() + " " + (e.getValue().isValueNode()
                            ? e.getValue().asText() : e.getValue().toString())));
                    row.add(String.join(", ", parts));
                    continue;
                }
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
