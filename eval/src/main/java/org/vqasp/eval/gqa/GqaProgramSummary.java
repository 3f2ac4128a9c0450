package org.vqasp.eval.gqa;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.vqasp.core.gqa.GqaOperation;
import org.vqasp.core.gqa.SemanticString;
import org.vqasp.eval.Prediction;
import org.vqasp.eval.PredictionLog;

/**
 * How well parsed programs match the gold ones, from the rows of a predictions file: {@code program_accuracy} (the
 * share of questions with a gold program whose parsed program is the same {@code semanticStr} once object ids are
 * removed and blanks collapsed), the same up to the order of a choice's options, and per operation, per question
 * type, per confidence, with the most common kinds of mismatch.
 *
 * @param questions rows in the file
 * @param withGold rows with a gold program
 * @param parsed rows with a parsed program
 * @param notUnderstood rows the parser did not understand
 * @param correct rows whose parsed program equals the gold one
 * @param correctAnyOrder rows whose parsed program equals the gold one up to the order of choices
 * @param byOperation per operation of the gold program ({@code filter color}): questions and correct
 * @param byType per question type ({@code structural/verify}, {@code semantic/rel}, {@code detailed/relS})
 * @param byConfidence per band of the parser's confidence
 * @param byParser questions per parser
 * @param mismatches the kinds of mismatch, most common first
 */
