package org.vqasp.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.vqasp.eval.FamilyNames;

/**
 * The page section of one evaluation (or check) run: headline figures, accuracy by family, errors, parsers,
 * scene-graph scores with confusion matrices, the failure gallery, and whatever else the summary holds.
 *
 * @param kind {@code "eval"}
 * @param name the run's name
 * @param anchor the section's id in the page
 * @param title what kind of run it is
 * @param description how it was run (scene source, programs)
 * @param questions questions in the run, as the summary counts them
 * @param correct correct answers, as the summary counts them
 * @param commandLine the recorded command line, or empty
 * @param cards headline figures
 * @param familyCharts accuracy by family (or type) as charts
 * @param familyLabel what a family is here ({@code template} or {@code question type})
 * @param families accuracy per family, in natural order
 * @param errors error rows by kind, with an example message
 * @param errorChart the error kinds as a chart, or null
 * @param parsers which parser produced the programs, when rows say
 * @param sceneGraphs scene-graph scores (vision runs), or null
 * @param gallery the failure gallery
 * @param failures every failure, first ones only
 * @param breakdowns further per-group figures the summary holds (program accuracy per operation, say)
 * @param extras further single figures the summary holds
 * @param notes what the reader had to make up for
 */
public record EvalSection(String kind, String name, String anchor, String title, String description,
        long questions, long correct, String commandLine, List<Card> cards, List<Chart> familyCharts, String familyLabel, List<GroupRow> families,
        Table errors, Chart errorChart, Table parsers, SceneGraphSection sceneGraphs, FailureGallery gallery,
        Table failures, List<Table> breakdowns, List<Card> extras, List<String> notes) {

    /** The most failures listed in the failure table. */
    static final int FAILURE_ROWS = 500;

    /**
     * Builds the section of a run.
     *
     * @param run the run
     * @param name the run's name on the page
     * @param anchor the section's id
     * @param galleryLimit the most failures shown as cards
     */
    static EvalSection of(EvalRun run, String name, String anchor, int galleryLimit) {
        JsonNode s = run.summary();
        List<Card> cards = new ArrayList<>();
        if (run.check()) {
            cards.add(new Card("compiled", Format.number(JsonFields.number(s, "compiled"), 0),
                    "of " + Format.number(run.questions(), 0) + " programs"));
            cards.add(new Card("failed", Format.number(JsonFields.number(s, "failed"), 0), ""));
        } else if (!s.has("accuracy") && s.has("program_accuracy")) {
            // parsed programs scored alone (eval gqa --programs parsed without scene graphs): nothing was answered
            cards.add(new Card("program accuracy", Format.percent(JsonFields.number(s, "program_accuracy")),
                    Format.number(JsonFields.number(s, "program_correct"), 0) + " of "
                            + Format.number(JsonFields.number(s, "program_questions"), 0) + " programs as the gold"));
        } else {
            cards.add(new Card("accuracy", Format.percent(run.accuracy()),
                    Format.number(run.correct(), 0) + " of " + Format.number(run.questions(), 0) + " questions"));
            cards.add(new Card("answered", Format.number(JsonFields.number(s, "answered"), 0),
                    "questions with an answer"));
        }
        long errorRows = 0;
        for (JsonNode v : iterable(JsonFields.get(s, "errors"))) {
            errorRows += v.asLong();
        }
        cards.add(new Card("errors", Format.number(errorRows, 0), "rows without an answer"));
        double seconds = JsonFields.number(s, "seconds");
        if (!Double.isNaN(seconds) && seconds > 0) {
            cards.add(new Card("time", Format.number(seconds, 1) + " s",
                    Format.number(JsonFields.number(s, "questions_per_second"), 0) + " questions/s"));
        }

        Map<String, long[]> sorted = new TreeMap<>(FamilyNames.NATURAL);
        sorted.putAll(run.families());
        List<GroupRow> families = new ArrayList<>();
        sorted.forEach((family, c) -> families.add(GroupRow.of(family, c[0], c[1])));

        List<Chart> charts = familyCharts(run);
        Table errors = errorTable(run);
        Chart errorChart = null;
        if (!errors.rows().isEmpty()) {
            Map<String, Double> counts = new LinkedHashMap<>();
            errors.rows().forEach(r -> counts.put(r.get(0), Double.parseDouble(r.get(1).replace(",", ""))));
            errorChart = Charts.countBars("Errors by kind", counts, "rows");
        }
        SceneGraphSection sg = SceneGraphSection.of(JsonFields.read(run.dir().resolve("scene_graphs.json")));
        FailureGallery gallery = run.check() ? new FailureGallery(List.of(), 0, List.of())
                : FailureGallery.of(run, galleryLimit);
        List<Table> breakdowns = new ArrayList<>();
        List<Card> extras = new ArrayList<>();
        boolean rowParsers = run.rows().stream().anyMatch(r -> r.parser() != null);
        for (Iterator<Map.Entry<String, JsonNode>> it = s.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = JsonFields.snake(e.getKey());
            if (EvalRun.KNOWN_KEYS.contains(key) || run.check() && List.of("compiled", "failed", "failures")
                    .contains(key) || rowParsers && key.contains("parser")) {
                continue;
            }
            SummaryExtras.add(key, e.getValue(), breakdowns, extras);
        }
        return new EvalSection("eval", name, anchor, title(run), description(run), run.questions(), run.correct(),
                run.inputs().commandLine() == null ? "" : run.inputs().commandLine(), cards, charts,
                run.gqa() ? "question type" : "template", families, errors, errorChart,
                rowParsers ? parserTable(run) : null, sg, gallery, failureTable(run), breakdowns, extras, run.notes());
    }

    private static String title(EvalRun run) {
        return (run.gqa() ? "GQA " : "CLEVR ") + (run.check() ? "program check" : "evaluation");
    }

    private static String description(EvalRun run) {
        RunInputs in = run.inputs();
        List<String> parts = new ArrayList<>();
        if (in.sceneSource() != null) {
            parts.add("scenes: " + (in.vision() ? "read from the images by the vision model"
                    + (in.weighted() ? ", answered over their probabilities (--weighted)" : "") : "gold"));
        }
        if (in.programs() != null) {
            parts.add("programs: " + in.programs());
        }
        return String.join("; ", parts);
    }

    /** CLEVR: one chart over template files; GQA: one chart per kind of type (structural, semantic). */
    private static List<Chart> familyCharts(EvalRun run) {
        List<Chart> charts = new ArrayList<>();
        Map<String, long[]> byPrefix = FamilyNames.byPrefix(run.families());
        if (run.families().isEmpty()) {
            return charts;
        }
        if (byPrefix.size() <= 3 && byPrefix.size() < run.families().size()) {
            for (String prefix : byPrefix.keySet()) {
                Map<String, long[]> members = new TreeMap<>(FamilyNames.NATURAL);
                run.families().forEach((name, c) -> {
                    if (FamilyNames.prefix(name).equals(prefix)) {
                        members.put(name.substring(Math.min(name.length(), prefix.length() + 1)), c);
                    }
                });
                charts.add(shareChart("Accuracy by " + prefix + " type", members));
            }
        } else if (byPrefix.size() <= 40) {
            charts.add(shareChart(byPrefix.size() < run.families().size() ? "Accuracy by template file"
                    : "Accuracy by family", byPrefix));
        }
        return charts;
    }

    private static Chart shareChart(String title, Map<String, long[]> groups) {
        Map<String, Double> shares = new LinkedHashMap<>();
        Map<String, String> labels = new LinkedHashMap<>();
        groups.forEach((name, c) -> {
            shares.put(name, c[0] == 0 ? 0 : (double) c[1] / c[0]);
            labels.put(name, Charts.percentLabel(c[0] == 0 ? 0 : (double) c[1] / c[0], c[0]));
        });
        return Charts.shareBars(title, shares, labels, "accuracy (%)");
    }

    private static Table errorTable(EvalRun run) {
        Map<String, String> example = new LinkedHashMap<>();
        for (PredictionRow r : run.rows()) {
            if (r.errorKind() != null) {
                example.putIfAbsent(r.errorKind(), r.errorMessage() == null ? "" : r.errorMessage());
            }
        }
        List<List<String>> rows = new ArrayList<>();
        JsonNode errors = JsonFields.get(run.summary(), "errors");
        Map<String, Long> counts = new LinkedHashMap<>();
        if (errors.isObject()) {
            errors.fields().forEachRemaining(e -> counts.put(e.getKey(), e.getValue().asLong()));
        } else {
            run.rows().forEach(r -> {
                if (r.errorKind() != null) {
                    counts.merge(r.errorKind(), 1L, Long::sum);
                }
            });
        }
        counts.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
                .forEach(e -> rows.add(List.of(e.getKey(), Format.number(e.getValue(), 0),
                        example.getOrDefault(e.getKey(), ""))));
        return new Table("Errors by kind", List.of("kind", "rows", "first message"), rows, "");
    }

    private static Table parserTable(EvalRun run) {
        Map<String, double[]> by = new TreeMap<>();
        for (PredictionRow r : run.rows()) {
            double[] c = by.computeIfAbsent(r.parser() == null ? "(none)" : r.parser(), k -> new double[5]);
            c[0]++;
            c[1] += Boolean.TRUE.equals(r.correct()) ? 1 : 0;
            c[4] += r.correct() != null ? 1 : 0;
            if (!Double.isNaN(r.parserConfidence())) {
                c[2] += r.parserConfidence();
                c[3]++;
            }
        }
        List<List<String>> rows = new ArrayList<>();
        // rows that were only parsed (no scene graphs) have no answer to count
        by.forEach((name, c) -> rows.add(List.of(name, Format.number(c[0], 0),
                c[4] == 0 ? Format.MISSING : Format.number(c[1], 0),
                c[4] == 0 ? Format.MISSING : Format.percent(c[1] / c[0]), c[3] == 0 ? Format.MISSING
                        : String.format(Locale.ROOT, "%.3f", c[2] / c[3]))));
        return new Table("Which parser produced the programs", List.of("parser", "questions", "correct", "accuracy",
                "mean confidence"), rows, "");
    }

    private static Table failureTable(EvalRun run) {
        List<List<String>> rows = new ArrayList<>();
        long failures = 0;
        for (PredictionRow r : run.rows()) {
            if (!r.failed()) {
                continue;
            }
            failures++;
            if (rows.size() < FAILURE_ROWS) {
                rows.add(List.of(r.id(), r.family(), r.question() == null ? "" : r.question(),
                        r.predicted() != null ? r.predicted() : "[" + r.errorKind() + "]",
                        r.gold() == null ? "" : r.gold()));
            }
        }
        return new Table("Every failure", List.of("id", "family", "question", "answer", "gold"), rows,
                failures > rows.size() ? "the first " + rows.size() + " of " + Format.number(failures, 0) + " failures"
                        : "");
    }

    private static Iterable<JsonNode> iterable(JsonNode n) {
        List<JsonNode> out = new ArrayList<>();
        if (n.isObject()) {
            n.elements().forEachRemaining(out::add);
        }
        return out;
    }
}
