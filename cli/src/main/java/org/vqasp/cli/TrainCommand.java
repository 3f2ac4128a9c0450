package org.vqasp.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code vqa train}: dispatches to the trainers. */
@Command(
        name = "train",
        mixinStandardHelpOptions = true,
        description = "Train models.",
        subcommands = {
            TrainVisionCommand.class,
            TrainParserCommand.class,
        })
final class TrainCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
