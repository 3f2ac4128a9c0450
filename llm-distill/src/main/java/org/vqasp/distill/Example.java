package org.vqasp.distill;

import java.util.List;
import java.util.Set;
import org.vqasp.reasoning.Facts;

/**
 * A question over a scene with the answer it should get: what distillation learns from and is tested on.
 *
 * <p>Several examples are solved in one clingo call: each takes a <em>slot</em> (its programs' steps are
 * numbered apart) and its scene an <em>image</em> number. Datasets whose encodings number the objects of
 * different scenes apart ({@link #scenesNumberedApart()}) may mix scenes in one call; others share a call only
 * with examples of the same scene.
 */
public interface Example {

    /** Returns the example's identifier in its dataset, such as the question index. */
    String id();

    /** Returns the question text. */
    String question();

    /** Returns the program in the dataset's own notation, for prompts. */
    String program();

    /** Returns the expected answer as the dataset writes it. */
    String expected();

    /** Returns the scene's identity: examples with equal scenes share its facts in a call. */
    Object scene();

    /** Returns true when scenes of this dataset can be solved together in one call. */
    boolean scenesNumberedApart();

    /**
     * Appends the scene's facts as image {@code image} of a call.
     *
     * @param image the image number (0 when scenes are not numbered apart)
     * @param facts the facts
     */
    void encodeScene(int image, Facts facts);

    /**
     * Appends the program's facts in slot {@code slot}, looking at image {@code image}.
     *
     * @param slot the slot
     * @param image the image number of its scene
     * @param facts the facts
     */
    void encodeProgram(int slot, int image, Facts facts);

    /**
     * Reads what one answer set says of the example in slot {@code slot}: its answers and its first step error.
     *
     * @param slot the slot
     * @param atoms the answer set's shown atoms
     * @return the answers derived and the first error, if any
     */
    Reading read(int slot, List<Term> atoms);

    /** Returns true when a derived answer is the expected one (after the dataset's normalisation). */
    boolean matches(String derived);

    /**
     * What one answer set says of an example.
     *
     * @param answers the distinct answers derived for its goal
     * @param error its first step error, such as {@code step 3 (unique) fails: error(3,unique,0)}, or null
     */
    record Reading(Set<String> answers, String error) {

        /** Copies the set. */
        public Reading {
            answers = Set.copyOf(answers);
        }
    }
}
