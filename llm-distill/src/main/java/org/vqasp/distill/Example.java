package org.vqasp.distill;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.vqasp.reasoning.AspDataset;
import org.vqasp.reasoning.Facts;
import org.vqasp.reasoning.LabelledQuestion;
import org.vqasp.reasoning.Reading;
import org.vqasp.reasoning.clingo.Symbol;

/**
 * A question over a scene with the answer it should get: what distillation learns from and is tested on, in any
 * dataset, through the dataset's {@link AspDataset}.
 *
 * <p>Several examples are solved in one clingo call: each takes a <em>slot</em> (its programs' steps are numbered
 * apart) and its scene an <em>image</em> number. Datasets whose encodings number the objects of different scenes
 * apart ({@link #scenesNumberedApart()}) may mix scenes in one call; others share a call only with examples of the
 * same scene.
 */
public interface Example {

    /**
     * Returns a dataset's labelled question as an example.
     *
     * @param dataset the dataset
     * @param question the question with its program, answer and scene
     * @param <S> the scene type
     * @param <P> the program type
     */
    static <S, P> Example of(AspDataset<S, P> dataset, LabelledQuestion<S, P> question) {
        return new Of<>(dataset, question);
    }

    /**
     * Reads the examples of a questions file and its scenes file.
     *
     * @param dataset the dataset
     * @param questions the questions file (released layout)
     * @param scenes the scenes (or scene-graphs) file
     * @param <S> the scene type
     * @param <P> the program type
     * @return the questions that can be examples, in file order
     */
    static <S, P> List<Example> load(AspDataset<S, P> dataset, Path questions, Path scenes) {
        List<Example> out = new ArrayList<>();
        for (LabelledQuestion<S, P> q : dataset.labelledQuestions(questions, scenes)) {
            out.add(of(dataset, q));
        }
        return out;
    }

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
    Reading read(int slot, List<Symbol> atoms);

    /** Returns true when a derived answer is the expected one (after the dataset's normalisation). */
    boolean matches(String derived);

    /** An example of a dataset: everything is the dataset's. */
    record Of<S, P>(AspDataset<S, P> dataset, LabelledQuestion<S, P> labelled) implements Example {

        /** Checks the fields. */
        public Of {
            Objects.requireNonNull(dataset, "dataset");
            Objects.requireNonNull(labelled, "labelled");
        }

        @Override
        public String id() {
            return labelled.id();
        }

        @Override
        public String question() {
            return labelled.text();
        }

        @Override
        public String program() {
            return dataset.programText(labelled.program());
        }

        @Override
        public String expected() {
            return labelled.answer();
        }

        @Override
        public Object scene() {
            return labelled.scene();
        }

        @Override
        public boolean scenesNumberedApart() {
            return dataset.scenesNumberedApart();
        }

        @Override
        public void encodeScene(int image, Facts facts) {
            dataset.encodeScene(labelled.scene(), image, facts);
        }

        @Override
        public void encodeProgram(int slot, int image, Facts facts) {
            dataset.encodeProgram(labelled.program(), slot, image, facts);
        }

        @Override
        public Reading read(int slot, List<Symbol> atoms) {
            return Reading.of(dataset, labelled.program(), slot, atoms);
        }

        @Override
        public boolean matches(String derived) {
            return dataset.matches(derived, labelled.answer());
        }
    }
}
