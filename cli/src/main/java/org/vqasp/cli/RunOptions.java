package org.vqasp.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.vqasp.core.ErrorKind;
import org.vqasp.core.InputException;
import org.vqasp.core.Progress;
import org.vqasp.core.Provenance;
import org.vqasp.eval.EvalRunner;
import org.vqasp.eval.EvalSummary;
import org.vqasp.reasoning.clingo.Clingo;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** Flags shared by the batch commands: threads, limit, output directory, JSON output. */
final class RunOptions {

    /** Questions per clingo call: several images' questions are answered together. */
    static final int BATCH = 64;

    @Mixin
    ThreadsOption threads;

    @Option(names = "--limit", paramLabel = "N", description = "Only the first N questions (default: all).")
    long limit;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Run directory for predictions.jsonl, summary.json and provenance.json; re-running with "
                    + "the same directory resumes (default: a new directory under runs/).")
    Path out;

    @Mixin
    JsonOption json;

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
    void validate(CommandLine cl) {
        threads.get(cl);
        if (limit < 0) {
            throw new CommandLine.ParameterException(cl, "--limit must not be negative, was " + limit);
        }
    }

    /** Returns the options of a run in a directory. */
    EvalRunner.Options options(CommandLine cl, Path dir) {
        return new EvalRunner.Options(dir, threads.get(cl), limit, BATCH);
    }

    /**
     * Starts the provenance of a run of this command: its command line, and the clingo it answers with.
     *
     * @param cl the command being run
     */
    static Provenance provenance(CommandLine cl) {
        List<String> cmd = new ArrayList<>(List.of("vqa"));
        cmd.addAll(cl.getParseResult().originalArgs());
        return new Provenance(cmd, null).version("clingo", Clingo.version());
    }

    /**
     * Checks the flags and starts the provenance of a run over a questions file: the command line, the questions
     * (hashed), where the programs come from, and the clingo it answers with.
     *
     * @param cl the command being run
     * @param questions the questions file
     * @param programs where the programs come from
     */
    Provenance provenance(CommandLine cl, Path questions, Enum<?> programs) {
        validate(cl);
        return provenance(cl).input("questions", questions)
                .config(JsonNodeFactory.instance.objectNode().put("programs", lower(programs)));
    }

    /** Returns an enum value as the command line writes it. */
    static String lower(Enum<?> e) {
        return e.name().toLowerCase();
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
     * Checks the flags, writes the run's provenance, then runs a batch job in the run directory under a progress bar.
     *
     * @param cl the command being run
     * @param name the command's name, such as {@code "eval clevr"}; also names the default run directory
     * @param provenance where the run comes from (inputs and configuration), written into the run directory
     * @param job the job
     * @return what the run did
     */
    EvalRunner.Run execute(CommandLine cl, String name, Provenance provenance, Job job) {
        validate(cl);
        Path dir = outOrDefault(name.replace(' ', '-'));
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new InputException(ErrorKind.UNWRITABLE, dir + ": cannot create the run directory ("
                    + e.getMessage() + ")", e);
        }
        provenance.write(dir);
        Progress progress = json.stdout() ? Progress.NONE : TerminalProgress.forTerminal(name);
        try {
            return job.run(options(cl, dir), progress);
        } finally {
            TerminalProgress.finish(progress);
        }
    }

    /** Writes and prints the evaluation summary of a run, saying how much an earlier run had done. */
    void reportEval(CommandLine cl, EvalRunner.Run r) throws Exception {
        EvalSummary s = r.evalSummary();
        Path dir = r.predictions().getParent();
        if (r.resumed() > 0 && !json.stdout()) {
            cl.getOut().println("resumed: " + r.resumed() + " questions were already answered in " + dir);
        }
        SummaryPrinter.print(cl.getOut(), s, dir, json);
    }

    /** Writes and prints the check summary of a run. */
    void reportCheck(CommandLine cl, EvalRunner.Run r) throws Exception {
        SummaryPrinter.print(cl.getOut(), r.checkSummary(), r.predictions().getParent(), json);
    }
}
