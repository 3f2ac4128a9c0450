package org.vqasp.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code vqa generate}: synthetic datasets; dispatches to the dataset's subcommand. */
@Command(
        name = "generate",
        mixinStandardHelpOptions = true,
        description = "Generate a synthetic dataset in its released layout.",
        subcommands = {
            GenerateClevrCommand.class,
        })
final class GenerateCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
