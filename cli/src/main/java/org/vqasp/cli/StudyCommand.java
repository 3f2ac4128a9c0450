package org.vqasp.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code vqa study}: dispatches to the studies. */
@Command(
        name = "study",
        mixinStandardHelpOptions = true,
        description = "Run comparative studies that train and score several models.",
        subcommands = {
            StudyAttentionCommand.class,
        })
final class StudyCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
