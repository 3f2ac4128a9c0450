package org.vqasp.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The page section of a benchmark's JSON ({@code vqa bench attention|reasoning|vision --json FILE}): the ratios
 * against the baseline measured in the same run as charts, and every row as a table. Rows of an unknown benchmark
 * are shown as a table.
 *
 * @param kind {@code "bench"}
 * @param name the file's name
 * @param anchor the section's id in the page
 * @param title which benchmark
 * @param description what its ratios compare
 * @param cards headline figures
 * @param charts the ratios and rates as charts
 * @param table every row
 */
public record BenchSection(String kind, String name, String anchor, String title, String description,
        List<Card> cards, List<Chart> charts, Table table) {

    /** Returns whether a path is a benchmark's JSON file. */
    static boolean isBench(Path p) {
        if (!Files.isRegularFile(p) || !p.getFileName().toString().endsWith(".json")) {
            return false;
        }
        List<JsonNode> rows = JsonFields.elements(JsonFields.get(JsonFields.read(p), "rows"));
        return !rows.isEmpty() && rows.get(0).isObject();
    }

    /**
     * Builds the section of a benchmark file.
     *
     * @param file the JSON file
     * @param name its name on the page
     * @param anchor the section's id
     */
    static BenchSection of(Path file, String name, String anchor) {
        JsonNode bench = JsonFields.read(file);
        List<JsonNode> rows = JsonFields.elements(JsonFields.get(bench, "rows"));
        JsonNode first = rows.get(0);
        List<Chart> charts = new ArrayList<>();
        List<Card> cards = new ArrayList<>();
        String title;
        String description;
        if (first.has("query_heads") || first.has("ratio_fwd")) {
            title = "Attention benchmark";
            description = "forward and forward+backward time of each head configuration, as a ratio to multi-head "
                    + "attention at the same sequence length (below 1: faster)";
            if (JsonFields.has(bench, "matmul_gflops")) {
                cards.add(new Card("matrix multiply", Format.number(JsonFields.number(bench, "matmul_gflops"), 1)
                        + " GFLOP/s", "this machine, same run"));
            }
            charts.add(Charts.bars("Forward time against MHA", bySeq(rows, "ratio_fwd"), "ratio to MHA", false,
                    false));
            if (rows.stream().anyMatch(r -> r.path("ratio_fwd_bwd").isNumber())) {
                charts.add(Charts.bars("Forward + backward time against MHA", bySeq(rows, "ratio_fwd_bwd"),
                        "ratio to MHA", false, false));
            }
        } else if (first.has("spawn_questions_per_second") || first.has("ratio") && first.has("dataset")) {
            title = "Reasoning benchmark";
            description = "questions per second in-process (one clingo call per batch) against spawning the clingo "
                    + "binary per question, on the same questions (above 1: faster)";
            Map<String, Map<String, Double>> ratio = new LinkedHashMap<>();
            Map<String, Map<String, Double>> rate = new LinkedHashMap<>();
            for (JsonNode r : rows) {
                String threads = "threads " + JsonFields.text(r, "threads");
                String ds = String.valueOf(JsonFields.text(r, "dataset"));
                ratio.computeIfAbsent(threads, k -> new LinkedHashMap<>()).put(ds, JsonFields.number(r, "ratio"));
                rate.computeIfAbsent(ds + ", in-process", k -> new LinkedHashMap<>()).put(threads,
                        JsonFields.number(r, "questions_per_second"));
                rate.computeIfAbsent(ds + ", spawned", k -> new LinkedHashMap<>()).put(threads,
                        JsonFields.number(r, "spawn_questions_per_second"));
            }
            charts.add(Charts.bars("Speed-up over spawning clingo per question", ratio, "times faster", false, false));
            charts.add(Charts.bars("Questions per second", rate, "questions/s", false, false));
        } else if (first.has("stage") && first.has("images_per_second")) {
            title = "Vision benchmark";
            description = "images per second of rendering and of reading scene graphs, by thread count";
            Map<String, Map<String, Double>> rate = new LinkedHashMap<>();
            for (JsonNode r : rows) {
                rate.computeIfAbsent(JsonFields.text(r, "stage"), k -> new LinkedHashMap<>())
                        .put("threads " + JsonFields.text(r, "threads"), JsonFields.number(r, "images_per_second"));
            }
            charts.add(Charts.bars("Images per second", rate, "images/s", false, false));
        } else {
            title = "Benchmark";
            description = "rows as written";
        }
        Set<String> columns = new LinkedHashSet<>();
        rows.forEach(r -> r.fieldNames().forEachRemaining(columns::add));
        List<List<String>> cells = new ArrayList<>();
        for (JsonNode r : rows) {
            List<String> row = new ArrayList<>();
            for (String c : columns) {
                JsonNode v = r.path(c);
                row.add(v.isNumber() ? Format.number(v.asDouble(), 3) : v.isMissingNode() || v.isNull()
                        ? Format.MISSING : v.asText());
            }
            cells.add(row);
        }
        return new BenchSection("bench", name, anchor, title, description, cards, charts,
                new Table("Every row", List.copyOf(columns), cells, ""));
    }

    /** Attention rows as series per sequence length over head configurations ({@code 8q/2kv}). */
    private static Map<String, Map<String, Double>> bySeq(List<JsonNode> rows, String key) {
        Map<String, Map<String, Double>> out = new LinkedHashMap<>();
        for (JsonNode r : rows) {
            String config = JsonFields.firstText(r, "variant", "name");
            if (config == null) {
                config = JsonFields.text(r, "query_heads") + "q/" + JsonFields.text(r, "kv_heads") + "kv";
            }
            String seq = JsonFields.has(r, "seq") ? "seq " + JsonFields.text(r, "seq") : "all";
            out.computeIfAbsent(seq, k -> new LinkedHashMap<>()).put(config, JsonFields.number(r, key));
        }
        return out;
    }
}
