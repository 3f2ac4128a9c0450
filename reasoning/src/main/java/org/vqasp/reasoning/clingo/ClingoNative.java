package org.vqasp.reasoning.clingo;

import com.sun.jna.Callback;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.vqasp.core.VqaspException;

/**
 * Direct JNA mapping of the part of clingo's C API (v5.4) that vqasp uses.
 *
 * <p>Type mapping: C {@code bool} is {@code byte} (JNA's boolean would read a full int), {@code size_t} and
 * {@code uint64_t} are {@code long}, {@code clingo_symbol_t} is {@code long}, out-parameters are one-element
 * primitive arrays, and pointer out-parameters come back as addresses in a {@code long[1]}.
 * Every call that returns {@code bool} goes through {@link Clingo#check(byte)}.
 */
final class ClingoNative {

    /** {@code clingo_logger_t}: receives every message of a control (warnings, info, error details). */
    interface Logger extends Callback {
        void invoke(int code, String message, Pointer data);
    }

    /** {@code clingo_part_t}: a program part to ground, by name, without parameters here. */
    @Structure.FieldOrder({"name", "params", "size"})
    public static class Part extends Structure {
        public String name;
        public Pointer params;
        public long size;
    }

    static final String LIBRARY_PROPERTY = "vqasp.clingo.lib";
    static final String LIBRARY_ENV = "VQA_CLINGO_LIB";

    static {
        String explicit = System.getProperty(LIBRARY_PROPERTY, System.getenv(LIBRARY_ENV));
        NativeLibrary lib;
        try {
            if (explicit != null && !explicit.isBlank()) {
                if (!Files.isRegularFile(Path.of(explicit))) {
                    throw new UnsatisfiedLinkError(explicit + " does not exist");
                }
                lib = NativeLibrary.getInstance(explicit);
            } else {
                for (String dir : List.of("/usr/lib", "/usr/lib/x86_64-linux-gnu", "/usr/local/lib")) {
                    NativeLibrary.addSearchPath("clingo", dir);
                }
                lib = NativeLibrary.getInstance("clingo");
            }
        } catch (UnsatisfiedLinkError e) {
            throw new VqaspException("clingo_missing", "cannot load libclingo.so (" + e.getMessage().lines()
                    .findFirst().orElse("") + "); install it with: apt-get install -y gringo, or set "
                    + LIBRARY_ENV + "=/path/to/libclingo.so", e);
        }
        Native.register(ClingoNative.class, lib);
    }

    private ClingoNative() {
    }

    // --- errors and version
    static native int clingo_error_code();

    static native String clingo_error_message();

    static native void clingo_version(int[] major, int[] minor, int[] revision);

    // --- control
    static native byte clingo_control_new(Pointer arguments, long argumentsSize, Logger logger, Pointer loggerData,
            int messageLimit, long[] control);

    static native void clingo_control_free(Pointer control);

    static native byte clingo_control_add(Pointer control, String name, Pointer parameters, long parametersSize,
            String program);

    static native byte clingo_control_ground(Pointer control, Part parts, long partsSize, Pointer callback,
            Pointer callbackData);

    static native byte clingo_control_solve(Pointer control, int mode, Pointer assumptions, long assumptionsSize,
            Pointer notify, Pointer data, long[] handle);

    static native void clingo_control_interrupt(Pointer control);

    // --- solve handle
    static native byte clingo_solve_handle_get(Pointer handle, int[] result);

    static native byte clingo_solve_handle_resume(Pointer handle);

    static native byte clingo_solve_handle_model(Pointer handle, long[] model);

    static native byte clingo_solve_handle_close(Pointer handle);

    // --- model
    static native byte clingo_model_symbols_size(Pointer model, int show, long[] size);

    static native byte clingo_model_symbols(Pointer model, int show, long[] symbols, long size);

    static native byte clingo_model_number(Pointer model, long[] number);

    static native byte clingo_model_cost_size(Pointer model, long[] size);

    static native byte clingo_model_cost(Pointer model, long[] costs, long size);

    static native byte clingo_model_optimality_proven(Pointer model, byte[] proven);

    // --- symbols
    static native int clingo_symbol_type(long symbol);

    static native byte clingo_symbol_number(long symbol, int[] number);

    static native byte clingo_symbol_name(long symbol, long[] name);

    static native byte clingo_symbol_string(long symbol, long[] string);

    static native byte clingo_symbol_is_positive(long symbol, byte[] positive);

    static native byte clingo_symbol_arguments(long symbol, long[] arguments, long[] size);
}
