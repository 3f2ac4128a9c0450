package org.vqasp.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.vqasp.eval.FamilyNames;

/**
 * The differences between evaluation runs given together, shown before the runs themselves: headline figures side
 * by side, the families whose accuracy moved most, and the questions that flipped between right and wrong (each
 * run against the first).
 *
 * @param runs the runs' names, first one the baseline
 * @param overview headline figures, one column per run
 * @param deltaChart the families that moved most, as grouped bars, or null
 * @param families accuracy per family in each run and the change against the first, largest changes first
 * @param flips per later run, the questions that flipped
 * @param common how many question ids all runs share
 */
public record Comparison(List<String> runs, Table overview, Chart deltaChart, Table families, List<Flips> flips,
        long common) {

    /** Most families in the delta chart. */
    static final int CHART_FAMILIES = 12;
    /** Most flipped questions listed per direction. */
    static final int FLIP_ROWS = 200;

    /**
     * The questions that flipped between the baseline and one run.
     *
     * @param baseline the baseline's name
     * @param run the run's name
     * @param lost right in the baseline, wrong in the run
     * @param gained wrong in the baseline, right in the run
     * @param lostCount how many were lost
     * @param gainedCount how many were gained
     */
    public record Flips(String baseline, String run, Table lost, Table gained, long lostCount, long gainedCount) {
    }

    /**
     * Compares evaluation runs.
     *
     * @param runs at least two runs, the first the baseline
     */
    static Comparison of(List<EvalRun> runs) {
        List<String> names = RunNames.of(runs.stream().map(EvalRun::dir).toList());
        List<String> heads = new ArrayList<>();
        heads.add("");
        heads.addAll(names);
        heads.add("change (last - first)");
        List<List<String>> overview = new ArrayList<>();
        overview.add(row("questions", runs, r -> (double) r.questions(), false));
        overview.add(row("accuracy", runs, EvalRun::accuracy, true));
        overview.add(row("correct", runs, r -> (double) r.correct(), false));
        overview.add(row("errors", runs, r -> (double) r.rows().stream().filter(p -> p.errorKind() != null).count(),
                false));
        List<String> attrs = row("scene graphs: all attributes right", runs, r -> JsonFields.number(
                JsonFields.get(JsonFields.read(r.dir().resolve("scene_graphs.json")), "attribute_accuracy"), "all"),
                true);
        if (attrs.subList(1, attrs.size() - 1).stream().anyMatch(v -> !v.equals(Format.MISSING))) {
            overview.add(attrs);
        }

        Set<String> familyNames = new TreeSet<>(FamilyNames.NATURAL);
        runs.forEach(r -> familyNames.addAll(r.families().keySet()));
        record Moved(String name, double[] acc, long[] n, double delta) {
        }
        List<Moved> moved = new ArrayList<>();
        for (String f : familyNames) {
            double[] acc = new double[runs.size()];
            long[] n = new long[runs.size()];
            for (int i = 0; i < runs.size(); i++) {
                long[] c = runs.get(i).families().get(f);
                acc[i] = c == null || c[0] == 0 ? Double.NaN : (double) c[1] / c[0];
                n[i] = c == null ? 0 : c[0];
            }
            double delta = acc[acc.length - 1] - acc[0];
            moved.add(new Moved(f, acc, n, delta));
        }
        moved.sort(Comparator.comparingDouble((Moved m) -> Double.isNaN(m.delta()) ? -1 : Math.abs(m.delta()))
                .reversed().thenComparing(Moved::name, FamilyNames.NATURAL));
        List<List<String>> familyRows = new ArrayList<>();
        for (Moved m : moved) {
            List<String> r = new ArrayList<>();
            r.add(m.name());
            for (int i = 0; i < runs.size(); i++) {
                r.add(Double.isNaN(m.acc()[i]) ? Format.MISSING : Format.percent(m.acc()[i]) + " of " + m.n()[i]);
            }
            r.add(Format.points(m.delta()));
            familyRows.add(r);
        }
        Map<String, Map<String, Double>> chartData = new LinkedHashMap<>();
        List<Moved> top = moved.stream().filter(m -> !Double.isNaN(m.delta()) && m.delta() != 0)
                .limit(CHART_FAMILIES).toList();
        for (int i = 0; i < runs.size(); i++) {
            Map<String, Double> series = new LinkedHashMap<>();
            for (Moved m : top) {
                series.put(m.name(), m.acc()[i]);
            }
            chartData.put(names.get(i), series);
        }
        Chart chart = top.isEmpty() ? null : Charts.bars("Families whose accuracy moved most", chartData,
                "accuracy (%)", true, false);

        List<Flips> flips = new ArrayList<>();
        Map<String, PredictionRow> base = byId(runs.get(0));
        long common = base.size();
        for (int i = 1; i < runs.size(); i++) {
            Map<String, PredictionRow> other = byId(runs.get(i));
            List<List<String>> lost = new ArrayList<>();
            List<List<String>> gained = new ArrayList<>();
            long lostCount = 0;
            long gainedCount = 0;
            long shared = 0;
            for (Map.Entry<String, PredictionRow> e : base.entrySet()) {
                PredictionRow b = other.get(e.getKey());
                if (b == null) {
                    continue;
                }
                PredictionRow a = e.getValue();
                if (a.question() != null && b.question() != null && !a.question().equals(b.question())) {
                    continue; // the same id names another question: the runs read different files
                }
                shared++;
                boolean aRight = Boolean.TRUE.equals(a.correct());
                boolean bRight = Boolean.TRUE.equals(b.correct());
                if (aRight && !bRight) {
                    lostCount++;
                    if (lost.size() < FLIP_ROWS) {
                        lost.add(flipRow(a, b));
                    }
                } else if (!aRight && bRight && b.correct() != null) {
                    gainedCount++;
                    if (gained.size() < FLIP_ROWS) {
                        gained.add(flipRow(a, b));
                    }
                }
            }
            common = Math.min(common, shared);
            List<String> cols = List.of("id", "family", "question", "gold answer", "answer in " + names.get(0),
                    "answer in " + names.get(i));
            flips.add(new Flips(names.get(0), names.get(i),
                    new Table("Right in " + names.get(0) + ", wrong in " + names.get(i), cols, lost,
                            lostCount > lost.size() ? "the first " + lost.size() + " of " + lostCount : ""),
                    new Table("Wrong in " + names.get(0) + ", right in " + names.get(i), cols, gained,
                            gainedCount > gained.size() ? "the first " + gained.size() + " of " + gainedCount : ""),
                    lostCount, gainedCount));
        }
        return new Comparison(names, new Table("Side by side", heads, overview, ""), chart,
                new Table("Accuracy by family, largest change first", familyHeads(names), familyRows, ""), flips,
                common);
    }

    private static List<String> familyHeads(List<String> names) {
        List<String> heads = new ArrayList<>();
        heads.add("family");
        heads.addAll(names);
        heads.add("change (last - first)");
        return heads;
    }

    private static List<String> flipRow(PredictionRow a, PredictionRow b) {
        return List.of(a.id(), a.family(), a.question() == null ? "" : a.question(), a.gold() == null ? "" : a.gold(),
                answer(a), answer(b));
    }

    private static String answer(PredictionRow r) {
        return r.predicted() != null ? r.predicted() : "[" + r.errorKind() + "]";
    }

    private static Map<String, PredictionRow> byId(EvalRun run) {
        Map<String, PredictionRow> m = new LinkedHashMap<>();
        run.rows().forEach(r -> m.put(r.id(), r));
        return m;
    }

    private static List<String> row(String label, List<EvalRun> runs, java.util.function.ToDoubleFunction<EvalRun> f,
            boolean share) {
        List<String> r = new ArrayList<>();
        r.add(label);
        double first = Double.NaN;
        double last = Double.NaN;
        for (int i = 0; i < runs.size(); i++) {
            double v = f.applyAsDouble(runs.get(i));
            r.add(share ? Format.percent(v) : Format.number(v, 2));
            if (i == 0) {
                first = v;
            }
            last = v;
        }
        r.add(share ? Format.points(last - first) : Format.number(last - first, 2));
        return r;
    }
}
