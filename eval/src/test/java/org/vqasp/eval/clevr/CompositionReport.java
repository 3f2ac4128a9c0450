package org.vqasp.eval.clevr;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.vqasp.core.Samples;
import org.vqasp.core.clevr.ClevrDataset;
import org.vqasp.core.clevr.ClevrScene;
import org.vqasp.core.clevr.Program;
import org.vqasp.language.Parse;
import org.vqasp.language.clevr.grammar.ClevrGrammarParser;
import org.vqasp.reasoning.Answer;
import org.vqasp.reasoning.DatasetReasoner;
import org.vqasp.reasoning.clevr.ClevrReasoner;

/** Development report (not a test): composition accuracy per family, with the failures. */
public final class CompositionReport {

    public static void main(String[] args) {
        long seed = args.length > 0 ? Long.parseLong(args[0]) : 7;
        int perScene = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        List<ClevrScene> scenes = new ArrayList<>(
                ClevrDataset.loadScenes(Samples.path("clevr/gen-dev/scenes.json")).scenes().values());
        List<CompositionGenerator.Composed> qs = new CompositionGenerator(seed).generate(scenes, perScene);
        ClevrGrammarParser grammar = ClevrGrammarParser.load();
        ClevrReasoner reasoner = new ClevrReasoner();
        List<DatasetReasoner.Question<ClevrScene, Program>> asked = new ArrayList<>();
        List<CompositionGenerator.Composed> parsed = new ArrayList<>();
        Map<String, int[]> fam = new TreeMap<>();
        for (CompositionGenerator.Composed q : qs) {
            fam.computeIfAbsent(q.family(), k -> new int[2])[0]++;
            Parse<Program> p = grammar.parse(q.text());
            if (p instanceof Parse.Parsed<Program> ok) {
                asked.add(new DatasetReasoner.Question<>(q.scene(), ok.program()));
                parsed.add(q);
            } else {
                System.out.println("DECLINED " + q.text() + " -> " + ((Parse.NotUnderstood<Program>) p).reason());
            }
        }
        List<Answer> answers = reasoner.answerAll(asked);
        int correct = 0;
        for (int i = 0; i < answers.size(); i++) {
            Answer a = answers.get(i);
            CompositionGenerator.Composed q = parsed.get(i);
            if (a.ok() && a.answer().equals(q.answer())) {
                correct++;
                fam.get(q.family())[1]++;
            } else {
                System.out.println("WRONG " + q.text() + " -> " + (a.ok() ? a.answer() : a.error().getMessage())
                        + " expected " + q.answer());
            }
        }
        System.out.printf("compositions %d, correct %d (%.1f%%)%n", qs.size(), correct, 100.0 * correct / qs.size());
        fam.forEach((k, v) -> System.out.printf("  %-18s %d/%d%n", k, v[1], v[0]));
    }
}
