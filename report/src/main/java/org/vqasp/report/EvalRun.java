package org.vqasp.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vqasp.eval.EvalSummary;

/**
 * An evaluation (or check) run directory as read for a report: {@code summary.json} (computed from the predictions
 * when a killed run left none), every row of {@code predictions.jsonl}, and the inputs the run read.
 *
 * @param dir the run directory
 * @param inputs the files the run read (for the gallery)
 * @param summary the summary as written (or computed)
 * @param rows every prediction row
 * @param families report group -> {questions, correct}, as the summary counts them
 * @param gqa whether the questions are GQA's (else CLEVR's)
 * @param notes what the reader had to make up for (a missing summary, say)
 */
record EvalRun(Path dir, RunInputs inputs, JsonNode summary, List<PredictionRow> rows, Map<String, long[]> families,
        boolean gqa, List<String> notes) {

    /** The summary keys every evaluation writes (others are shown as they come). */
    static final List<String> KNOWN_KEYS = List.of("questions", "answered", "correct", "accuracy", "errors",
            "by_family", "seconds", "questions_per_second");

    /** Returns the number of questions as the summary gives it. */
    long questions() {
        return JsonFields.count(summary, "questions", rows.size());
    }

    /** Returns the number of correct answers as the summary gives it. */
    long correct() {
        return JsonFields.count(summary, "correct", rows.stream().filter(r -> Boolean.TRUE.equals(r.correct())).count());
    }

    /** Returns the accuracy as the summary gives it. */
    double accuracy() {
        double a = JsonFields.number(summary, "accuracy");
        return Double.isNaN(a) && questions() > 0 ? (double) correct() / questions() : a;
    }

    /** Returns whether this is a {@code vqa check} run (programs compiled, not answered). */
    boolean check() {
        return JsonFields.has(summary, "compiled");
    }

    /**
     * Reads a run directory that holds {@code predictions.jsonl}.
     *
     * @param dir the run directory
     * @param override inputs given on the report's command line
     */
    static EvalRun read(Path dir, RunInputs override) {
        List<String> notes = new ArrayList<>();
        Path predictions = dir.resolve("predictions.jsonl");
        JsonNode summary = JsonFields.read(dir.resolve("summary.json"));
        if (summary.isMissingNode()) {
            summary = EvalSummary.of(predictions, 0, 0).toJson();
            notes.add("summary.json is missing (the run was stopped before the end): the figures are computed "
                    + "from predictions.jsonl");
        }
        List<PredictionRow> rows = Files.exists(predictions) ? PredictionRow.readAll(predictions) : List.of();
        Map<String, long[]> families = new LinkedHashMap<>();
        JsonNode byFamily = JsonFields.get(summary, "by_family");
        for (Iterator<Map.Entry<String, JsonNode>> it = byFamily.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            families.put(e.getKey(), new long[] {JsonFields.count(e.getValue(), "questions", 0),
                JsonFields.count(e.getValue(), "correct", 0)});
        }
        RunInputs inputs = RunInputs.of(dir).with(override);
        return new EvalRun(dir, inputs, summary, rows, families, isGqa(inputs, rows), notes);
    }

    private static boolean isGqa(RunInputs inputs, List<PredictionRow> rows) {
        if (inputs.command() != null) {
            return inputs.command().endsWith("gqa");
        }
        for (PredictionRow r : rows) {
            for (String f : r.families()) {
                if (f.startsWith("structural/") || f.startsWith("semantic/")) {
                    return true;
                }
            }
            if (r.image() != null && (r.image().startsWith("CLEVR") || r.image().startsWith("image "))) {
                return false;
            }
        }
        return false;
    }
}
