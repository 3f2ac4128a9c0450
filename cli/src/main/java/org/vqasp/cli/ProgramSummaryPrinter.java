package org.vqasp.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import org.vqasp.eval.gqa.GqaProgramSummary;

/** Prints how parsed GQA programs match the gold ones: accuracy, per question type, the common mismatches. */
final class ProgramSummaryPrinter {

    private ProgramSummaryPrinter() {
    }

    static void print(PrintWriter out, GqaProgramSummary s) {
        out.printf("%-28s %9s %9s %9s%n", "question type (programs)", "questions", "exact", "accuracy");
        for (Map.Entry<String, long[]> e : s.byType().entrySet()) {
            if (e.getKey().startsWith("detailed/")) {
                continue;
            }
            long[] c = e.getValue();
            out.printf("%-28s %9d %9d %8.2f%%%n", e.getKey(), c[0], c[1], 100.0 * c[1] / Math.max(1, c[0]));
        }
        out.println("-".repeat(58));
        out.printf("%-28s %9d %9d %8.2f%%%n", "program accuracy", s.withGold(), s.correct(), 100 * s.accuracy());
        out.printf("%-28s %9d %9d %8.2f%%%n", "  any order of choices", s.withGold(), s.correctAnyOrder(),
                100 * s.accuracyAnyOrder());
        out.printf("parsed %d of %d questions; not understood %d%n", s.parsed(), s.questions(), s.notUnderstood());
        if (!s.mismatches().isEmpty()) {
            out.println("most common mismatches:");
            int shown = 0;
            for (GqaProgramSummary.Mismatch m : s.mismatches()) {
                if (shown++ == 10) {
                    break;
                }
                out.printf("  %5d  %s%n", m.count(), abbreviate(m.kind(), 90));
                out.printf("         e.g. %s%n", abbreviate(m.example().question(), 86));
                out.printf("         gold   %s%n", abbreviate(String.valueOf(m.example().extra("gold_program")), 84));
                out.printf("         parsed %s%n", abbreviate(String.valueOf(m.example().extra("program")), 84));
            }
        }
    }

    static void files(PrintWriter out, Path dir) {
        out.println("predictions: " + dir.resolve("predictions.jsonl"));
        out.println("summary:     " + dir.resolve("summary.json"));
    }

    private static String abbreviate(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 3) + "...";
    }
}
