package org.vqasp.cli;

import picocli.CommandLine.Option;
import picocli.CommandLine;

/** {@code --threads N}, declared once: how many threads a command works on (default: all cores). */
final class ThreadsOption {

    @Option(names = "--threads", paramLabel = "N", description = "Threads (default: all cores).")
    int threads = Runtime.getRuntime().availableProcessors();

    /**
     * Returns the number of threads, checked.
     *
     * @param cl the command being run, whose usage is shown with the error
     */
    int get(CommandLine cl) {
        if (threads < 1) {
            throw new CommandLine.ParameterException(cl, "--threads must be at least 1, was " + threads);
        }
        return threads;
    }

    /**
     * Returns the number of threads, checked, and gives PyTorch as many intra-op threads (one inter-op thread): for
     * commands that train or time networks, before the engine starts.
     *
     * @param cl the command being run, whose usage is shown with the error
     */
    int forTorch(CommandLine cl) {
        int n = get(cl);
        System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(n));
        System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        return n;
    }
}
