package org.vqasp.reasoning;

import java.nio.file.Path;
import java.util.List;
import org.vqasp.reasoning.clingo.Symbol;

/**
 * A dataset as its ASP theory sees it: how a scene and a program become facts, and how an answer set's
 * {@code answer/2} and {@code error/3} atoms read back as the dataset's answers and errors. The reasoners
 * ({@link DatasetReasoner}) and the distillation loop work through this interface alone: adding a dataset means
 * one implementation of it plus its theory.
 *
 * <p>Many questions are solved in one clingo call by numbering them apart: the program in <em>slot</em> {@code j}
 * has its steps at {@code j * stride() + i}, and its last step is the goal whose {@code answer/2} atoms are read.
 * Scenes take an <em>image</em> number; a dataset whose encoding numbers the objects of different images apart
 * ({@link #scenesNumberedApart()}) can mix scenes in one call, others solve one scene per call (image 0).
 *
 * @param <S> the scene type
 * @param <P> the program type
 */
public interface AspDataset<S, P> {

    /** Returns the dataset's name, such as {@code clevr}. */
    String name();

    /** Returns the bundled theory (from {@code asp-rules}). */
    Theory theory();

    /** Returns how far apart the step numbers of consecutive slots are. */
    int stride();

    /** Returns true when the scenes of several images can be solved in one call. */
    boolean scenesNumberedApart();

    /** Returns a scene with nothing in it: what programs are checked against. */
    S emptyScene();

    /**
     * Appends a scene's facts as image {@code image} of a call.
     *
     * @param scene the scene
     * @param image the image number (0 when scenes are not numbered apart)
     * @param facts the facts
     * @throws org.vqasp.core.InputException when the scene cannot be encoded
     */
    void encodeScene(S scene, int image, Facts facts);

    /**
     * Appends a program's facts in slot {@code slot}, looking at image {@code image}.
     *
     * @param program the program
     * @param slot the slot
     * @param image the image number of its scene
     * @param facts the facts
     * @throws org.vqasp.core.InputException of kind {@code bad_program} when the program cannot be encoded
     */
    void encodeProgram(P program, int slot, int image, Facts facts);

    /** Returns the number of steps of a program (its goal is the last). */
    int steps(P program);

    /**
     * Returns a derived answer as the dataset writes it.
     *
     * @param program the program it answers
     * @param value the second argument of an {@code answer/2} atom of the program's goal
     */
    String answerText(P program, Symbol value);

    /** Returns true when an error kind belongs to the program rather than the scene (what a check reports). */
    boolean isProgramError(String kind);

    /**
     * Describes a step error for people, such as {@code step 3 (unique): found 0 objects, expected exactly one}.
     *
     * @param error the error the theory derived
     * @param step the failing step's index within its program
     * @param slot the program's slot (to turn other step numbers in the detail into indices)
     * @param program the program
     */
    String describe(Reasoner.StepError error, int step, int slot, P program);

    /** Returns true when a derived answer counts as the gold one (after the dataset's normalisation). */
    boolean matches(String predicted, String gold);

    /** Returns a program in the dataset's own notation, on one line, for prompts and logs. */
    String programText(P program);

    /**
     * Reads the questions of a released-layout questions file that can be learnt from and tested on: those with a
     * program that encodes, an answer, and a scene in the scenes file, in file order.
     *
     * @param questions the questions file
     * @param scenes the scenes (or scene-graphs) file
     * @return the questions with their scenes
     * @throws org.vqasp.core.InputException when a file is missing or not JSON
     */
    List<LabelledQuestion<S, P>> labelledQuestions(Path questions, Path scenes);
}
