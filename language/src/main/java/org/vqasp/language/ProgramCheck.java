package org.vqasp.language;

import java.util.Optional;
import org.vqasp.core.VqaspException;

/**
 * Checks a program before it is used: the reasoner's check against the theory (it compiles, grounds, and names
 * only functions and values the theory knows), supplied by whoever assembles the pipeline, so that turning
 * questions into programs needs no reasoner.
 *
 * @param <P> the program type, such as {@code org.vqasp.core.clevr.Program}
 */
@FunctionalInterface
public interface ProgramCheck<P> {

    /** A check that accepts every program. */
    static <P> ProgramCheck<P> none() {
        return p -> Optional.empty();
    }

    /**
     * Checks a program.
     *
     * @param program the program
     * @return the first problem, or empty when the program may be used
     */
    Optional<VqaspException> check(P program);
}
