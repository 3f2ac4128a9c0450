package org.vqasp.reasoning.clingo;

import com.sun.jna.Pointer;
import com.sun.jna.StringArray;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.vqasp.core.ErrorKind;
import org.vqasp.core.VqaspException;

/**
 * A clingo control object: add program parts, ground them, solve. Owns a native handle: create, use and close
 * it on one thread, in try-with-resources (never share one between threads, nor hand it on: the library copy
 * it runs in is lent to the creating thread and given back by {@link #close()} on that thread), except
 * {@link #interrupt()}, which any thread may call.
 *
 * <p>Every message clingo logs is captured: {@link #add} and {@link #ground} return the messages of their
 * call (info messages such as "atom does not occur in any rule head" arrive on success); a failed call
 * throws a {@link ClingoException} carrying its messages. Nothing is ever printed.
 *
 * <pre>{@code
 * try (Control ctl = Control.create(List.of("--models=0"))) {
 *     ctl.add("base", "a. b :- a.");
 *     ctl.ground("base");
 *     SolveResult r = ctl.solve(Duration.ofSeconds(5), 0);
 * }
 * }</pre>
 */
public final class Control implements AutoCloseable {

    /** Show every atom and term marked by {@code #show} ({@code clingo_show_type_shown}). */
    static final int SHOW_SHOWN = 2;

    private static final int SOLVE_MODE_YIELD = 2;

    private static final ConcurrentHashMap<Long, Control> LIVE = new ConcurrentHashMap<>();
    private static final AtomicLong IDS = new AtomicLong(1);

    /**
     * One native logger for all controls (creating a JNA callback per control costs more than the control);
     * clingo passes back the control's id as the logger's data pointer, which routes the message.
     */
    private static final ClingoNative.Logger LOGGER = (code, message, data) -> {
        Control c = LIVE.get(Pointer.nativeValue(data));
        if (c != null) {
            synchronized (c.log) {
                c.log.add(ClingoMessage.of(code, message));
            }
        }
    };

    private final List<ClingoMessage> log = new ArrayList<>();
    private final long id = IDS.getAndIncrement();
    private final Object lock = new Object();
    private final ClingoNative lib;
    private Pointer handle;

    private Control(List<String> arguments) {
        LibraryPool pool = Clingo.pool();
        this.lib = pool.acquire();
        LIVE.put(id, this);
        long[] out = new long[1];
        StringArray args = arguments.isEmpty() ? null : new StringArray(arguments.toArray(new String[0]));
        byte ok = lib.clingo_control_new(args, arguments.size(), LOGGER, new Pointer(id), 10_000, out);
        if (ok == 0) {
            LIVE.remove(id);
            pool.release();
        }
        Clingo.check(lib, ok, "clingo", drain());
        this.handle = new Pointer(out[0]);
    }

    /** Returns the library copy this control lives in. */
    ClingoNative lib() {
        return lib;
    }

    /**
     * Creates a control with clingo command-line options such as {@code --models=0} or {@code -c n=3}
     * (front-end options such as {@code --time-limit} are not accepted by the library).
     *
     * @param arguments the options
     * @return a new control; close it
     * @throws ClingoException when clingo rejects an option
     */
    public static Control create(List<String> arguments) {
        return new Control(List.copyOf(arguments));
    }

    /** Creates a control that enumerates every answer set. */
    public static Control create() {
        return create(List.of("--models=0"));
    }

    /**
     * Adds a program part without parameters.
     *
     * @param part the part name, such as {@code base}
     * @param program the program text
     * @return the messages clingo logged while parsing (warnings, info)
     * @throws ClingoException of kind {@code syntax}, with clingo's messages (line and column), on a parse error
     */
    public List<ClingoMessage> add(String part, String program) {
        Objects.requireNonNull(program, "program");
        byte ok = lib.clingo_control_add(handle(), part, null, 0, program);
        List<ClingoMessage> msgs = drain();
        Clingo.check(lib, ok, "syntax", msgs);
        return msgs;
    }

