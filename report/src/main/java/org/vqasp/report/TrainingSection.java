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
import java.util.Map;
import java.util.stream.Stream;

/**
 * The page section of a training run, a model directory with {@code metrics.json}: of {@code vqa train vision}
 * (an {@code epochs} array) or of {@code vqa train parser} (a {@code validations} array). Both show the headline
 * figures, the training loss per step when the run wrote {@code loss.jsonl}, the loss and validation scores over
 * the run as curves, the command line, seed and configuration. A vision run adds the presence-threshold sweep and
 * the final (calibrated) validation scores with confusion matrices ({@link #sceneGraphs}); a parser run adds the
 * confidence-threshold sweep, the labelling rounds and its model card's figures on the data it never trained on
 * ({@link ParserTraining}).
 *
 * @param kind {@code "training"}
 * @param name the run's name
 * @param anchor the section's id in the page
 * @param model what was trained: {@code "vision"} or {@code "parser"}
 * @param commandLine the recorded command line, or empty
 * @param cards headline figures
 * @param curves loss and validation curves
 * @param sceneGraphs the final validation scores of a vision run, or null
 * @param tables further tables (a parser run's labelling rounds), possibly none
 * @param modelCard the model card's section on data the model never trained on, as written, or empty
 * @param config the configuration
 * @param notes what the reader had to make up for
 */
