package org.vqasp.reasoning.clingo;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One answer set (model) copied out of clingo: its shown atoms, its number and, for optimisation
 * problems, its cost vector.
 *
 * <p>Named {@code AnswerSet} so as not to clash with DJL's {@code Model}.
 *
 * @param number the model's number in the enumeration, from 1
 * @param symbols the shown atoms
 * @param costs the cost per priority level (highest priority first), empty without weak constraints
 * @param optimalityProven true when clingo proved the cost optimal
 */
public record AnswerSet(long number, List<Symbol> symbols, List<Long> costs, boolean optimalityProven) {

    /** Copies the lists. */
    public AnswerSet {
        symbols = List.copyOf(symbols);
        costs = List.copyOf(costs);
    }

    /** Returns the atoms with a given predicate name and arity. */
    public List<Symbol> atoms(String predicate, int arity) {
        return symbols.stream().filter(s -> s.is(predicate, arity)).collect(Collectors.toList());
    }

    @Override
    public String toString() {
        return symbols.stream().map(Symbol::toString).collect(Collectors.joining(" "));
    }
}
