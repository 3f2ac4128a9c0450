package org.vqasp.cli;

import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * {@code --seed S}, declared once: the seed every random choice of a command derives from. A command declares the
 * mixin initialised with its default ({@code @Mixin SeedOption seed = new SeedOption(1L)}), which its help shows.
 */
final class SeedOption {

    @Option(names = "--seed", paramLabel = "S", description = "Seed of every random choice (default: ${DEFAULT-VALUE}).")
    Long seed;

    /** Creates the option with no default: the command line must give one. */
    SeedOption() {
    }

    /** Creates the option with a default seed. */
    SeedOption(Long defaultSeed) {
        this.seed = defaultSeed;
    }

    /**
     * Returns the seed, which the command line must give when there is no default.
     *
     * @param cl the command being run
     */
    long required(CommandLine cl) {
        if (seed == null) {
            throw new CommandLine.ParameterException(cl, "Missing required option: '--seed=S'");
        }
        return seed;
    }
}
