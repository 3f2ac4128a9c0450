package org.vqasp.distill;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.vqasp.core.DatasetItem;
import org.vqasp.core.VqaspException;
import org.vqasp.core.gqa.GqaDataset;
import org.vqasp.core.gqa.GqaNames;
import org.vqasp.core.gqa.GqaOperation;
import org.vqasp.core.gqa.GqaQuestion;
import org.vqasp.core.gqa.GqaSceneGraph;
import org.vqasp.core.gqa.GqaVocabulary;
import org.vqasp.core.json.DatasetReader;
import org.vqasp.reasoning.Facts;
import org.vqasp.reasoning.gqa.GqaAnswers;
import org.vqasp.reasoning.gqa.GqaProgramEncoder;
import org.vqasp.reasoning.gqa.GqaSceneEncoder;

/**
 * A GQA question with its scene graph, encoded for the GQA theory by {@link GqaSceneEncoder} and
 * {@link GqaProgramEncoder}. Objects keep their scene-graph ids, so only questions about the same image share a
 * call. Answers are compared as GQA does ({@link GqaAnswers}).
 *
 * @param gqaQuestion the question, with its semantic program and answer
 * @param graph its image's scene graph
 * @param vocabulary the class and attribute hierarchies
 */
public record GqaExample(GqaQuestion gqaQuestion, GqaSceneGraph graph, GqaVocabulary vocabulary) implements Example {

    /** Checks that the question has a program and an answer. */
    public GqaExample {
        Objects.requireNonNull(gqaQuestion, "gqaQuestion");
        Objects.requireNonNull(graph, "graph");
        Objects.requireNonNull(vocabulary, "vocabulary");
        if (gqaQuestion.semantic().isEmpty() || gqaQuestion.answer() == null) {
            throw new IllegalArgumentException("question " + gqaQuestion.id() + " has no program or no answer");
        }
    }

    /**
     * Reads the questions of a released-layout file that can be examples: an answer, a program the encoder reads,
     * and a scene graph.
     *
     * @param questions the questions file
     * @param sceneGraphs the scene-graphs file
     * @return the examples, in file order
     */
    public static List<GqaExample> load(Path questions, Path sceneGraphs) {
        GqaVocabulary vocabulary = GqaVocabulary.bundled();
        Set<String> images = new java.util.HashSet<>(GqaDataset.imageIds(questions, Long.MAX_VALUE));
        GqaDataset.SceneGraphIndex graphs = GqaDataset.loadSceneGraphs(sceneGraphs, images::contains);
        List<GqaExample> out = new ArrayList<>();
        try (DatasetReader<GqaQuestion> r = GqaDataset.questions(questions)) {
            while (r.hasNext()) {
                DatasetItem<GqaQuestion> item = r.next();
                if (!item.ok()) {
                    continue;
                }
                GqaQuestion q = item.value();
                GqaSceneGraph g = graphs.graphs().get(q.imageId());
                if (g == null || q.answer() == null || q.semantic().isEmpty()) {
                    continue;
                }
                try {
                    GqaProgramEncoder.encode(q.semantic(), 0, vocabulary, new Facts());
                } catch (VqaspException e) {
                    continue;
                }
                out.add(new GqaExample(q, g, vocabulary));
            }
        }
        return out;
    }

    @Override
    public String id() {
        return gqaQuestion.id();
    }

    @Override
    public String question() {
        return gqaQuestion.question();
    }

    @Override
    public String program() {
        StringBuilder sb = new StringBuilder();
        List<GqaOperation> ops = gqaQuestion.semantic();
        for (int i = 0; i < ops.size(); i++) {
            GqaOperation op = ops.get(i);
            sb.append(i > 0 ? " " : "").append(i).append(':').append(op.operation()).append('[')
                    .append(op.argument().strip()).append(']').append(op.dependencies());
        }
        return sb.toString();
    }

    @Override
    public String expected() {
        return gqaQuestion.answer();
    }

    @Override
    public Object scene() {
        return graph;
    }

    @Override
    public boolean scenesNumberedApart() {
        return false;
    }

    @Override
    public void encodeScene(int image, Facts facts) {
        GqaSceneEncoder.encode(graph, vocabulary, facts);
    }

    @Override
    public void encodeProgram(int slot, int image, Facts facts) {
        GqaProgramEncoder.encode(gqaQuestion.semantic(), slot, vocabulary, facts);
    }

    @Override
    public Reading read(int slot, List<Term> atoms) {
        List<GqaOperation> p = gqaQuestion.semantic();
        int base = slot * GqaProgramEncoder.STRIDE;
        int goal = base + p.size() - 1;
        GqaOperation last = p.get(p.size() - 1);
        boolean relation = GqaNames.clean(last.verb()).equals("choose") && GqaNames.clean(last.qualifier()).equals("rel");
        Set<String> answers = new LinkedHashSet<>();
        Term firstError = null;
        for (Term a : atoms) {
            if (a.is("answer", 2) && a.arg(0).isNumber() && a.arg(0).number() == goal) {
                String v = a.arg(1).asText();
                answers.add(relation ? GqaAnswers.relationAnswer(v) : v);
            } else if (a.is("error", 3) && a.arg(0).isNumber()) {
                int s = a.arg(0).number();
                if (s >= base && s < base + GqaProgramEncoder.STRIDE
                        && (firstError == null || s < firstError.arg(0).number())) {
                    firstError = a;
                }
            }
        }
        String error = null;
        if (firstError != null) {
            int step = firstError.arg(0).number() - base;
            String op = step >= 0 && step < p.size() ? p.get(step).operation() : "?";
            error = "step " + step + " (" + op + ") fails: " + firstError;
        }
        return new Reading(answers, error);
    }

    @Override
    public boolean matches(String derived) {
        return GqaAnswers.matches(derived, gqaQuestion.answer());
    }
}