    /**
     * Grounds program parts without parameters. Grounding cannot be interrupted: run untrusted programs in a
     * guarded child process.
     *
     * @param parts the part names
     * @return the messages clingo logged while grounding (such as undefined atoms)
     * @throws ClingoException of kind {@code grounding} (e.g. unsafe variables) with clingo's messages
     */
    public List<ClingoMessage> ground(String... parts) {
        ClingoNative.Part first = new ClingoNative.Part();
        ClingoNative.Part[] array = (ClingoNative.Part[]) first.toArray(Math.max(1, parts.length));
        for (int i = 0; i < parts.length; i++) {
            array[i].name = parts[i];
            array[i].params = null;
            array[i].size = 0;
            array[i].write();
        }
        byte ok = lib.clingo_control_ground(handle(), first, parts.length, null, null);
        List<ClingoMessage> msgs = drain();
        Clingo.check(lib, ok, "grounding", msgs);
        return msgs;
    }

    /**
     * Starts solving; answer sets are computed one at a time as the handle is iterated.
     *
     * @return the solve handle; close it before the next call on this control
     * @throws ClingoException when solving cannot start
     */
    public SolveHandle solve() {
        long[] out = new long[1];
        byte ok = lib.clingo_control_solve(handle(), SOLVE_MODE_YIELD, null, 0, null, null, out);
        Clingo.check(lib, ok, "solving", drain());
        return new SolveHandle(this, new Pointer(out[0]));
    }

    /**
     * Solves with a time limit and copies out up to {@code maxModels} answer sets (0: all).
     * When the limit passes, solving is interrupted and the result says so; the models found so far
     * are kept.
     *
     * @param timeLimit the time limit for solving (grounding is not covered)
     * @param maxModels the maximum number of answer sets to copy out, 0 for all
     * @return the answer sets and how solving ended
     */
    public SolveResult solve(Duration timeLimit, int maxModels) {
        var timer = Clingo.WATCHDOG.schedule(this::interrupt, timeLimit.toNanos(), java.util.concurrent.TimeUnit.NANOSECONDS);
        List<AnswerSet> models = new ArrayList<>();
        try (SolveHandle h = solve()) {
            AnswerSet m;
            while ((maxModels == 0 || models.size() < maxModels) && (m = h.next()) != null) {
                models.add(m);
            }
            boolean limited = maxModels != 0 && models.size() >= maxModels;
            SolveHandle.Status status = limited ? SolveHandle.Status.SATISFIABLE : h.status();
            return new SolveResult(status, models, drain());
        } finally {
            timer.cancel(false);
        }
    }

    /** Interrupts a running solve call; safe from any thread and after close. */
    public void interrupt() {
        synchronized (lock) {
            if (handle != null) {
                lib.clingo_control_interrupt(handle);
            }
        }
    }

    /** Returns and clears the messages logged since the last call that returned them. */
    public List<ClingoMessage> drain() {
        synchronized (log) {
            if (log.isEmpty()) {
                return List.of();
            }
            List<ClingoMessage> out = List.copyOf(log);
            log.clear();
            return out;
        }
    }

    Pointer handle() {
        Pointer h = handle;
        if (h == null) {
            throw new VqaspException(ErrorKind.CLINGO, "control used after close");
        }
        return h;
    }

    /** Frees the native control. */
    @Override
    public void close() {
        synchronized (lock) {
            if (handle != null) {
                lib.clingo_control_free(handle);
                handle = null;
                LIVE.remove(id);
                Clingo.pool().release();
            }
        }
    }

    /**
     * The outcome of {@link Control#solve(Duration, int)}.
     *
     * @param status how solving ended
     * @param models the answer sets copied out
     * @param messages messages clingo logged while solving
     */
    public record SolveResult(SolveHandle.Status status, List<AnswerSet> models, List<ClingoMessage> messages) {

        /** Copies the lists. */
        public SolveResult {
            models = List.copyOf(models);
            messages = List.copyOf(messages);
        }
    }
}
