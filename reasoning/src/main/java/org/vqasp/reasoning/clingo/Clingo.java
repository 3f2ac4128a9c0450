package org.vqasp.reasoning.clingo;

import com.sun.jna.Pointer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.vqasp.core.ErrorKind;
import org.vqasp.core.VqaspException;

/**
 * clingo's library as a whole: its version, the one error funnel every native call goes through, and
 * copying symbols out of its symbol table.
 *
 * <p>Loading looks for {@code libclingo.so} (Debian package {@code gringo}) in the system library paths,
 * or at the path in the system property {@code vqasp.clingo.lib} or the environment variable
 * {@code VQA_CLINGO_LIB}. Controls run on copies of the library, one per thread that uses them, so that
 * threads do not queue on clingo's process-wide symbol lock ({@link LibraryPool}).
 */
public final class Clingo {

    /** Daemon timer that interrupts solving calls that run past their time limit. */
    static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "clingo-watchdog");
        t.setDaemon(true);
        return t;
    });

    private Clingo() {
    }

    /** The loaded library copies, made on first use. */
    private static final class Loaded {
        static final LibraryPool POOL = LibraryPool.load();
    }

    /** Returns the pool of library copies, loading the library on first use. */
    static LibraryPool pool() {
        try {
            return Loaded.POOL;
        } catch (ExceptionInInitializerError e) {
            if (e.getCause() instanceof VqaspException v) {
                throw v;
            }
            throw e;
        } catch (NoClassDefFoundError e) {
            throw new VqaspException(ErrorKind.CLINGO_MISSING, "cannot load libclingo.so; install it with: apt-get install "
                    + "-y gringo, or set " + LibraryPool.LIBRARY_ENV + "=/path/to/libclingo.so", e);
        }
    }

    /**
     * Returns clingo's version as {@code major.minor.revision}.
     *
     * @throws VqaspException of kind {@code clingo_missing} when the library cannot be loaded
     */
    public static String version() {
        int[] a = new int[1];
        int[] b = new int[1];
        int[] c = new int[1];
        pool().primary().clingo_version(a, b, c);
        return a[0] + "." + b[0] + "." + c[0];
    }

    /** Returns true when the native library can be loaded. */
    public static boolean available() {
        try {
            version();
            return true;
        } catch (VqaspException | LinkageError e) {
            return false;
        }
    }

    /**
     * The one error funnel: turns a failed call's {@code false} into an exception carrying clingo's summary
     * and the messages logged during the call.
     *
     * @param ok the C {@code bool} a clingo call returned
     * @param kind the exception kind if it failed
     * @param messages the messages logged during the call
     */
    static void check(ClingoNative lib, byte ok, String kind, List<ClingoMessage> messages) {
        if (ok == 0) {
            String summary = lib.clingo_error_message();
            int code = lib.clingo_error_code();
            if (summary == null || summary.isBlank()) {
                summary = "clingo call failed (error code " + code + ")";
            }
            throw new ClingoException(kind, summary, messages);
        }
    }

    /** The error funnel for calls that log nothing (symbols, models). */
    static void check(ClingoNative lib, byte ok) {
        check(lib, ok, "clingo", List.of());
    }

    /** Copies a symbol out of clingo's symbol table into an immutable Java term. */
    static Symbol symbol(ClingoNative lib, long sym) {
        int type = lib.clingo_symbol_type(sym);
        switch (type) {
            case 0:
                return new Symbol(Symbol.Type.INFIMUM, 0, "", List.of(), true);
            case 1: {
                int[] n = new int[1];
                check(lib, lib.clingo_symbol_number(sym, n));
                return Symbol.number(n[0]);
            }
            case 4: {
                long[] p = new long[1];
                check(lib, lib.clingo_symbol_string(sym, p));
                return Symbol.string(new Pointer(p[0]).getString(0, "UTF-8"));
            }
            case 5: {
                long[] p = new long[1];
                check(lib, lib.clingo_symbol_name(sym, p));
                String name = new Pointer(p[0]).getString(0, "UTF-8");
                long[] argsPtr = new long[1];
                long[] size = new long[1];
                check(lib, lib.clingo_symbol_arguments(sym, argsPtr, size));
                List<Symbol> args = List.of();
                if (size[0] > 0) {
                    long[] raw = new Pointer(argsPtr[0]).getLongArray(0, (int) size[0]);
                    args = new ArrayList<>(raw.length);
                    for (long r : raw) {
                        args.add(symbol(lib, r));
                    }
                }
                byte[] pos = new byte[1];
                check(lib, lib.clingo_symbol_is_positive(sym, pos));
                return new Symbol(Symbol.Type.FUNCTION, 0, name, args, pos[0] != 0);
            }
            case 7:
                return new Symbol(Symbol.Type.SUPREMUM, 0, "", List.of(), true);
            default:
                throw new VqaspException(ErrorKind.CLINGO, "unknown clingo symbol type " + type);
        }
    }
}
