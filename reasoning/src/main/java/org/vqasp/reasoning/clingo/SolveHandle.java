package org.vqasp.reasoning.clingo;

import com.sun.jna.Pointer;
import java.util.ArrayList;
import java.util.List;

/**
 * An ongoing solve call: yields answer sets one at a time. Close it before using its control again.
 * An answer set lives in clingo only until the next resume; {@link #next()} copies it out first.
 */
public final class SolveHandle implements AutoCloseable {

    /** How a solve call ended. */
    public enum Status {
        /** At least one answer set; the search may not be exhausted. */
        SATISFIABLE,
        /** No answer set exists. */
        UNSATISFIABLE,
        /** Interrupted (time limit) before the search finished. */
        INTERRUPTED,
        /** Neither proved nor interrupted (the search stopped for another reason). */
        UNKNOWN
    }

    private final Control control;
    private final ClingoNative lib;
    private Pointer handle;
    private boolean started;

    SolveHandle(Control control, Pointer handle) {
        this.control = control;
        this.lib = control.lib();
        this.handle = handle;
    }

    /**
     * Computes and copies out the next answer set.
     *
     * @return the next answer set, or null when there is none (search exhausted or interrupted)
     */
    public AnswerSet next() {
        if (started) {
            Clingo.check(lib, lib.clingo_solve_handle_resume(handle), "solving", control.drain());
        }
        started = true;
        long[] m = new long[1];
        Clingo.check(lib, lib.clingo_solve_handle_model(handle, m), "solving", control.drain());
        if (m[0] == 0) {
            return null;
        }
        return copy(new Pointer(m[0]));
    }

    /** Returns how the search ended; waits for it to finish. */
    public Status status() {
        int[] r = new int[1];
        Clingo.check(lib, lib.clingo_solve_handle_get(handle, r), "solving", control.drain());
        int bits = r[0];
        if ((bits & 8) != 0) {
            return Status.INTERRUPTED;
        }
        if ((bits & 1) != 0) {
            return Status.SATISFIABLE;
        }
        if ((bits & 2) != 0) {
            return Status.UNSATISFIABLE;
        }
        return Status.UNKNOWN;
    }

    private AnswerSet copy(Pointer model) {
        long[] size = new long[1];
        Clingo.check(lib, lib.clingo_model_symbols_size(model, Control.SHOW_SHOWN, size));
        long[] raw = new long[(int) size[0]];
        if (raw.length > 0) {
            Clingo.check(lib, lib.clingo_model_symbols(model, Control.SHOW_SHOWN, raw, raw.length));
        }
        List<Symbol> symbols = new ArrayList<>(raw.length);
        for (long s : raw) {
            symbols.add(Clingo.symbol(lib, s));
        }
        long[] number = new long[1];
        Clingo.check(lib, lib.clingo_model_number(model, number));
        long[] costSize = new long[1];
        Clingo.check(lib, lib.clingo_model_cost_size(model, costSize));
        List<Long> costs = List.of();
        boolean proven = false;
        if (costSize[0] > 0) {
            long[] c = new long[(int) costSize[0]];
            Clingo.check(lib, lib.clingo_model_cost(model, c, c.length));
            costs = new ArrayList<>(c.length);
            for (long v : c) {
                costs.add(v);
            }
            byte[] p = new byte[1];
            Clingo.check(lib, lib.clingo_model_optimality_proven(model, p));
            proven = p[0] != 0;
        }
        return new AnswerSet(number[0], symbols, costs, proven);
    }

    /** Finishes the search and frees the handle. */
    @Override
    public void close() {
        if (handle != null) {
            Pointer h = handle;
            handle = null;
            Clingo.check(lib, lib.clingo_solve_handle_close(h), "solving", control.drain());
        }
    }
}
