package org.vqasp.reasoning;

import java.util.Objects;

/**
 * A question with its program, its gold answer and its scene: what distillation learns from and is tested on.
 *
 * @param id the question's identifier in its dataset
 * @param text the question text
 * @param program the program
 * @param answer the gold answer as the dataset writes it
 * @param scene its scene
 * @param <S> the scene type
 * @param <P> the program type
 */
public record LabelledQuestion<S, P>(String id, String text, P program, String answer, S scene) {

    /** Checks that nothing is missing. */
    public LabelledQuestion {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(program, "program");
        Objects.requireNonNull(answer, "answer");
        Objects.requireNonNull(scene, "scene");
    }
}
