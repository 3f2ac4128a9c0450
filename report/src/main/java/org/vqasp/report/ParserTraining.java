package org.vqasp.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The parts of a training section that only a {@code vqa train parser} model directory has: its
 * {@code metrics.json} holds {@code validations} (every {@code --eval-every} steps: {@code step},
 * {@code train_loss}, {@code learning_rate}, {@code validation} with the generated and human validation scores),
 * {@code labelling_rounds} and, once the run has ended, the confidence {@code threshold} with its sweep; its
 * {@code README.md} is the model card.
 */
final class ParserTraining {

    /** The model card's heading of the figures on data the model never trained on. */
    static final String MEASURED_HEADING = "## Measured on data it never trained on";

    private ParserTraining() {
    }

    /** Returns whether {@code metrics.json} is a parser run's. */
    static boolean isParser(JsonNode metrics) {
        return JsonFields.get(metrics, "validations").isArray() && !JsonFields.get(metrics, "epochs").isArray();
    }

    /** Adds the run's headline figures, curves, tables and notes. */
    static void add(Path dir, JsonNode metrics, JsonNode prov, List<Card> cards, List<Chart> curves,
            List<Table> tables, List<String> notes) {
        List<JsonNode> validations = JsonFields.elements(JsonFields.get(metrics, "validations"));
        List<JsonNode> steps = TrainingSection.steps(dir, metrics);
        JsonNode last = validations.isEmpty() ? null : validations.get(validations.size() - 1);
        JsonNode v = JsonFields.get(last, "validation");
        double step = JsonFields.number(prov, "steps");
        cards.add(new Card("steps", Format.number(Double.isNaN(step) ? JsonFields.number(last, "step") : step, 0),
                validations.size() + (validations.size() == 1 ? " validation" : " validations")));
        if (last != null) {
            cards.add(new Card("last training loss", Format.number(JsonFields.number(last, "train_loss"), 4),
                    "mean since the validation before"));
            cards.add(new Card("generated exact", Format.percent(JsonFields.number(v, "generated_exact")),
                    "of " + Format.number(JsonFields.number(v, "generated_questions"), 0)
                            + " generated validation questions"));
            if (JsonFields.count(v, "human_questions", 0) > 0) {
                cards.add(new Card("human answers", Format.percent(JsonFields.number(v, "human_accuracy")),
                        "of " + Format.number(JsonFields.number(v, "human_questions"), 0)
                                + " human validation questions"));
            }
        } else {
            notes.add("metrics.json holds no validation yet");
        }
        JsonNode threshold = JsonFields.get(metrics, "threshold");
        if (JsonFields.has(threshold, "chosen")) {
            cards.add(new Card("confidence threshold", threshold(JsonFields.number(threshold, "chosen")),
                    "human validation accuracy " + Format.percent(JsonFields.number(threshold,
                            "human_validation_accuracy")) + ", coverage "
                            + Format.percent(JsonFields.number(threshold, "coverage"))));
        } else {
            notes.add("no confidence threshold yet: it is chosen when the run ends");
        }
        if (steps.isEmpty()) {
            notes.add("no per-step losses (" + TrainingSection.STEP_FILES.get(0) + "): the run predates them");
        }

        curves.addAll(TrainingSection.curves(List.of(), steps, ""));
        if (!validations.isEmpty()) {
            curves.add(Charts.lines("Training loss between validations", "step", "loss",
                    List.of(TrainingSection.series("train loss", validations, "step", "train_loss")), false));
            List<Charts.Series> val = new ArrayList<>();
            val.add(TrainingSection.series("generated exact", validations, "step", "validation.generated_exact"));
            if (JsonFields.count(v, "human_questions", 0) > 0) {
                val.add(TrainingSection.series("human answers", validations, "step", "validation.human_accuracy"));
            }
            curves.add(Charts.lines("Validation over the run", "step", "score", val, true));
        }
        Charts.Series lr = TrainingSection.series("learning rate", steps.isEmpty() ? validations : steps, "step",
                "learning_rate");
        if (lr.x().length > 1) {
            curves.add(Charts.lines("Learning rate", "step", "learning rate", List.of(lr), false));
        }
        List<JsonNode> sweep = JsonFields.elements(JsonFields.get(threshold, "sweep"));
        if (sweep.size() > 1) {
            curves.add(Charts.lines("Confidence threshold sweep on the human validation questions", "threshold",
                    "score", List.of(TrainingSection.series("accuracy", sweep, "threshold", "accuracy"),
                            TrainingSection.series("coverage", sweep, "threshold", "coverage"),
                            TrainingSection.series("precision", sweep, "threshold", "precision")), true));
        }

        List<JsonNode> rounds = JsonFields.elements(JsonFields.get(metrics, "labelling_rounds"));
        if (!rounds.isEmpty()) {
            List<List<String>> rows = new ArrayList<>();
            for (JsonNode r : rounds) {
                rows.add(List.of(Format.number(JsonFields.number(r, "round"), 0),
                        Format.number(JsonFields.number(r, "step"), 0),
                        Format.number(JsonFields.number(r, "human_questions"), 0),
                        Format.number(JsonFields.number(r, "human_labelled"), 0),
                        rejections(JsonFields.get(r, "rejected")),
                        Format.number(JsonFields.number(r, "seconds"), 1)));
            }
            tables.add(new Table("Labelling rounds: human training questions labelled by answer search",
                    List.of("round", "step", "human questions", "labelled", "rejected, by reason", "seconds"), rows,
                    ""));
        }
    }

    /**
     * Returns the model card's section on data the model never trained on, as written (without its heading), or
     * an empty text when the directory has no card or the card no such section.
     */
    static String modelCard(Path dir) {
        Path card = dir.resolve("README.md");
        if (!Files.isRegularFile(card)) {
            return "";
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(card, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + card, e);
        }
        StringBuilder b = new StringBuilder();
        boolean in = false;
        for (String line : lines) {
            if (line.startsWith("## ")) {
                if (in) {
                    break;
                }
                in = line.strip().equals(MEASURED_HEADING);
            } else if (in) {
                b.append(line).append('\n');
            }
        }
        return b.toString().strip();
    }

    /** Returns a confidence threshold as the model card writes it, {@code 0.25}. */
    static String threshold(double t) {
        return Double.isNaN(t) ? Format.MISSING : String.format(Locale.ROOT, "%.2f", t);
    }

    /** Returns the reasons answer search rejected questions, the commonest first. */
    private static String rejections(JsonNode rejected) {
        List<Map.Entry<String, JsonNode>> reasons = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = rejected.fields(); it.hasNext();) {
            reasons.add(it.next());
        }
        reasons.sort((a, b) -> Long.compare(b.getValue().asLong(), a.getValue().asLong()));
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : reasons) {
            parts.add(e.getKey() + ": " + e.getValue().asLong());
        }
        return parts.isEmpty() ? "none" : String.join("; ", parts);
    }
}
