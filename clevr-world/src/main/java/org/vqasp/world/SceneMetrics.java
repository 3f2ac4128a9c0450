package org.vqasp.world;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vqasp.core.clevr.ClevrObject;
import org.vqasp.core.clevr.ClevrScene;
import org.vqasp.world.ClevrVocabulary;

/**
 * Accumulates how well predicted scenes match gold ones. Objects are matched one-to-one, closest pixel
 * coordinates first, within {@link #MATCH_PIXELS}; unmatched predictions are false positives and unmatched gold
 * objects misses. Attributes are scored on matched objects, relations on pairs of matched objects; each matched
 * object also counts in a confusion matrix per attribute (gold value against predicted value). Not thread-safe;
 * {@link #result()} returns an immutable summary.
 */
public final class SceneMetrics implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    /** Largest pixel distance (in 480 x 320 image pixels) between a prediction and the gold object it matches. */
    public static final double MATCH_PIXELS = 12;

    private int images;
    private int gold;
    private int predicted;
    private int matched;
    private final int[] attributeCorrect = new int[4];
    private int allCorrect;
    private double coordError;
    private int relationPairs;
    private int relationCorrect;
    private int scenesCorrect;
    private final int[][][] confusion = new int[4][][]; // attribute -> gold value -> predicted value -> count

    /** Creates an empty accumulator. */
    public SceneMetrics() {
        for (int k = 0; k < 4; k++) {
            int n = ClevrVocabulary.VALUES.get(k).size();
            confusion[k] = new int[n][n];
        }
    }

    /**
     * Adds one image.
     *
     * @param goldScene the truth
     * @param predictedScene the model's scene
     */
    public void add(ClevrScene goldScene, ClevrScene predictedScene) {
        images++;
        List<ClevrObject> g = goldScene.objects();
        List<ClevrObject> p = predictedScene.objects();
        gold += g.size();
        predicted += p.size();
        int[] match = match(g, p); // gold index -> predicted index or -1
        int sceneMatched = 0;
        boolean sceneOk = g.size() == p.size();
        for (int i = 0; i < g.size(); i++) {
            if (match[i] < 0) {
                sceneOk = false;
                continue;
            }
            sceneMatched++;
            ClevrObject a = g.get(i);
            ClevrObject b = p.get(match[i]);
            boolean all = true;
            for (int k = 0; k < 4; k++) {
                String attr = ClevrVocabulary.ATTRIBUTES.get(k);
                int gi = ClevrVocabulary.VALUES.get(k).indexOf(a.attribute(attr));
                int pi = ClevrVocabulary.VALUES.get(k).indexOf(b.attribute(attr));
                if (gi >= 0 && pi >= 0) {
                    confusion[k][gi][pi]++;
                }
                if (a.attribute(attr).equals(b.attribute(attr))) {
                    attributeCorrect[k]++;
                } else {
                    all = false;
                }
            }
            if (all) {
                allCorrect++;
            } else {
                sceneOk = false;
            }
            if (a.coords() != null && b.coords() != null) {
                coordError += Math.hypot(a.coords().x() - b.coords().x(), a.coords().y() - b.coords().y());
            }
        }
        matched += sceneMatched;
        for (String rel : ClevrScene.RELATIONS) {
            List<List<Integer>> gr = goldScene.relationships().get(rel);
            List<List<Integer>> pr = predictedScene.relationships().get(rel);
            if (gr == null || pr == null) {
                continue;
            }
            for (int i = 0; i < g.size(); i++) {
                for (int j = 0; j < g.size(); j++) {
                    if (i == j || match[i] < 0 || match[j] < 0) {
                        continue;
                    }
                    relationPairs++;
                    boolean expected = gr.get(i).contains(j);
                    boolean got = pr.get(match[i]).contains(match[j]);
                    if (expected == got) {
                        relationCorrect++;
                    } else {
                        sceneOk = false;
                    }
                }
            }
        }
        if (sceneOk) {
            scenesCorrect++;
        }
    }

    /**
     * Matches objects one to one, closest pixel coordinates first, within {@link #MATCH_PIXELS}.
     *
     * @return per gold object, the index of its predicted object, or -1 when none is near enough
     */
    public static int[] match(List<ClevrObject> gold, List<ClevrObject> predicted) {
        List<double[]> pairs = new ArrayList<>();
        for (int i = 0; i < gold.size(); i++) {
            for (int j = 0; j < predicted.size(); j++) {
                var a = gold.get(i).pixelCoords();
                var b = predicted.get(j).pixelCoords();
                double d = Math.hypot(a.x() - b.x(), a.y() - b.y());
                if (d <= MATCH_PIXELS) {
                    pairs.add(new double[] {d, i, j});
                }
            }
        }
        pairs.sort((x, y) -> Double.compare(x[0], y[0]));
        int[] match = new int[gold.size()];
        java.util.Arrays.fill(match, -1);
        boolean[] used = new boolean[predicted.size()];
        for (double[] pr : pairs) {
            int i = (int) pr[1];
            int j = (int) pr[2];
            if (match[i] < 0 && !used[j]) {
                match[i] = j;
                used[j] = true;
            }
        }
        return match;
    }

    /**
     * Adds every image another accumulator scored (the images of a Spark partition, say). The counts add exactly;
     * the summed coordinate error may differ from adding the images one by one in its last bits.
     */
    public void addAll(SceneMetrics other) {
        images += other.images;
        gold += other.gold;
        predicted += other.predicted;
        matched += other.matched;
        for (int k = 0; k < attributeCorrect.length; k++) {
            attributeCorrect[k] += other.attributeCorrect[k];
        }
        allCorrect += other.allCorrect;
        coordError += other.coordError;
        relationPairs += other.relationPairs;
        relationCorrect += other.relationCorrect;
        scenesCorrect += other.scenesCorrect;
        for (int k = 0; k < confusion.length; k++) {
            for (int g = 0; g < confusion[k].length; g++) {
                for (int q = 0; q < confusion[k][g].length; q++) {
                    confusion[k][g][q] += other.confusion[k][g][q];
                }
            }
        }
    }

    /** Returns the summary so far. */
    public Evaluation result() {
        Map<String, Double> attrs = new LinkedHashMap<>();
        for (int k = 0; k < 4; k++) {
            attrs.put(ClevrVocabulary.ATTRIBUTES.get(k), ratio(attributeCorrect[k], matched));
        }
        attrs.put("all", ratio(allCorrect, matched));
        Map<String, Map<String, Map<String, Integer>>> conf = new LinkedHashMap<>();
        for (int k = 0; k < 4; k++) {
            List<String> values = ClevrVocabulary.VALUES.get(k);
            Map<String, Map<String, Integer>> rows = new LinkedHashMap<>();
            for (int g = 0; g < values.size(); g++) {
                Map<String, Integer> row = new LinkedHashMap<>();
                for (int q = 0; q < values.size(); q++) {
                    row.put(values.get(q), confusion[k][g][q]);
                }
                rows.put(values.get(g), java.util.Collections.unmodifiableMap(row));
            }
            conf.put(ClevrVocabulary.ATTRIBUTES.get(k), java.util.Collections.unmodifiableMap(rows));
        }
        return new Evaluation(images, gold, predicted, matched, ratio(matched, predicted), ratio(matched, gold),
                attrs, matched == 0 ? Double.NaN : coordError / matched, ratio(relationCorrect, relationPairs),
                ratio(scenesCorrect, images), conf);
    }

    private static double ratio(int a, int b) {
        return b == 0 ? Double.NaN : (double) a / b;
    }

    /**
     * What {@link SceneMetrics} measured.
     *
     * @param images images scored
     * @param goldObjects gold objects
     * @param predictedObjects predicted objects
     * @param matched matched pairs
     * @param precision matched / predicted
     * @param recall matched / gold
     * @param attributeAccuracy per attribute, and {@code "all"} (all four right), over matched objects
     * @param meanCoordError mean ground-plane distance of matched objects, in Blender units
     * @param relationAccuracy agreement on left/right/front/behind over ordered pairs of matched objects
     * @param sceneAccuracy share of images with every object found, no extra object, all attributes and all
     *     relations right
     * @param confusion per attribute, gold value -> predicted value -> matched objects (values in
     *     {@link ClevrVocabulary} order)
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Evaluation(int images, int goldObjects, int predictedObjects, int matched, double precision,
            double recall, Map<String, Double> attributeAccuracy, double meanCoordError, double relationAccuracy,
            double sceneAccuracy, Map<String, Map<String, Map<String, Integer>>> confusion) {

        /** Copies the maps. */
        public Evaluation {
            attributeAccuracy = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(attributeAccuracy));
            confusion = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(confusion));
        }

        /**
         * Returns one line for logs and progress output; a score with nothing to score (precision of no predicted
         * objects, attributes of no matched ones) is written {@code n/a}.
         */
        public String summary() {
            return String.format("P %s R %s attr %s (shape %s color %s material %s size %s) rel %s coord %s "
                    + "scene %s (%d images)", f(precision, 4), f(recall, 4), f(attributeAccuracy.get("all"), 4),
                    f(attributeAccuracy.get("shape"), 4), f(attributeAccuracy.get("color"), 4),
                    f(attributeAccuracy.get("material"), 4), f(attributeAccuracy.get("size"), 4),
                    f(relationAccuracy, 4), f(meanCoordError, 3), f(sceneAccuracy, 4), images);
        }

        private static String f(Double x, int digits) {
            return x == null || Double.isNaN(x) ? "n/a" : String.format(java.util.Locale.ROOT, "%." + digits + "f", x);
        }
    }
}
