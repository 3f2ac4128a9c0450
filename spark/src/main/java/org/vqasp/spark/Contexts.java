package org.vqasp.spark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.vqasp.cli.ClusterRunner;
import org.vqasp.core.ErrorKind;
import org.vqasp.core.InputException;

/** Makes the Spark context of a {@code --spark} run. */
final class Contexts {

    /** System property the {@code vqa} launcher sets: the shaded job jar that executors of a cluster load. */
    static final String JOB_JAR_PROPERTY = "vqasp.spark.jar";

    /** Task attempts before Spark gives up on a partition (Spark's own default for clusters). */
    static final int MAX_FAILURES = 4;

    private static final Pattern LOCAL = Pattern.compile("local(?:\\[([^,\\]]+)])?");

    private Contexts() {
    }

    /**
     * Opens a context for a command.
     *
     * <p>A plain {@code local} or {@code local[N]} master becomes {@code local[N,4]}: Spark's local mode otherwise
     * fails a job at the first failed task, where a cluster retries it. A local context binds to the loopback
     * address and shows no web UI. A cluster context ships the job jar to executors (the one {@code spark-submit}
     * gave, else the one the launcher names) or, with neither, puts this JVM's class path on executors (workers on
     * this machine: the tests).
     *
     * @param cluster the master (empty: the one spark-submit set)
     * @param command the command, for the application name
     * @throws InputException when no master is known
     */
    static JavaSparkContext open(ClusterRunner.Cluster cluster, String command) {
        SparkConf conf = new SparkConf().setAppName("vqa " + command);
        if (!cluster.master().isEmpty()) {
            conf.setMaster(withRetries(cluster.master()));
        } else if (!conf.contains("spark.master")) {
            throw new InputException(ErrorKind.BAD_USAGE, "--spark without a master is for spark-submit, which sets one; "
                    + "give one, such as --spark local[2] or --spark spark://HOST:7077");
        } else {
            conf.setMaster(withRetries(conf.get("spark.master")));
        }
        if (conf.get("spark.master").startsWith("local")) {
            conf.setIfMissing("spark.ui.enabled", "false");
            conf.setIfMissing("spark.driver.host", "127.0.0.1");
            conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
        } else {
            if (!conf.contains("spark.jars")) {
                String jar = System.getProperty(JOB_JAR_PROPERTY);
                if (jar != null && Files.isRegularFile(Path.of(jar))) {
                    conf.set("spark.jars", jar);
                } else {
                    conf.setIfMissing("spark.executor.extraClassPath", System.getProperty("java.class.path"));
                }
            }
            conf.setIfMissing("spark.task.maxFailures", Integer.toString(MAX_FAILURES));
            conf.setIfMissing("spark.executorEnv.DJL_OFFLINE", "true");
            conf.setIfMissing("spark.executorEnv.OMP_WAIT_POLICY", "PASSIVE");
            conf.setIfMissing("spark.executor.extraJavaOptions", "-Xss8m");
        }
        return new JavaSparkContext(conf);
    }

    /** Returns a local master that retries failed tasks; other masters unchanged. */
    static String withRetries(String master) {
        Matcher m = LOCAL.matcher(master);
        if (!m.matches()) {
            return master;
        }
        String threads = m.group(1) == null ? "1" : m.group(1);
        return "local[" + threads + "," + MAX_FAILURES + "]";
    }
}
