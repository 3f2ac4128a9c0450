package org.vqasp.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code vqa check}: compiles every question's program against the theory; dispatches by dataset. */
@Command(
        name = "check",
        mixinStandardHelpOptions = true,
        description = "Compile every question's program against the theory; report failures.",
        subcommands = {
            CheckClevrCommand.class,
            CheckGqaCommand.class,
        })
final class CheckCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
