package org.vqasp.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.vqasp.core.InputException;
import org.vqasp.core.Progress;
import org.vqasp.eval.EvalRunner;
import org.vqasp.eval.EvalSummary;
import picocli.CommandLine.Option;

/** Flags shared by the batch commands: threads, limit, output directory, JSON output. */
final class RunOptions {

    /** Questions per clingo call: several images' questions are answered together. */
    static final int BATCH = 64;

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
     * Fixes the run directory before the run starts (for files written beside the predictions) and returns it.
     *
     * @param name the command's name, such as {@code "eval clevr"}
     */
    Path resolveOut(String name) {
        out = outOrDefault(name.replace(' ', '-'));
        return out;
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

    /** A batch job: evaluation or check, given where and how to run and where to report progress. */
    @FunctionalInterface
    interface Job {
        /**
         * Runs the job.
         *
         * @param options run directory, threads, limit, batch size
         * @param progress the progress bar
         * @return what the run did
         */
        EvalRunner.Run run(EvalRunner.Options options, Progress progress);
    }

    /**
     * Checks the flags, then runs a batch job in the run directory under a progress bar.
     *
     * @param cl the command being run
     * @param name the command's name, such as {@code "eval clevr"}; also names the default run directory
     * @param job the job
     * @return what the run did
     */
    EvalRunner.Run execute(picocli.CommandLine cl, String name, Job job) {
        validate(cl);
        Path dir = outOrDefault(name.replace(' ', '-'));
        writeProvenance(cl, dir);
        Progress progress = TerminalProgress.forTerminal(name);
        try {
            return job.run(new EvalRunner.Options(dir, threads, limit, BATCH), progress);
        } finally {
            TerminalProgress.finish(progress);
        }
    }

    /**
     * Writes {@code provenance.json} into the run directory: the command line and the directory it ran in (so that
     * {@code vqa report} finds the files the run read), Java and the machine.
     */
    static void writeProvenance(picocli.CommandLine cl, Path dir) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode p = mapper.createObjectNode();
        ArrayNode cmd = p.putArray("command_line");
        cmd.add("vqa");
        cl.getParseResult().originalArgs().forEach(cmd::add);
        p.put("working_directory", Path.of("").toAbsolutePath().toString());
        p.put("written", Instant.now().toString());
        p.put("java", System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")");
        p.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        p.put("arch", System.getProperty("os.arch"));
        p.put("cores", Runtime.getRuntime().availableProcessors());
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("provenance.json"), mapper.writeValueAsString(p) + "\n");
        } catch (IOException e) {
            throw new InputException("unwritable_out", dir + ": cannot write provenance.json ("
                    + e.getMessage() + ")", e);
        }
    }

    /** Writes and prints the evaluation summary of a run, saying how much an earlier run had done. */
    void reportEval(picocli.CommandLine cl, EvalRunner.Run r) throws Exception {
        EvalSummary s = r.evalSummary();
        Path dir = r.predictions().getParent();
        if (r.resumed() > 0 && !json) {
            cl.getOut().println("resumed: " + r.resumed() + " questions were already answered in " + dir);
        }
        SummaryPrinter.print(cl.getOut(), s, dir, json);
    }

    /** Writes and prints the check summary of a run. */
    void reportCheck(picocli.CommandLine cl, EvalRunner.Run r) throws Exception {
        SummaryPrinter.print(cl.getOut(), r.checkSummary(), r.predictions().getParent(), json);
    }
}
