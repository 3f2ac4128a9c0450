package org.vqasp.eval.bench;

import java.util.List;
import org.vqasp.reasoning.Theory;

/**
 * The questions a reasoning benchmark answers, two ways: in-process (batches of questions about one image,
 * one clingo call each) and by spawning the {@code clingo} binary once per question.
 *
 * @param dataset the dataset name for the report
 * @param theory the theory the spawned binary loads
 * @param batches the questions, grouped as the in-process reasoner answers them
 */
public record ReasoningWorkload(String dataset, Theory theory, List<Batch> batches) {

    /** Copies the batches. */
    public ReasoningWorkload {
        batches = List.copyOf(batches);
    }

    /** Returns the number of questions. */
    public int questions() {
        return batches.stream().mapToInt(b -> b.spawnFacts().size()).sum();
    }

    /**
     * Questions about one image.
     *
     * @param inProcess answers the batch in-process and returns how many answers it got
     * @param spawnFacts per question, the facts (scene and program) the spawned binary reads with the theory
     */
    public record Batch(InProcess inProcess, List<String> spawnFacts) {

        /** Copies the facts. */
        public Batch {
            spawnFacts = List.copyOf(spawnFacts);
        }
    }

    /** Answers one batch in-process. */
    @FunctionalInterface
    public interface InProcess {
        /**
         * Answers the batch.
         *
         * @return the number of questions that got an answer
         */
        int run();
    }
}
