package org.vqasp.reasoning.clingo;

import com.sun.jna.Pointer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ScheduledExecutorService;
import org.vqasp.core.VqaspException;

/**
 * clingo's library as a whole: its version, the one error funnel every native call goes through, and
 * copying symbols out of its symbol table.
 *
 * <p>Loading looks for {@code libclingo.so} (Debian package {@code gringo}) in the system library paths,
 * or at the path in the system property {@code vqasp.clingo.lib} or the environment variable
 * {@code VQA_CLINGO_LIB}.
 */
public final class Clingo {

    /** Daemon timer that interrupts solving calls that run past their time limit. */
    static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "clingo-watchdog");
        t.setDaemon(true);
        return t;
    });

    /** System property: how many clingo calls may run at once (default 1; see {@link #acquireCall()}). */
    public static final String PARALLEL_PROPERTY = "vqasp.clingo.parallel";

    /**
     * Admits clingo calls. clingo 5.4 takes one process-wide lock for every symbol it creates while parsing and
     * grounding, so two calls at once run no faster than one and, on a busy machine, slower (lock convoys).
     */
    private static final Semaphore CALLS = new Semaphore(Math.max(1, Integer.getInteger(PARALLEL_PROPERTY, 1)), true);

    private Clingo() {
    }

    /** Waits until a clingo call may run; pair with {@link #releaseCall()} in a finally block. */
    public static void acquireCall() {
        CALLS.acquireUninterruptibly();
    }

    /** Ends a call admitted by {@link #acquireCall()}. */
    public static void releaseCall() {
        CALLS.release();
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
        ClingoNative.clingo_version(a, b, c);
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
    static void check(byte ok, String kind, List<ClingoMessage> messages) {
        if (ok == 0) {
            String summary = ClingoNative.clingo_error_message();
            int code = ClingoNative.clingo_error_code();
            if (summary == null || summary.isBlank()) {
                summary = "clingo call failed (error code " + code + ")";
            }
            throw new ClingoException(kind, summary, messages);
        }
    }

    /** The error funnel for calls that log nothing (symbols, models). */
    static void check(byte ok) {
        check(ok, "clingo", List.of());
    }

    /** Copies a symbol out of clingo's symbol table into an immutable Java term. */
    static Symbol symbol(long sym) {
        int type = ClingoNative.clingo_symbol_type(sym);
        switch (type) {
            case 0:
                return new Symbol(Symbol.Type.INFIMUM, 0, "", List.of(), true);
            case 1: {
                int[] n = new int[1];
                check(ClingoNative.clingo_symbol_number(sym, n));
                return Symbol.number(n[0]);
            }
            case 4: {
                long[] p = new long[1];
                check(ClingoNative.clingo_symbol_string(sym, p));
                return Symbol.string(new Pointer(p[0]).getString(0, "UTF-8"));
            }
            case 5: {
                long[] p = new long[1];
                check(ClingoNative.clingo_symbol_name(sym, p));
                String name = new Pointer(p[0]).getString(0, "UTF-8");
                long[] argsPtr = new long[1];
                long[] size = new long[1];
                check(ClingoNative.clingo_symbol_arguments(sym, argsPtr, size));
                List<Symbol> args = List.of();
                if (size[0] > 0) {
                    long[] raw = new Pointer(argsPtr[0]).getLongArray(0, (int) size[0]);
                    args = new ArrayList<>(raw.length);
                    for (long r : raw) {
                        args.add(symbol(r));
                    }
                }
                byte[] pos = new byte[1];
                check(ClingoNative.clingo_symbol_is_positive(sym, pos));
                return new Symbol(Symbol.Type.FUNCTION, 0, name, args, pos[0] != 0);
            }
            case 7:
                return new Symbol(Symbol.Type.SUPREMUM, 0, "", List.of(), true);
            default:
                throw new VqaspException("clingo", "unknown clingo symbol type " + type);
        }
    }
}