public record TrainingSection(String kind, String name, String anchor, String model, String commandLine,
        List<Card> cards, List<Chart> curves, SceneGraphSection sceneGraphs, List<Table> tables, String modelCard,
        Table config, List<String> notes) {

    /** The per-step files a training run may write beside {@code metrics.json}, in the order they are tried. */
    static final List<String> STEP_FILES = List.of("loss.jsonl", "steps.jsonl", "curves.jsonl");

    /** Returns whether a directory is a training run. */
    static boolean isTraining(Path dir) {
        JsonNode metrics = JsonFields.read(dir.resolve("metrics.json"));
        return JsonFields.get(metrics, "epochs").isArray() || ParserTraining.isParser(metrics);
    }

    /**
     * Builds the section of a model directory.
     *
     * @param dir the directory
     * @param name the run's name on the page
     * @param anchor the section's id
     */
    static TrainingSection of(Path dir, String name, String anchor) {
        JsonNode metrics = JsonFields.read(dir.resolve("metrics.json"));
        JsonNode prov = JsonFields.read(dir.resolve("provenance.json"));
        List<String> notes = new ArrayList<>();
        List<Card> cards = new ArrayList<>();
        List<Chart> curves = new ArrayList<>();
        List<Table> tables = new ArrayList<>();
        boolean parser = ParserTraining.isParser(metrics);
        SceneGraphSection sceneGraphs = null;
        String modelCard = "";
        if (parser) {
            ParserTraining.add(dir, metrics, prov, cards, curves, tables, notes);
            modelCard = ParserTraining.modelCard(dir);
        } else {
            sceneGraphs = vision(dir, metrics, prov, name, cards, curves, notes);
        }
        cards.add(new Card("parameters", Format.compact(training(prov, "parameters", "parameters")), ""));
        double seconds = training(prov, "training_seconds", "seconds");
        cards.add(new Card("training time", Double.isNaN(seconds) ? Format.MISSING
                : Format.number(seconds / 60, 1) + " min", engine(prov)));
        if (JsonFields.has(prov, "seed")) {
            cards.add(new Card("seed", JsonFields.text(prov, "seed"), ""));
        }
        JsonNode config = JsonFields.read(dir.resolve("config.json"));
        List<List<String>> rows = new ArrayList<>();
        flatten("", config, rows);
        flatten("train.", JsonFields.get(prov, "config"), rows);
        if (parser) {
            flatten("data.", JsonFields.get(prov, "data"), rows);
        }
        String cmd = JsonFields.text(prov, "command_line");
        JsonNode cl = JsonFields.get(prov, "command_line");
        if (cl.isArray()) {
            List<String> args = new ArrayList<>();
            cl.forEach(a -> args.add(a.asText()));
            cmd = String.join(" ", args);
        }
        return new TrainingSection("training", name, anchor, parser ? "parser" : "vision", cmd == null ? "" : cmd,
                cards, curves, sceneGraphs, tables, modelCard,
                new Table("Configuration", List.of("setting", "value"), rows, ""), notes);
    }

    /** The line the overview of several runs shows for this one. */
    String headline() {
        if ("parser".equals(model)) {
            return cards.stream().filter(c -> c.label().startsWith("human") || c.label().startsWith("generated"))
                    .map(c -> c.label() + " " + c.value()).reduce((a, b) -> a + ", " + b).orElse("");
        }
        return sceneGraphs == null ? "" : "all attributes right " + sceneGraphs.cards().get(2).value() + ", recall "
                + sceneGraphs.cards().get(0).value();
    }

    /** The engine that trained the model: at the top level (the parser) or under {@code versions}; "" if neither. */
    private static String engine(JsonNode prov) {
        String e = JsonFields.text(prov, "engine");
        if (e == null) {
            e = JsonFields.text(JsonFields.get(prov, "versions"), "engine");
        }
        return e == null ? "" : e;
    }

    /** A figure of the run's provenance: at the top level (older runs, the parser) or under {@code training}. */
    private static double training(JsonNode prov, String topKey, String trainingKey) {
        double v = JsonFields.number(prov, topKey);
        return Double.isNaN(v) ? JsonFields.number(JsonFields.get(prov, "training"), trainingKey) : v;
    }

    /** Adds a vision run's cards and curves; returns its final validation scores. */
    private static SceneGraphSection vision(Path dir, JsonNode metrics, JsonNode prov, String name, List<Card> cards,
            List<Chart> curves, List<String> notes) {
        List<JsonNode> epochs = JsonFields.elements(JsonFields.get(metrics, "epochs"));
        curves.addAll(curves(epochs, steps(dir, metrics), name));
        JsonNode last = JsonFields.get(metrics, "final");
        List<JsonNode> sweep = JsonFields.elements(JsonFields.get(last, "sweep"));
        if (sweep.size() > 1) {
            curves.add(Charts.lines("Presence threshold sweep on validation", "threshold", "score", List.of(
                    series("recall", sweep, "threshold", "validation.recall"),
                    series("precision", sweep, "threshold", "validation.precision"),
                    series("whole scene", sweep, "threshold", "validation.scene_accuracy")), true));
        }
        JsonNode validation = JsonFields.has(last, "precision") ? last
                : JsonFields.has(JsonFields.get(last, "validation"), "precision") ? JsonFields.get(last, "validation")
                : epochs.isEmpty() ? last : JsonFields.get(epochs.get(epochs.size() - 1), "validation");
        cards.add(new Card("epochs", Format.number(epochs.size(), 0),
                Format.number(training(prov, "steps", "steps"), 0) + " steps"));
        if (!epochs.isEmpty()) {
            cards.add(new Card("last training loss",
                    Format.number(JsonFields.number(epochs.get(epochs.size() - 1), "train_loss"), 4), ""));
        }
        double threshold = JsonFields.number(last, "threshold");
        if (!Double.isNaN(threshold)) {
            cards.add(new Card("presence threshold", Format.number(threshold, 3), "calibrated on validation"));
        }
        if (epochs.isEmpty()) {
            notes.add("metrics.json holds no epoch yet");
        }
        return SceneGraphSection.of(validation);
    }

    /** Loss and validation curves; several runs can be overlaid by passing one series per run. */
    static List<Chart> curves(List<JsonNode> epochs, List<JsonNode> steps, String name) {
        List<Chart> charts = new ArrayList<>();
        if (!steps.isEmpty()) {
            charts.add(Charts.lines("Training loss per step", "step", "loss",
                    List.of(series("loss", steps, "step", "loss")), false));
        }
        if (!epochs.isEmpty()) {
            charts.add(Charts.lines("Training loss per epoch", "epoch", "loss",
                    List.of(series("train loss", epochs, "epoch", "train_loss")), false));
            List<Charts.Series> val = new ArrayList<>();
            for (String[] m : new String[][] {{"recall", "recall"}, {"precision", "precision"},
                {"all attributes", "attribute_accuracy.all"}, {"whole scene", "scene_accuracy"}}) {
                Charts.Series s = series(m[0], epochs, "epoch", "validation." + m[1]);
                if (s.x().length > 0) {
                    val.add(s);
                }
            }
            if (!val.isEmpty()) {
                charts.add(Charts.lines("Validation per epoch", "epoch", "score", val, true));
            }
            Charts.Series lr = series("learning rate", epochs, "epoch", "learning_rate");
            if (lr.x().length > 1) {
                charts.add(Charts.lines("Learning rate at the end of each epoch", "epoch", "learning rate", List.of(lr),
                        false));
            }
        }
        return charts;
    }

    /** Reads one curve: {@code path} is a dotted key path, such as {@code validation.attribute_accuracy.all}. */
    static Charts.Series series(String label, List<JsonNode> points, String xKey, String path) {
        List<double[]> xy = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            JsonNode p = points.get(i);
            JsonNode v = p;
            for (String k : path.split("\\.")) {
                v = JsonFields.get(v, k);
            }
            double x = JsonFields.number(p, xKey);
            if (v.isNumber()) {
                xy.add(new double[] {Double.isNaN(x) ? i + 1 : x, v.asDouble()});
            }
        }
        double[] xs = new double[xy.size()];
        double[] ys = new double[xy.size()];
        for (int i = 0; i < xy.size(); i++) {
            xs[i] = xy.get(i)[0];
            ys[i] = xy.get(i)[1];
        }
        return new Charts.Series(label, xs, ys);
    }

    /** Per-step points: {@code metrics.json}'s {@code steps} array, or one of {@link #STEP_FILES}. */
    static List<JsonNode> steps(Path dir, JsonNode metrics) {
        for (String key : List.of("steps", "loss_curve", "losses")) {
            List<JsonNode> inline = JsonFields.elements(JsonFields.get(metrics, key));
            if (!inline.isEmpty() && inline.get(0).isObject()) {
                return thin(inline);
            }
        }
        for (String f : STEP_FILES) {
            Path file = dir.resolve(f);
            if (Files.isRegularFile(file)) {
                List<JsonNode> out = new ArrayList<>();
                try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
                    lines.map(JsonFields::parse).filter(n -> n != null && n.isObject()).forEach(out::add);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + file, e);
                }
                return thin(out);
            }
        }
        return List.of();
    }

    /** Keeps at most 2,000 points, evenly spaced, so that a long run's curve stays light. */
    private static List<JsonNode> thin(List<JsonNode> points) {
        int n = points.size();
        if (n <= 2000) {
            return points;
        }
        List<JsonNode> out = new ArrayList<>(2000);
        for (int i = 0; i < 2000; i++) {
            out.add(points.get((int) ((long) i * (n - 1) / 1999)));
        }
        return out;
    }

    private static void flatten(String prefix, JsonNode n, List<List<String>> rows) {
        if (n == null || !n.isObject()) {
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue().isObject()) {
                flatten(prefix + e.getKey() + ".", e.getValue(), rows);
            } else {
                String v = e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString();
                rows.add(List.of(prefix + e.getKey(), v.length() > 200 ? v.substring(0, 200) + "..." : v));
            }
        }
    }
}
