package org.vqasp.reasoning.gqa;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.vqasp.core.DatasetItem;
import org.vqasp.core.ErrorKind;
import org.vqasp.core.VqaspException;
import org.vqasp.core.gqa.GqaDataset;
import org.vqasp.core.gqa.GqaOperation;
import org.vqasp.core.gqa.GqaQuestion;
import org.vqasp.core.gqa.GqaSceneGraph;
import org.vqasp.core.gqa.GqaVocabulary;
import org.vqasp.core.json.DatasetReader;
import org.vqasp.reasoning.AspDataset;
import org.vqasp.reasoning.Facts;
import org.vqasp.reasoning.LabelledQuestion;
import org.vqasp.reasoning.Reasoner;
import org.vqasp.reasoning.Theory;
import org.vqasp.reasoning.clingo.Symbol;

/**
 * GQA as its theory ({@code asp-rules/gqa/theory.lp}) sees it: scene graphs through {@link GqaSceneEncoder} (objects
 * keep their scene-graph ids, so only questions about the same image share a call), semantic programs through
 * {@link GqaProgramEncoder}, answers compared as GQA does ({@link GqaAnswers}).
 */
public final class GqaAspDataset implements AspDataset<GqaSceneGraph, List<GqaOperation>> {

    /** The error kinds that belong to the program rather than the scene graph: what a check reports. */
    public static final Set<String> PROGRAM_ERRORS = Set.of(ErrorKind.BAD_PROGRAM, "unknown_operation", "inputs",
            "type", "missing_value", "unknown_category", "not_terminal");

    private static final GqaSceneGraph EMPTY = GqaSceneGraph.empty("check");

    private final GqaVocabulary vocabulary;

    /**
     * Creates the dataset over class and attribute hierarchies.
     *
     * @param vocabulary the hierarchies
     */
    public GqaAspDataset(GqaVocabulary vocabulary) {
        this.vocabulary = Objects.requireNonNull(vocabulary, "vocabulary");
    }

    /** Returns the dataset over the bundled hierarchies. */
    public static GqaAspDataset bundled() {
        return new GqaAspDataset(GqaVocabulary.bundled());
    }

    /** Returns the hierarchies. */
    public GqaVocabulary vocabulary() {
        return vocabulary;
    }

    @Override
    public String name() {
        return "gqa";
    }

    @Override
    public Theory theory() {
        return GqaReasoner.theory();
    }

    @Override
    public int stride() {
        return GqaProgramEncoder.STRIDE;
    }

    @Override
    public boolean scenesNumberedApart() {
        return false;
    }

    @Override
    public GqaSceneGraph emptyScene() {
        return EMPTY;
    }

    @Override
    public void encodeScene(GqaSceneGraph scene, int image, Facts facts) {
        GqaSceneEncoder.encode(scene, vocabulary, facts);
    }

    @Override
    public void encodeProgram(List<GqaOperation> program, int slot, int image, Facts facts) {
        GqaProgramEncoder.encode(program, slot, vocabulary, facts);
    }

    @Override
    public int steps(List<GqaOperation> program) {
        return program.size();
    }

    @Override
    public String answerText(List<GqaOperation> program, Symbol value) {
        boolean relation = "choose_rel".equals(GqaProgramEncoder.theoryOperation(program.get(program.size() - 1)));
        return relation ? GqaAnswers.relationAnswer(value.asText()) : value.asText();
    }

    @Override
    public boolean isProgramError(String kind) {
        return PROGRAM_ERRORS.contains(kind);
    }

    @Override
    public String describe(Reasoner.StepError e, int step, int slot, List<GqaOperation> program) {
        int base = slot * GqaProgramEncoder.STRIDE;
        String where = stepText(step, program);
        String detail = e.detail().asText();
        int detailStep = (e.detail().isNumber() ? e.detail().number() : -1) - base;
        return switch (e.kind()) {
            case "missing_object" -> where + ": the scene graph has no " + detail
                    + " and not the annotated object: an annotation gap";
            case "empty" -> where + ": no objects to work on; they ran out at " + stepText(detailStep, program)
                    + ", which found none";
            case "missing_attribute" -> where + (detail.equals("none") ? ": the scene graph gives no value to report"
                    : ": the scene graph gives no " + detail + " value");
            case "missing_relation" -> where + ": no object stands in either relation";
            case "unknown_operation" -> where + ": unknown operation \"" + detail + "\"";
            case "inputs" -> where + ": has " + detail + " dependencies, the wrong number for this operation";
            case "type" -> where + ": the output of step " + detailStep + " has the wrong type for this operation";
            case "missing_value" -> where + ": missing " + detail + " in the argument";
            case "unknown_category" -> where + ": unknown category \"" + detail + "\"";
            case "not_terminal" -> where + ": the last step gives a set of objects, not an answer";
            default -> where + ": " + e.kind() + " " + detail;
        };
    }

    private static String stepText(int step, List<GqaOperation> program) {
        if (step < 0 || step >= program.size()) {
            return "step " + step;
        }
        GqaOperation op = program.get(step);
        return "step " + step + " (" + op.operation() + ": " + op.argument().strip() + ")";
    }

    @Override
    public boolean matches(String predicted, String gold) {
        return GqaAnswers.matches(predicted, gold);
    }

    @Override
    public String programText(List<GqaOperation> program) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < program.size(); i++) {
            GqaOperation op = program.get(i);
            sb.append(i > 0 ? " " : "").append(i).append(':').append(op.operation()).append('[')
                    .append(op.argument().strip()).append(']').append(op.dependencies());
        }
        return sb.toString();
    }

    @Override
    public List<LabelledQuestion<GqaSceneGraph, List<GqaOperation>>> labelledQuestions(Path questions,
            Path sceneGraphs) {
        Set<String> images = new HashSet<>(GqaDataset.imageIds(questions, Long.MAX_VALUE));
        GqaDataset.SceneGraphIndex graphs = GqaDataset.loadSceneGraphs(sceneGraphs, images::contains);
        List<LabelledQuestion<GqaSceneGraph, List<GqaOperation>>> out = new ArrayList<>();
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
                out.add(new LabelledQuestion<>(q.id(), q.question() == null ? "" : q.question(), q.semantic(),
                        q.answer(), g));
            }
        }
        return out;
    }
}
