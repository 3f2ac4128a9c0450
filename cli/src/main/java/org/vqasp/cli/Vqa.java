package org.vqasp.cli;

import java.io.PrintWriter;
import org.vqasp.core.ErrorKind;
import org.vqasp.core.InputException;
import org.vqasp.core.VqaspException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * The root of the {@code vqa} command: it only dispatches to subcommands.
 *
 * <p>Exit codes follow {@code CLI.md}: 0 done, 2 bad usage or unreadable input (one line naming the file and
 * what was expected), 1 an internal failure.
 */
@Command(
        name = "vqa",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Neuro-symbolic visual question answering: scene graphs in, answers from clingo out.",
        subcommands = {
            CommandLine.HelpCommand.class,
            DemoCommand.class,
            EvalCommand.class,
            CheckCommand.class,
            AskCommand.class,
            GenerateCommand.class,
            DistillCommand.class,
            BenchCommand.class,
            TrainCommand.class,
            ConvertCommand.class,
            StudyCommand.class,
            ReportCommand.class,
        })
public final class Vqa implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Builds the command line with the project's error handling; tests call this and {@code execute}. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Vqa());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler(Vqa::handle);
        cl.setExitCodeExceptionMapper(e -> e instanceof InputException || e instanceof CommandLine.ParameterException ? 2 : 1);
        cl.setParameterExceptionHandler((pe, args) -> {
            PrintWriter err = pe.getCommandLine().getErr();
            err.println("vqa: " + pe.getMessage());
            err.println("Try '" + pe.getCommandLine().getCommandSpec().qualifiedName() + " --help' for more.");
            err.flush();
            return 2;
        });
        return cl;
    }

    private static int handle(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        if (e instanceof InputException) {
            err.println("vqa: " + e.getMessage());
            err.flush();
            return 2;
        }
        Throwable engine = engineFailure(e);
        if (engine != null) {
            err.println("vqa: " + ErrorKind.ENGINE + ": the PyTorch engine cannot start (" + engine.getMessage()
                    + "). vqasp runs PyTorch offline from " + NATIVE_JAR + ", which the build copies into"
                    + " cli/target/lib: rebuild with 'mvn -B -q -Dmaven.test.skip=true install' (./vqa does it when"
                    + " sources change) and check that the jar is there.");
        } else if (e instanceof VqaspException ve) {
            err.println("vqa: " + ve.kind() + ": " + ve.getMessage());
        } else {
            err.println("vqa: internal error: " + e);
            StackTraceElement[] trace = e.getStackTrace();
            if (trace.length > 0) {
                err.println("  at " + trace[0]);
            }
        }
        err.flush();
        return 1;
    }

    /** PyTorch's native library as the build ships it (pom.xml pins it). */
    static final String NATIVE_JAR = "pytorch-native-cpu-2.7.1-linux-x86_64.jar";

    /** Returns the DJL engine failure in an exception's causes, or null. */
    static Throwable engineFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ai.djl.engine.EngineException) {
                return t;
            }
        }
        return null;
    }

    /**
     * Runs the command and exits with its code.
     *
     * @param args the command-line arguments
     */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
