package org.vqasp.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.vqasp.distill.Distillation;
import org.vqasp.distill.RunLog;

/**
 * The page section of a distillation run ({@code vqa distill}), or of an experiment over several seeds
 * ({@code DIR/seed-S/}): test accuracy of the full theory, before and after distillation per seed, rules accepted,
 * proposals rejected by the stage that refused them, and the rules that were learnt beside those that were deleted.
 *
 * @param kind {@code "distill"}
 * @param name the run's name
 * @param anchor the section's id in the page
 * @param description what was deleted and which proposer learnt
 * @param commandLine the recorded command line, or empty
 * @param cards headline figures (means over seeds)
 * @param accuracyChart full / before / after per seed
 * @param rejectionChart rejections by stage per seed, or null when nothing was rejected
 * @param seeds one row per seed
 * @param runs per seed, what was deleted and what was learnt
 * @param notes what the reader had to make up for
 */
public record DistillSection(String kind, String name, String anchor, String description, String commandLine,
        List<Card> cards, Chart accuracyChart, Chart rejectionChart, Table seeds, List<SeedRun> runs,
        List<String> notes) {

    /** Most rejection examples listed per seed. */
    static final int REJECTION_ROWS = 12;

    /**
     * One seed's run.
     *
     * @param seed the seed (or the directory name)
     * @param deleted the deleted statements ({@code deleted.lp})
     * @param accepted the rules accepted, in order
     * @param rejections examples of refused proposals
     */
    public record SeedRun(String seed, String deleted, List<Accepted> accepted, Table rejections) {
    }

    /**
     * Rules accepted in one batch.
     *
     * @param batch the batch
     * @param theory the theory snapshot written after it
     * @param rules the rules' text
     */
    public record Accepted(String batch, String theory, String rules) {
    }

    /** Returns whether a directory is a distillation run or an experiment over seeds. */
    static boolean isDistillation(Path dir) {
        if (Files.isRegularFile(dir.resolve(Distillation.RUN_LOG))
                || JsonFields.get(JsonFields.read(dir.resolve("table.json")), "runs").isArray()) {
            return true;
        }
        return !seedDirs(dir).isEmpty();
    }

    /**
     * Builds the section of a run directory.
     *
     * @param dir a run directory, or an experiment directory holding {@code seed-S} runs
     * @param name the run's name on the page
     * @param anchor the section's id
     */
    static DistillSection of(Path dir, String name, String anchor) {
        List<Path> runs = Files.isRegularFile(dir.resolve(Distillation.RUN_LOG)) ? List.of(dir) : seedDirs(dir);
        List<String> notes = new ArrayList<>();
        List<JsonNode> summaries = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<SeedRun> seedRuns = new ArrayList<>();
        for (Path run : runs) {
            JsonNode s = JsonFields.read(run.resolve(Distillation.SUMMARY));
            List<JsonNode> events = RunLog.read(run.resolve(Distillation.RUN_LOG));
            if (s.isMissingNode()) {
                s = lastSummary(events);
                if (s.isMissingNode()) {
                    notes.add(run.getFileName() + ": no summary yet (the run was stopped before its end)");
                }
            }
            String seed = JsonFields.has(s, "seed") ? JsonFields.text(s, "seed") : run.getFileName().toString();
            summaries.add(s);
            labels.add("seed " + seed);
            seedRuns.add(new SeedRun(seed, read(run.resolve("deleted.lp")), accepted(events), rejections(events)));
        }
        if (runs.isEmpty()) {
            notes.add("no run directories found");
        }
        JsonNode first = summaries.isEmpty() ? JsonFields.read(dir.resolve("nothing")) : summaries.get(0);
        List<Card> cards = new ArrayList<>();
        String over = summaries.size() > 1 ? "mean of " + summaries.size() + " seeds" : "";
        cards.add(new Card("after distillation", Format.percent(mean(summaries, "after_accuracy")), over));
        cards.add(new Card("before (rules deleted)", Format.percent(mean(summaries, "before_accuracy")), over));
        cards.add(new Card("full theory", Format.percent(mean(summaries, "full_accuracy")),
                "on " + Format.number(JsonFields.number(first, "test_questions"), 0) + " test questions"));
        cards.add(new Card("rules accepted", Format.number(sum(summaries, "accepted_rules"), 0),
                Format.number(sum(summaries, "deleted_rules"), 0) + " deleted"));
        cards.add(new Card("model calls", Format.number(sum(summaries, "llm_calls"), 0),
                Format.compact(sum(summaries, "tokens_in")) + " tokens in, "
                        + Format.compact(sum(summaries, "tokens_out")) + " out"));
        cards.add(new Card("time", Format.number(sum(summaries, "seconds"), 1) + " s", "distilling"));

        Map<String, Map<String, Double>> acc = new LinkedHashMap<>();
        for (String[] k : new String[][] {{"full theory", "full_accuracy"}, {"before", "before_accuracy"},
            {"after", "after_accuracy"}}) {
            Map<String, Double> series = new LinkedHashMap<>();
            for (int i = 0; i < summaries.size(); i++) {
                series.put(labels.get(i), JsonFields.number(summaries.get(i), k[1]));
            }
            acc.put(k[0], series);
        }
        Chart accuracyChart = summaries.isEmpty() ? null
                : Charts.bars("Test accuracy per seed", acc, "accuracy (%)", true, false);

        Set<String> stages = new LinkedHashSet<>(List.of("unsafe", "syntax", "semantic", "regression"));
        summaries.forEach(s -> JsonFields.get(s, "rejected").fieldNames().forEachRemaining(stages::add));
        Map<String, Map<String, Double>> rej = new LinkedHashMap<>();
        double rejected = 0;
        for (String stage : stages) {
            Map<String, Double> series = new LinkedHashMap<>();
            for (int i = 0; i < summaries.size(); i++) {
                double v = JsonFields.number(JsonFields.get(summaries.get(i), "rejected"), stage);
                series.put(labels.get(i), Double.isNaN(v) ? 0 : v);
                rejected += Double.isNaN(v) ? 0 : v;
            }
            rej.put(stage, series);
        }
        Chart rejectionChart = rejected == 0 ? null
                : Charts.bars("Proposals rejected, by the stage that refused them", rej, "proposals", false, true);

        List<String> heads = new ArrayList<>(List.of("seed", "test", "full", "before", "after", "accepted",
                "train solved"));
        stages.forEach(st -> heads.add("rejected " + st));
        heads.addAll(List.of("model calls", "seconds"));
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < summaries.size(); i++) {
            JsonNode s = summaries.get(i);
            List<String> r = new ArrayList<>(List.of(seedRuns.get(i).seed(),
                    Format.number(JsonFields.number(s, "test_questions"), 0),
                    Format.percent(JsonFields.number(s, "full_accuracy")),
                    Format.percent(JsonFields.number(s, "before_accuracy")),
                    Format.percent(JsonFields.number(s, "after_accuracy")),
                    Format.number(JsonFields.number(s, "accepted_rules"), 0),
                    Format.number(JsonFields.number(s, "train_solved"), 0) + " of "
                            + Format.number(JsonFields.number(s, "train_examples"), 0)));
            stages.forEach(st -> r.add(Format.number(JsonFields.number(JsonFields.get(s, "rejected"), st), 0)));
            r.add(Format.number(JsonFields.number(s, "llm_calls"), 0));
            r.add(Format.number(JsonFields.number(s, "seconds"), 1));
            rows.add(r);
        }
        String description = "deleted: " + orDash(JsonFields.text(first, "deleted")) + "; proposer: "
                + orDash(JsonFields.text(first, "proposer"));
        JsonNode prov = JsonFields.read((runs.isEmpty() ? dir : runs.get(0)).resolve("provenance.json"));
        String cmd = JsonFields.text(prov, "command_line");
        return new DistillSection("distill", name, anchor, description, cmd == null ? "" : cmd, cards, accuracyChart,
                rejectionChart, new Table("Per seed", heads, rows, ""), seedRuns, notes);
    }

    private static List<Path> seedDirs(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith("seed-") && Files.isDirectory(p)
                    && Files.isRegularFile(p.resolve(Distillation.RUN_LOG)))
                    .sorted(Comparator.comparing((Path p) -> p.getFileName().toString(),
                            org.vqasp.eval.FamilyNames.NATURAL)).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static JsonNode lastSummary(List<JsonNode> events) {
        for (int i = events.size() - 1; i >= 0; i--) {
            if ("end".equals(events.get(i).path("event").asText())) {
                return events.get(i).path("summary");
            }
        }
        return JsonFields.get(null, "summary");
    }

    private static List<Accepted> accepted(List<JsonNode> events) {
        List<Accepted> out = new ArrayList<>();
        for (JsonNode e : events) {
            if ("accepted".equals(e.path("event").asText())) {
                out.add(new Accepted(e.path("batch").asText(), e.path("theory").asText(""), e.path("rules").asText()));
            }
        }
        return out;
    }

    private static Table rejections(List<JsonNode> events) {
        List<List<String>> rows = new ArrayList<>();
        long total = 0;
        for (JsonNode e : events) {
            if ("rejected".equals(e.path("event").asText())) {
                total++;
                if (rows.size() < REJECTION_ROWS) {
                    String reason = e.path("reason").asText();
                    rows.add(List.of(e.path("kind").asText(), reason.length() > 300 ? reason.substring(0, 300) + "..."
                            : reason, e.path("rules").asText()));
                }
            }
        }
        return new Table("Rejected proposals", List.of("stage", "reason", "proposal"), rows,
                total > rows.size() ? "the first " + rows.size() + " of " + total : "");
    }

    private static double mean(List<JsonNode> runs, String key) {
        return runs.stream().mapToDouble(s -> JsonFields.number(s, key)).filter(v -> !Double.isNaN(v)).average()
                .orElse(Double.NaN);
    }

    private static double sum(List<JsonNode> runs, String key) {
        return runs.stream().mapToDouble(s -> JsonFields.number(s, key)).filter(v -> !Double.isNaN(v)).sum();
    }

    private static String read(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "";
        }
    }

    private static String orDash(String s) {
        return s == null ? Format.MISSING : s;
    }
}
