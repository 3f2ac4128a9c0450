package org.vqasp.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code vqa bench}: dispatches to the benchmarks; never part of the test suite. */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = "Benchmarks (never part of the test suite).",
        subcommands = {
            BenchAttentionCommand.class,
            BenchParserCommand.class,
            BenchReasoningCommand.class,
            BenchVisionCommand.class,
            BenchSparkCommand.class,
        })
final class BenchCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
