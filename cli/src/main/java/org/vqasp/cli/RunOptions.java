package org.vqasp.cli;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import picocli.CommandLine.Option;

/** Flags shared by the batch commands: threads, limit, output directory, JSON output. */
final class RunOptions {

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: all cores).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--limit", paramLabel = "N", description = "Only the first N questions (default: all).")
    long limit;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Run directory for predictions.jsonl and summary.json; re-running with the same "
                    + "directory resumes (default: a new directory under runs/).")
    Path out;

    @Option(names = "--json", description = "Print the summary as JSON on stdout instead of tables.")
    boolean json;

    /** Returns the run directory: the one given, or a new one named after the command and the time. */
    Path outOrDefault(String name) {
        if (out != null) {
            return out;
        }
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        return Path.of("runs", name + "-" + stamp);
    }

    /**
     * Checks the values, naming the bad one.
     *
     * @param cl the command being run, whose usage is shown with the error
     */
    void validate(picocli.CommandLine cl) {
        if (threads < 1) {
            throw new picocli.CommandLine.ParameterException(cl, "--threads must be at least 1, was " + threads);
        }
        if (limit < 0) {
            throw new picocli.CommandLine.ParameterException(cl, "--limit must not be negative, was " + limit);
        }
    }
}
