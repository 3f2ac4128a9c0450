package org.vqasp.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import org.vqasp.eval.CheckSummary;
import org.vqasp.eval.EvalSummary;
import org.vqasp.eval.FamilyNames;

/** Prints evaluation and check summaries as tables, or as JSON with {@code --json}. */
final class SummaryPrinter {

    private SummaryPrinter() {
    }

    static void print(PrintWriter out, EvalSummary s, Path dir, JsonOption json) throws Exception {
        json.emit(out, s.toJson());
        if (!json.stdout()) {
            printTable(out, s, dir);
        }
    }

    /** Prints the accuracy table of an evaluation summary and where its files are. */
    static void printTable(PrintWriter out, EvalSummary s, Path dir) {
        out.printf("%-28s %9s %9s %9s%n", "family", "questions", "correct", "accuracy");
        java.util.List<Map.Entry<String, long[]>> families = new java.util.ArrayList<>(s.byFamily().entrySet());
        families.sort(Map.Entry.comparingByKey(FamilyNames.NATURAL));
        for (Map.Entry<String, long[]> e : families) {
            long[] c = e.getValue();
            out.printf("%-28s %9d %9d %8.2f%%%n", e.getKey(), c[0], c[1], c[0] == 0 ? 0 : 100.0 * c[1] / c[0]);
        }
        out.println("-".repeat(58));
        out.printf("%-28s %9d %9d %8.2f%%%n", "all", s.questions(), s.correct(), 100 * s.accuracy());
        if (!s.errors().isEmpty()) {
            out.println("errors: " + s.errors());
        }
        if (!s.byParser().isEmpty()) {
            StringBuilder sb = new StringBuilder("by parser:");
            s.byParser().forEach((name, c) -> sb.append(String.format(" %s %d/%d (%.1f%%)", name, c[1], c[0],
                    c[0] == 0 ? 0 : 100.0 * c[1] / c[0])));
            out.println(sb);
        }
        out.printf("answered %d of %d; %.1f s, %.0f questions/s%n", s.answered(), s.questions(), s.seconds(),
                s.questionsPerSecond());
        out.println("predictions: " + dir.resolve("predictions.jsonl"));
        out.println("summary:     " + dir.resolve("summary.json"));
    }

    static void print(PrintWriter out, CheckSummary s, Path dir, JsonOption json) throws Exception {
        json.emit(out, s.toJson());
        if (json.stdout()) {
            return;
        }
        int shown = 0;
        for (CheckSummary.Failure f : s.failures()) {
            if (shown++ == 20) {
                out.println("... " + (s.failed() - 20) + " more in " + dir.resolve("summary.json"));
                break;
            }
            out.println("question " + f.id() + ": " + f.kind() + ": " + f.message());
        }
        out.printf("checked %d questions: %d compiled, %d failed%n", s.questions(), s.compiled(), s.failed());
        out.println("summary: " + dir.resolve("summary.json"));
    }

    /** Prints accuracy per template file ({@code one_hop/3} counts under {@code one_hop}). */
    static void byTemplateFile(PrintWriter out, EvalSummary s) {
        FamilyNames.byPrefix(s.byFamily()).forEach((name, c) -> out.printf("  %-20s %5d of %5d correct (%.1f%%)%n",
                name, c[1], c[0], c[0] == 0 ? 0 : 100.0 * c[1] / c[0]));
    }
}
