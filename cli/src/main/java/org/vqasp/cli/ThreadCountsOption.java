package org.vqasp.cli;

import java.util.List;
import picocli.CommandLine.Option;

/** {@code --threads N[,N...]} of the benchmarks, declared once: the thread counts to measure. */
final class ThreadCountsOption {

    @Option(names = "--threads", split = ",", paramLabel = "N",
            description = "Thread counts to measure (default: 1 and all cores).")
    List<Integer> threads;

    /** Returns the thread counts given, or 1 and all cores. */
    List<Integer> counts() {
        if (threads != null && !threads.isEmpty()) {
            return threads;
        }
        int all = Runtime.getRuntime().availableProcessors();
        return all > 1 ? List.of(1, all) : List.of(1);
    }
}
