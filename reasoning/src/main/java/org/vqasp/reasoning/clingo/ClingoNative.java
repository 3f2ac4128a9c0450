package org.vqasp.reasoning.clingo;

import com.sun.jna.Callback;
import com.sun.jna.Library;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;

/**
 * JNA mapping of the part of clingo's C API (v5.4) that vqasp uses; one instance per loaded copy of the
 * library (see {@link LibraryPool}).
 *
 * <p>Type mapping: C {@code bool} is {@code byte} (JNA's boolean would read a full int), {@code size_t} and
 * {@code uint64_t} are {@code long}, {@code clingo_symbol_t} is {@code long}, out-parameters are one-element
 * primitive arrays, and pointer out-parameters come back as addresses in a {@code long[1]}.
 * Every call that returns {@code bool} goes through {@link Clingo#check}.
 */
interface ClingoNative extends Library {

    /** {@code clingo_logger_t}: receives every message of a control (warnings, info, error details). */
    interface Logger extends Callback {
        void invoke(int code, String message, Pointer data);
    }

    /** {@code clingo_part_t}: a program part to ground, by name, without parameters here. */
    @Structure.FieldOrder({"name", "params", "size"})
    class Part extends Structure {
        public String name;
        public Pointer params;
        public long size;
    }

    // --- errors and version
    int clingo_error_code();

    String clingo_error_message();

    void clingo_version(int[] major, int[] minor, int[] revision);

    // --- control
    byte clingo_control_new(Pointer arguments, long argumentsSize, Logger logger, Pointer loggerData,
            int messageLimit, long[] control);

    void clingo_control_free(Pointer control);

    byte clingo_control_add(Pointer control, String name, Pointer parameters, long parametersSize, String program);

    byte clingo_control_ground(Pointer control, Part parts, long partsSize, Pointer callback, Pointer callbackData);

    byte clingo_control_solve(Pointer control, int mode, Pointer assumptions, long assumptionsSize, Pointer notify,
            Pointer data, long[] handle);

    void clingo_control_interrupt(Pointer control);

    // --- solve handle
    byte clingo_solve_handle_get(Pointer handle, int[] result);

    byte clingo_solve_handle_resume(Pointer handle);

    byte clingo_solve_handle_model(Pointer handle, long[] model);

    byte clingo_solve_handle_close(Pointer handle);

    // --- model
    byte clingo_model_symbols_size(Pointer model, int show, long[] size);

    byte clingo_model_symbols(Pointer model, int show, long[] symbols, long size);

    byte clingo_model_number(Pointer model, long[] number);

    byte clingo_model_cost_size(Pointer model, long[] size);

    byte clingo_model_cost(Pointer model, long[] costs, long size);

    byte clingo_model_optimality_proven(Pointer model, byte[] proven);

    // --- symbols
    int clingo_symbol_type(long symbol);

    byte clingo_symbol_number(long symbol, int[] number);

    byte clingo_symbol_name(long symbol, long[] name);

    byte clingo_symbol_string(long symbol, long[] string);

    byte clingo_symbol_is_positive(long symbol, byte[] positive);

    byte clingo_symbol_arguments(long symbol, long[] arguments, long[] size);
}
