package org.vqasp.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.vqasp.core.Samples;
import picocli.CommandLine;

/** Runs {@code vqa} in-process with its output and error streams captured, and finds the bundled samples. */
abstract class CliTest {

    /** What the command printed to standard output. */
    protected final StringWriter out = new StringWriter();

    /** What the command printed to standard error. */
    protected final StringWriter err = new StringWriter();

    /** Runs {@code vqa args...} and returns its exit code. */
    protected int vqa(String... args) {
        CommandLine cl = Vqa.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    /** Returns a file under the repository's {@code samples/} folder. */
    protected static Path samplePath(String relative) {
        return Samples.path(relative);
    }

    /** Returns a file under the repository's {@code samples/} folder, as a command-line argument. */
    protected static String sample(String relative) {
        return samplePath(relative).toString();
    }
}
