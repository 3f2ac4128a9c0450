package org.vqasp.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code vqa eval}: batch evaluation of a dataset; dispatches to the dataset's subcommand. */
@Command(
        name = "eval",
        mixinStandardHelpOptions = true,
        description = "Batch evaluation on dataset files in their released layout.",
        subcommands = {
            EvalClevrCommand.class,
            EvalGqaCommand.class,
        })
final class EvalCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
