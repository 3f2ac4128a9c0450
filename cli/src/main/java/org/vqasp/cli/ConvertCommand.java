package org.vqasp.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code vqa convert}: dispatches to the model converters. */
@Command(
        name = "convert",
        mixinStandardHelpOptions = true,
        description = "Convert trained models to another architecture without retraining.",
        subcommands = {
            ConvertMlaCommand.class,
        })
final class ConvertCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
