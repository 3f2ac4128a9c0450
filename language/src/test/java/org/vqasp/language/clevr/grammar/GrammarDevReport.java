package org.vqasp.language.clevr.grammar;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.vqasp.core.VqaspException;
import org.vqasp.core.clevr.ClevrDataset;
import org.vqasp.core.clevr.ClevrScene;
import org.vqasp.core.clevr.Program;
import org.vqasp.language.Parse;
import org.vqasp.language.clevr.ClevrQuestionParser;
import org.vqasp.language.clevr.TemplateStage;
import org.vqasp.world.questions.ReferenceExecutor;

/** Development report (not a test): coverage and precision of the grammar on question files. */
public final class GrammarDevReport {

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        ObjectMapper m = new ObjectMapper();
        ClevrGrammarParser grammar = ClevrGrammarParser.load();
        TemplateStage template = new TemplateStage(ClevrQuestionParser.load());
        ReferenceExecutor ex = new ReferenceExecutor();
        JsonNode qs = m.readTree(new File(args[1])).get("questions");
        Map<Integer, ClevrScene> scenes = new TreeMap<>();
        if (args.length > 2 && !args[2].equals("-")) {
            for (ClevrScene s : ClevrDataset.loadScenes(Path.of(args[2])).scenes().values()) {
                scenes.put(s.imageIndex(), s);
            }
        }
        boolean verbose = args.length > 3;
        boolean relax = System.getenv("NORELAX") == null;
        int total = 0, byTemplate = 0, byGrammar = 0, correct = 0, gCorrect = 0, typeOk = 0;
        Map<String, Integer> reasons = new TreeMap<>();
        List<String> wrong = new ArrayList<>();
        List<String> declined = new ArrayList<>();
        long t0 = System.nanoTime();
        for (JsonNode q : qs) {
            total++;
            String text = q.get("question").asText();
            String gold = q.get("answer").asText();
            Parse<Program> p = template.parse(text);
            boolean fromTemplate = p instanceof Parse.Parsed && !mode.equals("grammar");
            if (!fromTemplate) {
                p = grammar.parse(text);
            }
            if (!(p instanceof Parse.Parsed<Program> parsed)) {
                String r = ((Parse.NotUnderstood<Program>) p).reason();
                declined.add(gold + " | " + text + " || " + r);
                reasons.merge(r.replaceAll(":.*", ""), 1, Integer::sum);
                continue;
            }
            if (fromTemplate) {
                byTemplate++;
            } else {
                byGrammar++;
            }
            String type = ClevrGrammarParser.answerType(parsed.program());
            boolean tOk = typeOf(gold).equals(type) || type.equals("integer") && gold.matches("\\d+");
            if (tOk) {
                typeOk++;
            }
            String got;
            if (scenes.isEmpty()) {
                got = null;
                if (!tOk) {
                    wrong.add(gold + " | " + text + " || type " + type + " | " + parsed.program());
                }
                continue;
            }
            ClevrScene scene = scenes.get(q.get("image_index").asInt());
            try {
                got = ex.answer(parsed.program(), scene);
            } catch (VqaspException e) {
                got = "ERR " + e.kind();
                if (e.kind().equals("unique") && relax) {
                    try {
                        got = ex.answer(org.vqasp.language.clevr.UniqueRelaxation.relax(parsed.program()), scene);
                    } catch (VqaspException e2) {
                        got = "ERR " + e2.kind();
                    }
                }
            }
            if (got.equals(gold)) {
                correct++;
                if (!fromTemplate) {
                    gCorrect++;
                }
            } else {
                wrong.add(gold + " | " + text + " || img " + q.get("image_index").asInt() + " got " + got + " (" + parsed.parser() + " " + parsed.confidence()
                        + ") " + parsed.program());
            }
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        System.out.printf("questions %d, template %d, grammar %d, declined %d; coverage %.1f%%%n", total, byTemplate,
                byGrammar, total - byTemplate - byGrammar, 100.0 * (byTemplate + byGrammar) / total);
        if (!scenes.isEmpty()) {
            System.out.printf("accuracy %.1f%% (%d); precision %.1f%%; grammar precision %.1f%% (%d/%d)%n",
                    100.0 * correct / total, correct, 100.0 * correct / (byTemplate + byGrammar),
                    100.0 * gCorrect / Math.max(1, byGrammar), gCorrect, byGrammar);
        }
        System.out.printf("answer type agrees: %.1f%% of parsed%n", 100.0 * typeOk / (byTemplate + byGrammar));
        System.out.printf("%.0f questions/s%n", total / secs);
        System.out.println("declined by reason: " + reasons.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue())
                .limit(12).map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", ")));
        if (verbose) {
            if (args[3].contains("w")) {
                System.out.println("---- wrong");
                wrong.forEach(System.out::println);
            }
            if (args[3].contains("d")) {
                System.out.println("---- declined");
                declined.forEach(System.out::println);
            }
        }
    }

    static String typeOf(String answer) {
        if (answer.equals("yes") || answer.equals("no")) {
            return "bool";
        }
        if (answer.matches("\\d+")) {
            return "integer";
        }
        return switch (answer) {
            case "small", "large" -> "size";
            case "rubber", "metal" -> "material";
            case "cube", "sphere", "cylinder" -> "shape";
            default -> "color";
        };
    }
}
