package org.vqasp.reasoning.clingo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vqasp.core.ErrorKind;
import org.vqasp.core.VqaspException;
import org.vqasp.core.io.FileTrees;

/**
 * Runs untrusted programs in a child process, the {@code clingo} program (Debian package {@code gringo}), under
 * limits: a wall-clock time limit after which the process is killed, an address-space limit and a CPU-time limit
 * set with {@code prlimit}, and an output-file size limit. clingo cannot interrupt grounding, so a candidate
 * whose grounding explodes or never ends must not run in the JVM: here it costs at most the time limit.
 *
 * <p>Each source is written to its own file in a fresh directory and clingo runs there, so its messages name
 * the sources ({@code candidate.lp:2:14-15: error: ...}) with lines and columns counted within each source.
 */
public final class GuardedClingo implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(GuardedClingo.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern MESSAGE = Pattern.compile(
            "^([^:\\s]+):(\\d+):(\\d+)(?:-\\d+(?::\\d+)?)?: (error|warning|info|note): .*");
    private static final Pattern SUMMARY = Pattern.compile("^\\*\\*\\* (ERROR|Warn|Info) ?: \\(clingo\\): (.*)");

    private final Path clingo;
    private final Path prlimit;
    private final Limits limits;
    private final Path workDir;
    private final boolean ownsWorkDir;
    private final AtomicLong calls = new AtomicLong();

    /**
     * Creates a guard.
     *
     * @param clingo the {@code clingo} program
     * @param prlimit the {@code prlimit} program, or null to set the memory limit with the shell's {@code ulimit}
     * @param limits the limits of each run
     * @param workDir where to write sources, or null for a temporary directory (deleted on close)
     */
    public GuardedClingo(Path clingo, Path prlimit, Limits limits, Path workDir) {
        this.clingo = Objects.requireNonNull(clingo, "clingo");
        this.prlimit = prlimit;
        this.limits = Objects.requireNonNull(limits, "limits");
        try {
            this.ownsWorkDir = workDir == null;
            this.workDir = workDir == null ? Files.createTempDirectory("vqasp-clingo") : Files.createDirectories(workDir);
        } catch (IOException e) {
            throw new VqaspException(ErrorKind.IO, "cannot create a directory for clingo runs: " + e.getMessage(), e);
        }
    }

    /**
     * Creates a guard with the {@code clingo} program from {@code VQA_CLINGO_BIN} or the {@code PATH}.
     *
     * @throws VqaspException of kind {@code clingo_missing} when there is none
     */
    public static GuardedClingo create(Limits limits) {
        return new GuardedClingo(findClingo(), which("prlimit"), limits, null);
    }

    /** Returns the {@code clingo} program: {@code VQA_CLINGO_BIN}, else the first on the {@code PATH}. */
    public static Path findClingo() {
        String env = System.getenv("VQA_CLINGO_BIN");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        Path p = which("clingo");
        if (p == null) {
            throw new VqaspException(ErrorKind.CLINGO_MISSING,
                    "the clingo program is missing: install it (Debian: apt-get install -y gringo) or set VQA_CLINGO_BIN");
        }
        return p;
    }

    private static Path which(String name) {
        String path = System.getenv("PATH");
        for (String dir : (path == null ? "/usr/bin:/bin" : path).split(File.pathSeparator)) {
            Path p = Path.of(dir.isEmpty() ? "." : dir, name);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    /** Returns the limits of each run. */
    public Limits limits() {
        return limits;
    }

    /** Returns the version line of the {@code clingo} program, such as {@code clingo version 5.4.1}. */
    public String version() {
        Run r = run(List.of(new Source("version.lp", "")), 1, List.of("--version"));
        return r.stdout().lines().findFirst().orElse("clingo (unknown version)").strip();
    }

    /**
     * Solves sources together, reading up to {@code maxModels} answer sets.
     *
     * @param sources the program's parts, each written to its own file
     * @param maxModels the most answer sets to read, 0 for all
     * @return how the run ended, the answer sets' shown atoms and clingo's messages
     */
    public Run solve(List<Source> sources, int maxModels) {
        if (maxModels < 0) {
            throw new IllegalArgumentException("maxModels must not be negative, was " + maxModels);
        }
        return run(sources, maxModels, List.of("--outf=2", "--models=" + maxModels));
    }

    private Run run(List<Source> sources, int maxModels, List<String> options) {
        long id = calls.incrementAndGet();
        Path dir = workDir.resolve("run-" + id);
        long t0 = System.nanoTime();
        try {
            Files.createDirectories(dir);
            List<String> cmd = new ArrayList<>();
            long seconds = Math.max(1, (long) Math.ceil(limits.wallTime().toMillis() / 1000.0)) + 1;
            if (prlimit != null) {
                cmd.add(prlimit.toString());
                cmd.add("--as=" + limits.memoryBytes());
                cmd.add("--cpu=" + seconds);
                cmd.add("--fsize=" + limits.outputBytes());
                cmd.add("--");
                cmd.add(clingo.toString());
            } else {
                cmd.add("/bin/sh");
                cmd.add("-c");
                cmd.add("ulimit -v " + limits.memoryBytes() / 1024 + " && ulimit -t " + seconds + " && exec \"$0\" \"$@\"");
                cmd.add(clingo.toString());
            }
            cmd.addAll(options);
            for (Source s : sources) {
                Files.writeString(dir.resolve(s.name()), s.text(), StandardCharsets.UTF_8);
                cmd.add(s.name());
            }
            Path out = dir.resolve("stdout.json");
            Path err = dir.resolve("stderr.txt");
            Process p = new ProcessBuilder(cmd).directory(dir.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            boolean done;
            try {
                done = p.waitFor(limits.wallTime().toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                kill(p);
                Thread.currentThread().interrupt();
                throw new VqaspException(ErrorKind.INTERRUPTED, "interrupted while clingo ran", e);
            }
            if (!done) {
                kill(p);
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - t0);
            String stderr = Files.readString(err, StandardCharsets.UTF_8);
            String stdout = Files.size(out) <= limits.outputBytes() ? Files.readString(out, StandardCharsets.UTF_8) : "";
            List<ClingoMessage> messages = messages(stderr);
            if (!done) {
                return new Run(Status.TIME_LIMIT, List.of(), messages, elapsed,
                        "clingo ran past the time limit of " + seconds(limits.wallTime()) + " and was killed",
                        stdout);
            }
            int code = p.exitValue();
            if (stderr.contains("bad_alloc") || stderr.contains("std::length_error") || code == 33) {
                return new Run(Status.MEMORY_LIMIT, List.of(), messages, elapsed, "clingo ran out of its memory limit of "
                        + limits.memoryBytes() / (1024 * 1024) + " MiB", stdout);
            }
            if (stderr.contains("INTERRUPTED by signal")) {
                return new Run(Status.TIME_LIMIT, List.of(), messages, elapsed,
                        "clingo was interrupted at its CPU-time limit of " + seconds + " s", stdout);
            }
            if (code >= 128) {
                String why = code == 128 + 9 || code == 128 + 24 ? "the CPU-time limit" : code == 128 + 25
                        ? "the output size limit" : "signal " + (code - 128);
                return new Run(code == 128 + 9 || code == 128 + 24 ? Status.TIME_LIMIT : Status.CRASHED, List.of(),
                        messages, elapsed, "clingo was stopped by " + why, stdout);
            }
            boolean errors = messages.stream().anyMatch(ClingoMessage::isError);
            if (options.contains("--version")) {
                return new Run(Status.UNKNOWN, List.of(), messages, elapsed, "", stdout);
            }
            if (errors || code == 65) {
                return new Run(Status.ERROR, List.of(), messages, elapsed, summary(messages, code), stdout);
            }
            return parse(stdout, maxModels, messages, elapsed);
        } catch (IOException e) {
            throw new VqaspException(ErrorKind.IO, "cannot run clingo in " + dir + ": " + e.getMessage(), e);
        } finally {
            delete(dir);
        }
    }

    private Run parse(String stdout, int maxModels, List<ClingoMessage> messages, Duration elapsed) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(stdout);
        } catch (IOException e) {
            return new Run(Status.CRASHED, List.of(), messages, elapsed, "clingo's output could not be read: "
                    + e.getMessage(), stdout);
        }
        if (root == null) {
            return new Run(Status.CRASHED, List.of(), messages, elapsed, "clingo printed nothing", stdout);
        }
        List<List<Symbol>> models = new ArrayList<>();
        for (JsonNode call : root.path("Call")) {
            for (JsonNode w : call.path("Witnesses")) {
                List<Symbol> atoms = new ArrayList<>();
                for (JsonNode v : w.path("Value")) {
                    atoms.add(Symbol.parse(v.asText()));
                }
                models.add(List.copyOf(atoms));
            }
        }
        String result = root.path("Result").asText("UNKNOWN");
        Status status = switch (result) {
            case "SATISFIABLE", "OPTIMUM FOUND" -> Status.SATISFIABLE;
            case "UNSATISFIABLE" -> Status.UNSATISFIABLE;
            default -> Status.UNKNOWN;
        };
        boolean more = "yes".equals(root.path("Models").path("More").asText());
        return new Run(status, models, messages, elapsed, more && maxModels > 0 ? "more models not read" : "", stdout);
    }

    private static String summary(List<ClingoMessage> messages, int code) {
        for (ClingoMessage m : messages) {
            if (m.isError()) {
                return m.text().lines().findFirst().orElse(m.text());
            }
        }
        return "clingo failed (exit code " + code + ")";
    }

    /** Splits clingo's standard error into messages, each with the lines that belong to it. */
    static List<ClingoMessage> messages(String stderr) {
        List<ClingoMessage> out = new ArrayList<>();
        StringBuilder cur = null;
        int line = 0;
        int col = 0;
        ClingoMessage.Code code = ClingoMessage.Code.OTHER;
        for (String l : stderr.split("\n", -1)) {
            Matcher m = MESSAGE.matcher(l);
            Matcher s = SUMMARY.matcher(l);
            boolean note = m.matches() && m.group(4).equals("note");
            if (m.matches() && !note || s.matches()) {
                if (cur != null) {
                    out.add(new ClingoMessage(code, cur.toString().strip(), line, col));
                }
                cur = new StringBuilder(l);
                if (m.matches()) {
                    line = Integer.parseInt(m.group(2));
                    col = Integer.parseInt(m.group(3));
                    code = switch (m.group(4)) {
                        case "error" -> ClingoMessage.Code.RUNTIME_ERROR;
                        case "info" -> l.contains("does not occur in any rule head")
                                ? ClingoMessage.Code.ATOM_UNDEFINED : ClingoMessage.Code.OTHER;
                        default -> ClingoMessage.Code.OTHER;
                    };
                } else {
                    line = 0;
                    col = 0;
                    code = s.group(1).equals("ERROR") ? ClingoMessage.Code.RUNTIME_ERROR : ClingoMessage.Code.OTHER;
                    cur = new StringBuilder(s.group(1).equals("ERROR") ? "error: " + s.group(2) : s.group(2));
                }
            } else if (cur != null && !l.isBlank()) {
                cur.append('\n').append(l);
            }
        }
        if (cur != null) {
            out.add(new ClingoMessage(code, cur.toString().strip(), line, col));
        }
        return out;
    }

    private static void kill(Process p) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        try {
            p.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String seconds(Duration d) {
        return String.format("%.1f s", d.toMillis() / 1000.0);
    }

    private static void delete(Path dir) {
        try {
            FileTrees.delete(dir);
        } catch (IOException e) {
            LOG.debug("cannot delete {}: {}", dir, e.getMessage());
        }
    }

    /** Deletes the temporary directory when this guard made it. */
    @Override
    public void close() {
        if (ownsWorkDir) {
            delete(workDir);
        }
    }

    /**
     * A part of a program, written to a file of its own name.
     *
     * @param name the file name, such as {@code candidate.lp} (letters, digits, dots, dashes, underscores)
     * @param text the program text
     */
    public record Source(String name, String text) {

        /** Checks the name. */
        public Source {
            Objects.requireNonNull(text, "text");
            if (name == null || !name.matches("[A-Za-z0-9_.-]+") || name.startsWith(".")
                    || name.equals("stdout.json") || name.equals("stderr.txt")) {
                throw new IllegalArgumentException("not a plain file name: " + name);
            }
        }
    }

    /**
     * The limits of one run.
     *
     * @param wallTime the wall-clock time after which clingo is killed
     * @param memoryBytes the address-space limit
     * @param outputBytes the largest output clingo may write
     */
    public record Limits(Duration wallTime, long memoryBytes, long outputBytes) {

        /** The default limits: 20 s, 2 GiB, 256 MiB of output. */
        public static final Limits DEFAULT = new Limits(Duration.ofSeconds(20), 2L << 30, 256L << 20);

        /** Checks the limits. */
        public Limits {
            Objects.requireNonNull(wallTime, "wallTime");
            if (wallTime.isNegative() || wallTime.isZero()) {
                throw new IllegalArgumentException("wallTime must be positive, was " + wallTime);
            }
            if (memoryBytes < (64L << 20)) {
                throw new IllegalArgumentException("memoryBytes must be at least 64 MiB, was " + memoryBytes);
            }
            if (outputBytes < 1024) {
                throw new IllegalArgumentException("outputBytes must be at least 1 KiB, was " + outputBytes);
            }
        }

        /** Returns these limits with another wall-clock time. */
        public Limits withWallTime(Duration d) {
            return new Limits(d, memoryBytes, outputBytes);
        }
    }

    /** How a run ended. */
    public enum Status {
        /** At least one answer set. */
        SATISFIABLE,
        /** No answer set. */
        UNSATISFIABLE,
        /** Solving ended without a result. */
        UNKNOWN,
        /** clingo reported errors: a syntax error, unsafe variables, ... (see the messages). */
        ERROR,
        /** Killed at the wall-clock or CPU time limit. */
        TIME_LIMIT,
        /** Out of its memory limit. */
        MEMORY_LIMIT,
        /** Stopped by a signal or with unreadable output. */
        CRASHED;

        /** Returns true when a limit or a crash stopped the run: the program is refused as unsafe. */
        public boolean exceededLimits() {
            return this == TIME_LIMIT || this == MEMORY_LIMIT || this == CRASHED;
        }
    }

    /**
     * What one run gave.
     *
     * @param status how it ended
     * @param models the shown atoms of each answer set read
     * @param messages clingo's messages
     * @param elapsed the wall-clock time it took
     * @param detail one line on how it ended (empty when it solved normally)
     * @param stdout clingo's standard output
     */
    public record Run(Status status, List<List<Symbol>> models, List<ClingoMessage> messages, Duration elapsed,
            String detail, String stdout) {

        /** Copies the lists. */
        public Run {
            models = List.copyOf(models);
            messages = List.copyOf(messages);
        }

        /** Returns true when clingo solved the program (with or without answer sets). */
        public boolean solved() {
            return status == Status.SATISFIABLE || status == Status.UNSATISFIABLE || status == Status.UNKNOWN;
        }

        /** Returns the messages about one source, such as {@code candidate.lp}. */
        public List<ClingoMessage> messagesAbout(String source) {
            return messages.stream().filter(m -> m.text().startsWith(source + ":")).toList();
        }
    }
}
