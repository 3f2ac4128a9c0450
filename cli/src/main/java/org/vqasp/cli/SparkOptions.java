package org.vqasp.cli;

import picocli.CommandLine.Option;

/** {@code --spark MASTER} and its companion flags: run a batch command on Apache Spark (docs/spark.md). */
final class SparkOptions {

    @Option(names = "--spark", paramLabel = "MASTER", arity = "0..1", fallbackValue = "",
            description = "Run on Apache Spark: local[N], spark://HOST:PORT, yarn, ...; without a value, the master "
                    + "spark-submit set. Writes the same files as a local run (docs/spark.md).")
    String master;

    @Option(names = "--spark-partition-size", paramLabel = "N",
            description = "Questions (eval) or images (generate) per Spark partition (default: 512 questions, "
                    + "32 images).")
    int partitionSize;

    /** Returns true when the command runs on Spark. */
    boolean enabled() {
        return master != null;
    }

    /**
     * Returns where to run, after checking the flags.
     *
     * @param cl the command, whose usage is shown with an error
     */
    ClusterRunner.Cluster cluster(picocli.CommandLine cl) {
        if (partitionSize < 0) {
            throw new picocli.CommandLine.ParameterException(cl, "--spark-partition-size must not be negative, was "
                    + partitionSize);
        }
        if (partitionSize > 0 && master == null) {
            throw new picocli.CommandLine.ParameterException(cl, "--spark-partition-size needs --spark");
        }
        return new ClusterRunner.Cluster(master, partitionSize);
    }
}