public record GqaProgramSummary(long questions, long withGold, long parsed, long notUnderstood, long correct,
        long correctAnyOrder, Map<String, long[]> byOperation, Map<String, long[]> byType,
        Map<String, long[]> byConfidence, Map<String, Long> byParser, List<Mismatch> mismatches) {

    /** Kinds of mismatch listed at most. */
    public static final int MISMATCHES = 20;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * One kind of mismatch.
     *
     * @param kind what differs ({@code "choice order"}, {@code "argument of relate"},
     *     {@code "steps: select->verify rel / select->relate->verify rel"}, {@code "not understood"})
     * @param count how many questions
     * @param example one of them
     */
    public record Mismatch(String kind, long count, Prediction example) {
    }

    /** Returns correct / questions with a gold program, or 0 without any. */
    public double accuracy() {
        return withGold == 0 ? 0 : (double) correct / withGold;
    }

    /** Returns the accuracy up to the order of choices. */
    public double accuracyAnyOrder() {
        return withGold == 0 ? 0 : (double) correctAnyOrder / withGold;
    }

    /**
     * Computes the summary of a predictions file written with parsed programs.
     *
     * @param predictions the file
     * @return the summary
     */
    public static GqaProgramSummary of(Path predictions) {
        long[] t = new long[6];
        Map<String, long[]> ops = new TreeMap<>();
        Map<String, long[]> types = new TreeMap<>();
        Map<String, long[]> bands = new LinkedHashMap<>();
        for (String b : List.of("0.9-1.0", "0.5-0.9", "0.0-0.5", "none")) {
            bands.put(b, new long[2]);
        }
        Map<String, Long> parsers = new TreeMap<>();
        Map<String, Long> kinds = new LinkedHashMap<>();
        Map<String, Prediction> examples = new LinkedHashMap<>();
        PredictionLog.read(predictions, p -> {
            t[0]++;
            String gold = p.extra("gold_program");
            String program = p.extra("program");
            if (p.extra("parser") != null) {
                parsers.merge(p.extra("parser"), 1L, Long::sum);
            }
            if (program != null) {
                t[2]++;
            } else if ("not_understood".equals(p.errorKind())) {
                t[3]++;
            }
            if (gold == null) {
                return;
            }
            t[1]++;
            boolean ok = gold.equals(program);
            boolean anyOrder = ok || program != null && sameUpToChoices(gold, program);
            t[4] += ok ? 1 : 0;
            t[5] += anyOrder ? 1 : 0;
            for (String op : operations(gold)) {
                count(ops, op, ok);
            }
            for (String f : p.families()) {
                count(types, f, ok);
            }
            if (p.extra("type_detailed") != null) {
                count(types, "detailed/" + p.extra("type_detailed"), ok);
            }
            count(bands, band(p.extras().get("parser_confidence")), ok);
            if (!ok) {
                String kind = program == null ? (p.errorKind() == null ? "no program" : p.errorKind().replace('_', ' '))
                        : anyOrder ? "choice order (GQA writes the answer first)" : difference(gold, program);
                kinds.merge(kind, 1L, Long::sum);
                examples.putIfAbsent(kind, p);
            }
        });
        List<Mismatch> mismatches = new ArrayList<>();
        kinds.forEach((k, n) -> mismatches.add(new Mismatch(k, n, examples.get(k))));
        mismatches.sort(Comparator.comparingLong(Mismatch::count).reversed());
        return new GqaProgramSummary(t[0], t[1], t[2], t[3], t[4], t[5], ops, types, bands, parsers,
                List.copyOf(mismatches.subList(0, Math.min(MISMATCHES, mismatches.size()))));
    }

    private static void count(Map<String, long[]> m, String key, boolean ok) {
        long[] c = m.computeIfAbsent(key, k -> new long[2]);
        c[0]++;
        c[1] += ok ? 1 : 0;
    }

    private static String band(Object confidence) {
        if (!(confidence instanceof Number n)) {
            return "none";
        }
        double c = n.doubleValue();
        return c >= 0.9 ? "0.9-1.0" : c >= 0.5 ? "0.5-0.9" : "0.0-0.5";
    }

    private static boolean sameUpToChoices(String gold, String program) {
        try {
            return SemanticString.withoutIdsOrChoiceOrder(gold).equals(SemanticString.withoutIdsOrChoiceOrder(program));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Returns the distinct operations of a program ({@code select}, {@code filter color}, ...). */
    private static Set<String> operations(String program) {
        Set<String> out = new LinkedHashSet<>();
        try {
            for (GqaOperation op : SemanticString.parse(program)) {
                out.add(op.operation().strip());
            }
        } catch (IllegalArgumentException e) {
            out.add("(unreadable)");
        }
        return out;
    }

    /**
     * Names how two programs differ: the first argument that differs when the steps are the same, else the two
     * sequences of steps.
     */
    static String difference(String gold, String program) {
        List<GqaOperation> g;
        List<GqaOperation> p;
        try {
            g = SemanticString.parse(gold);
            p = SemanticString.parse(program);
        } catch (IllegalArgumentException e) {
            return "unreadable program";
        }
        List<String> gs = g.stream().map(o -> o.operation().strip()).toList();
        List<String> ps = p.stream().map(o -> o.operation().strip()).toList();
        if (gs.equals(ps)) {
            for (int i = 0; i < g.size(); i++) {
                if (!g.get(i).argument().strip().equals(p.get(i).argument().strip())) {
                    return "argument of " + gs.get(i);
                }
            }
            return "dependencies";
        }
        return "steps: " + String.join("->", gs) + " / parsed: " + String.join("->", ps);
    }

    /** Returns the summary's keys, to merge into {@code summary.json}. */
    public ObjectNode toJson() {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("program_questions", withGold);
        n.put("program_parsed", parsed);
        n.put("program_not_understood", notUnderstood);
        n.put("program_correct", correct);
        n.put("program_accuracy", round(accuracy()));
        n.put("program_accuracy_any_choice_order", round(accuracyAnyOrder()));
        table(n.putObject("program_by_operation"), byOperation);
        table(n.putObject("program_by_type"), byType);
        table(n.putObject("program_by_confidence"), byConfidence);
        ObjectNode ps = n.putObject("parsers");
        byParser.forEach(ps::put);
        ArrayNode ms = n.putArray("program_mismatches");
        for (Mismatch m : mismatches) {
            ObjectNode o = ms.addObject();
            o.put("kind", m.kind());
            o.put("count", m.count());
            ObjectNode e = o.putObject("example");
            e.put("id", m.example().id());
            e.put("question", m.example().question());
            e.put("gold_program", m.example().extra("gold_program"));
            e.put("program", m.example().extra("program"));
        }
        return n;
    }

    private static void table(ObjectNode n, Map<String, long[]> m) {
        m.forEach((k, c) -> {
            if (c[0] > 0) {
                ObjectNode o = n.putObject(k);
                o.put("questions", c[0]);
                o.put("correct", c[1]);
                o.put("accuracy", round((double) c[1] / c[0]));
            }
        });
    }

    private static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }
}
