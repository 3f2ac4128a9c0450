package org.vqasp.reasoning.clingo;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.vqasp.core.ErrorKind;
import org.vqasp.core.VqaspException;

/**
 * Loaded copies of {@code libclingo.so}, one per concurrent user.
 *
 * <p>clingo 5.4 keeps one symbol table per process, guarded by one lock that parsing and grounding take for every
 * symbol they make, so two controls of the same library run no faster than one (measured here in C: two threads
 * gave 0.7 to 1.0 times the calls per second of one). A second copy of the library file, loaded with
 * {@code RTLD_LOCAL}, has a symbol table and lock of its own: with one copy per thread, two threads gave 1.7 times
 * the calls per second of one. The pool lends a copy to each thread that makes controls (the same copy to a thread
 * that already holds one) and makes copies on demand, up to {@code vqasp.clingo.parallel} (default: the number of
 * cores, and at least two). Copies are written to a temporary file, loaded, and the file deleted at once.
 */
final class LibraryPool {

    /** System property: the most library copies, i.e. clingo calls that run at once. */
    static final String PARALLEL_PROPERTY = "vqasp.clingo.parallel";
    static final String LIBRARY_PROPERTY = "vqasp.clingo.lib";
    static final String LIBRARY_ENV = "VQA_CLINGO_LIB";

    /** {@code RTLD_NOW | RTLD_LOCAL}: a copy's own symbols stay its own. */
    private static final int OPEN_FLAGS = 2;

    private final Path file;
    private final int capacity;
    private final List<ClingoNative> all = new ArrayList<>();
    private final BlockingQueue<ClingoNative> free;
    private final ThreadLocal<Held> held = new ThreadLocal<>();

    private static final class Held {
        final ClingoNative lib;
        int count;

        Held(ClingoNative lib) {
            this.lib = lib;
        }
    }

    private LibraryPool(Path file, ClingoNative primary, int capacity) {
        this.file = file;
        this.capacity = capacity;
        this.free = new ArrayBlockingQueue<>(capacity);
        all.add(primary);
        free.add(primary);
    }

    /**
     * Finds and loads the library.
     *
     * @throws VqaspException of kind {@code clingo_missing} with the command that installs it
     */
    static LibraryPool load() {
        Path file = locate();
        ClingoNative primary = open(file);
        int capacity = Math.max(1, Integer.getInteger(PARALLEL_PROPERTY,
                Math.max(2, Runtime.getRuntime().availableProcessors())));
        return new LibraryPool(file, primary, capacity);
    }

    /** Returns the first copy, for calls that need no control (version). */
    ClingoNative primary() {
        return all.get(0);
    }

    /**
     * Lends a copy to the calling thread until {@link #release()}: the copy it already holds, a free one, a new
     * one while there are fewer than the capacity, or the next one given back.
     */
    ClingoNative acquire() {
        Held h = held.get();
        if (h != null) {
            h.count++;
            return h.lib;
        }
        ClingoNative lib = free.poll();
        if (lib == null) {
            lib = grow();
        }
        if (lib == null) {
            try {
                lib = free.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new VqaspException(ErrorKind.INTERRUPTED, "interrupted while waiting for clingo");
            }
        }
        h = new Held(lib);
        h.count = 1;
        held.set(h);
        return lib;
    }

    /** Gives back what the calling thread's last {@link #acquire()} lent. */
    void release() {
        Held h = held.get();
        if (h == null) {
            throw new IllegalStateException("this thread holds no clingo library");
        }
        if (--h.count == 0) {
            held.remove();
            free.add(h.lib);
        }
    }

    private synchronized ClingoNative grow() {
        if (all.size() >= capacity) {
            return null;
        }
        try {
            Path copy = Files.createTempFile("vqasp-libclingo-", ".so");
            try {
                Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
                ClingoNative lib = open(copy);
                all.add(lib);
                return lib;
            } finally {
                Files.deleteIfExists(copy);
            }
        } catch (IOException | VqaspException e) {
            return null;
        }
    }

    private static ClingoNative open(Path file) {
        try {
            return Native.load(file.toString(), ClingoNative.class, Map.of(Library.OPTION_OPEN_FLAGS, OPEN_FLAGS));
        } catch (UnsatisfiedLinkError e) {
            throw missing(e.getMessage());
        }
    }

    private static Path locate() {
        String explicit = System.getProperty(LIBRARY_PROPERTY, System.getenv(LIBRARY_ENV));
        if (explicit != null && !explicit.isBlank()) {
            Path p = Path.of(explicit);
            if (!Files.isRegularFile(p)) {
                throw missing(explicit + " does not exist");
            }
            return p;
        }
        for (String dir : List.of("/usr/lib", "/usr/lib/x86_64-linux-gnu", "/usr/local/lib")) {
            Path p = Path.of(dir, "libclingo.so");
            if (Files.exists(p)) {
                return p;
            }
        }
        try {
            File f = NativeLibrary.getInstance("clingo").getFile();
            if (f != null) {
                return f.toPath();
            }
        } catch (UnsatisfiedLinkError e) {
            throw missing(e.getMessage());
        }
        throw missing("not found");
    }

    private static VqaspException missing(String why) {
        return new VqaspException(ErrorKind.CLINGO_MISSING, "cannot load libclingo.so (" + (why == null ? "" : why.lines()
                .findFirst().orElse("")) + "); install it with: apt-get install -y gringo, or set " + LIBRARY_ENV
                + "=/path/to/libclingo.so");
    }
}
