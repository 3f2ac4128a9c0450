package org.vqasp.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.vqasp.core.io.AtomicFiles;

/**
 * {@code summary.json} of an evaluation, computed from the whole predictions file (so a resumed run
 * reports every question, not just those of its last session).
 *
 * @param questions questions in the file
 * @param answered questions that got an answer
 * @param correct questions answered correctly
 * @param errors error rows by kind
 * @param byFamily per report group: questions and correct answers
 * @param byParser for runs with parsed programs, per parser ({@code none} for questions no parser read):
 *     questions and correct answers; empty otherwise
 * @param seconds wall-clock seconds of this run
 * @param processed questions this run answered (for the rate)
 */
public record EvalSummary(long questions, long answered, long correct, Map<String, Long> errors,
        Map<String, long[]> byFamily, Map<String, long[]> byParser, double seconds, long processed) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Returns correct / questions, or 0 without questions. */
    public double accuracy() {
        return questions == 0 ? 0 : (double) correct / questions;
    }

    /** Returns the questions answered per second in this run. */
    public double questionsPerSecond() {
        return seconds <= 0 ? 0 : processed / seconds;
    }

    /**
     * Computes the summary of a predictions file.
     *
     * @param predictions the file
     * @param seconds the wall-clock time of this run
     * @param processed the questions this run answered
     */
    public static EvalSummary of(Path predictions, double seconds, long processed) {
        long[] totals = new long[3];
        Map<String, Long> errors = new TreeMap<>();
        Map<String, long[]> families = new TreeMap<>();
        Map<String, long[]> parsers = new TreeMap<>();
        PredictionLog.read(predictions, p -> {
            totals[0]++;
            if (p.predicted() != null) {
                totals[1]++;
            }
            boolean ok = Boolean.TRUE.equals(p.correct());
            if (ok) {
                totals[2]++;
            }
            if (p.errorKind() != null) {
                errors.merge(p.errorKind(), 1L, Long::sum);
            }
            for (String f : p.families()) {
                long[] c = families.computeIfAbsent(f, k -> new long[2]);
                c[0]++;
                if (ok) {
                    c[1]++;
                }
            }
            if (p.origin() != null) {
                long[] c = parsers.computeIfAbsent(p.origin().parser() == null ? "none" : p.origin().parser(),
                        k -> new long[2]);
                c[0]++;
                if (ok) {
                    c[1]++;
                }
            }
        });
        return new EvalSummary(totals[0], totals[1], totals[2], errors, families, parsers, seconds, processed);
    }

    /** Returns the summary in the layout of CLI.md. */
    public ObjectNode toJson() {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("questions", questions);
        n.put("answered", answered);
        n.put("correct", correct);
        n.put("accuracy", round(accuracy()));
        ObjectNode e = n.putObject("errors");
        errors.forEach(e::put);
        ObjectNode f = n.putObject("by_family");
        byFamily.forEach((name, c) -> {
            ObjectNode fam = f.putObject(name);
            fam.put("questions", c[0]);
            fam.put("correct", c[1]);
            fam.put("accuracy", round(c[0] == 0 ? 0 : (double) c[1] / c[0]));
        });
        if (!byParser.isEmpty()) {
            ObjectNode b = n.putObject("by_parser");
            byParser.forEach((name, c) -> {
                ObjectNode row = b.putObject(name);
                row.put("questions", c[0]);
                row.put("correct", c[1]);
                row.put("accuracy", round(c[0] == 0 ? 0 : (double) c[1] / c[0]));
            });
        }
        n.put("seconds", round(seconds));
        n.put("questions_per_second", round(questionsPerSecond()));
        return n;
    }

    /** Writes {@code summary.json} into a directory. */
    public void write(Path dir) {
        AtomicFiles.writeJson(dir.resolve("summary.json"), toJson());
    }

    private static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }
}
