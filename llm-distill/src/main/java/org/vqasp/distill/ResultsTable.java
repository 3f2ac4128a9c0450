package org.vqasp.distill;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;

/**
 * The table of an experiment over several seeds, one row per run and a mean: test accuracy of the full theory,
 * before and after distillation, rules accepted, proposals refused by kind, model calls, tokens and time.
 */
public final class ResultsTable {

    private ResultsTable() {
    }

    /** Returns the table in Markdown. */
    public static String markdown(List<DistillSummary> runs) {
        StringBuilder sb = new StringBuilder();
        sb.append("| seed | deleted | test | full | before | after | accepted rules | train solved "
                + "| rejected unsafe/syntax/semantic/regression | llm calls | tokens in/out | seconds |\n");
        sb.append("|---:|---|---:|---:|---:|---:|---:|---:|---|---:|---|---:|\n");
        for (DistillSummary s : runs) {
            Counters c = s.counters();
            sb.append(String.format(Locale.ROOT, "| %d | %s | %d | %s | %s | %s | %d | %d/%d | %d/%d/%d/%d | %d | %d/%d | %.1f |%n",
                    s.seed(), s.deleted(), s.testQuestions(), pct(s.fullAccuracy()), pct(s.beforeAccuracy()),
                    pct(s.afterAccuracy()), c.acceptedRules(), s.trainSolved(), s.trainExamples(), c.unsafe(),
                    c.syntax(), c.semantic(), c.regression(), c.llmCalls(), c.tokensIn(), c.tokensOut(), s.seconds()));
        }
        if (runs.size() > 1) {
            sb.append(String.format(Locale.ROOT, "| mean | | | %s | %s | %s | %.1f | | | | | %.1f |%n",
                    pct(mean(runs, 0)), pct(mean(runs, 1)), pct(mean(runs, 2)),
                    runs.stream().mapToInt(s -> s.counters().acceptedRules()).average().orElse(0),
                    runs.stream().mapToDouble(DistillSummary::seconds).average().orElse(0)));
        }
        return sb.toString();
    }

    /** Returns the table as JSON: {@code {"runs": [summary...], "mean": {...}}}. */
    public static ObjectNode json(List<DistillSummary> runs) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        ArrayNode a = o.putArray("runs");
        runs.forEach(s -> a.add(s.toJson()));
        ObjectNode m = o.putObject("mean");
        m.put("full_accuracy", mean(runs, 0));
        m.put("before_accuracy", mean(runs, 1));
        m.put("after_accuracy", mean(runs, 2));
        m.put("accepted_rules", runs.stream().mapToInt(s -> s.counters().acceptedRules()).average().orElse(0));
        return o;
    }

    private static double mean(List<DistillSummary> runs, int which) {
        return runs.stream().mapToDouble(s -> which == 0 ? s.fullAccuracy() : which == 1 ? s.beforeAccuracy()
                : s.afterAccuracy()).average().orElse(0);
    }

    private static String pct(double x) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * x);
    }
}
