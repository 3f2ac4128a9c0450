package org.vqasp.reasoning.gqa;

import java.util.List;
import org.vqasp.core.gqa.GqaOperation;
import org.vqasp.core.gqa.GqaSceneGraph;
import org.vqasp.core.gqa.GqaVocabulary;
import org.vqasp.reasoning.DatasetReasoner;
import org.vqasp.reasoning.Reasoner;
import org.vqasp.reasoning.Theory;

/**
 * Answers GQA semantic programs over GQA scene graphs with an ASP theory (by default the bundled
 * {@code asp-rules/gqa/theory.lp}), through {@link GqaAspDataset}.
 *
 * <p>Questions about the same image are best answered together ({@link #answerAll}). Errors carry a kind:
 * {@code missing_object} when a program selects an object the scene graph has neither by class nor by its annotated
 * id (an annotation gap), {@code empty}, {@code missing_attribute}, {@code missing_relation}, {@code ambiguous} and
 * {@code no_answer} when the graph does not support one answer, and the
 * {@linkplain GqaAspDataset#PROGRAM_ERRORS program errors} whatever the graph. Thread-safe.
 */
public final class GqaReasoner extends DatasetReasoner<GqaSceneGraph, List<GqaOperation>> {

    /** Creates a reasoner over the bundled GQA theory and vocabularies. */
    public GqaReasoner() {
        this(new Reasoner(theory()), GqaVocabulary.bundled());
    }

    /** Creates a GQA reasoner over a configured generic reasoner (another theory, time limit). */
    public GqaReasoner(Reasoner reasoner, GqaVocabulary vocabulary) {
        super(new GqaAspDataset(vocabulary), reasoner);
    }

    /** Returns the bundled GQA theory ({@code asp-rules/gqa/theory.lp}). */
    public static Theory theory() {
        return Theory.resource("gqa/theory.lp");
    }
}
