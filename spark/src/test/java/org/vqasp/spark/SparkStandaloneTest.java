package org.vqasp.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vqasp.spark.SparkFixtures.assertSameDataset;
import static org.vqasp.spark.SparkFixtures.assertSameRun;
import static org.vqasp.spark.SparkFixtures.sample;
import static org.vqasp.spark.SparkFixtures.vqa;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark jobs on a standalone cluster on loopback: Spark's own {@code Master} and two {@code Worker}s (one core
 * each) started from the test class path as child JVMs; the workers start executor JVMs, so every task runs outside
 * this JVM. Outputs are compared with local runs.
 */
@Tag("slow")
class SparkStandaloneTest {

    private static final List<Process> CLUSTER = new ArrayList<>();
    private static final String[] DRIVER_PROPERTIES = {"spark.driver.host", "spark.driver.bindAddress",
        "spark.ui.enabled"};
    private static String master;

    @TempDir
    static Path cluster;

    @TempDir
    Path tmp;

    @BeforeAll
    static void startCluster() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Files.createDirectories(cluster.resolve("spark-home/jars")); // Spark's launcher wants SPARK_HOME/jars
        master = "spark://127.0.0.1:" + port;
        Path masterLog = cluster.resolve("master.log");
        CLUSTER.add(start(masterLog, "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port",
                Integer.toString(port), "--webui-port", "0"));
        for (int w = 1; w <= 2; w++) {
            CLUSTER.add(start(cluster.resolve("worker" + w + ".log"), "org.apache.spark.deploy.worker.Worker",
                    "--host", "127.0.0.1", "--cores", "1", "--memory", "1536m", "--webui-port", "0", "--work-dir",
                    cluster.resolve("work" + w).toString(), master));
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (registered(masterLog) < 2) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the workers did not register within 90 s:\n"
                        + Files.readString(masterLog));
            }
            Thread.sleep(200);
        }
        System.setProperty("spark.driver.host", "127.0.0.1");
        System.setProperty("spark.driver.bindAddress", "127.0.0.1");
        System.setProperty("spark.ui.enabled", "false");
    }

    private static long registered(Path log) throws IOException {
        return Files.exists(log) ? Files.readAllLines(log).stream().filter(l -> l.contains("Registering worker"))
                .count() : 0;
    }

    private static Process start(Path log, String mainClass, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // this JVM's flags: the --add-opens Spark needs on Java 17, the thread stack size
        cmd.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("--add-opens") || a.startsWith("-X") || a.startsWith("-Djdk")
                        || a.startsWith("-Dio.netty"))
                .toList());
        cmd.add("-Xmx512m");
        cmd.add("-Dorg.slf4j.simpleLogger.log.org.apache.spark.deploy=info");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(mainClass);
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = pb.environment();
        env.put("SPARK_HOME", cluster.resolve("spark-home").toString());
        env.put("SPARK_SCALA_VERSION", "2.13");
        env.put("SPARK_LOCAL_IP", "127.0.0.1");
        env.put("SPARK_LOCAL_HOSTNAME", "localhost");
        env.put("DJL_OFFLINE", "true");
        env.put("OMP_WAIT_POLICY", "PASSIVE");
        return pb.start();
    }

    @AfterAll
    static void stopCluster() throws InterruptedException {
        for (String p : DRIVER_PROPERTIES) {
            System.clearProperty(p);
        }
        for (int i = CLUSTER.size() - 1; i >= 0; i--) {
            Process p = CLUSTER.get(i);
            p.destroy();
            if (!p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
        CLUSTER.clear();
    }

    @Test
    void should_evaluate_clevr_on_two_workers_as_a_local_run_does() throws Exception {
        // given 300 real CLEVR questions, three of them bad
        Path q = SparkFixtures.clevrQuestionsWithBadItems(tmp, 300);
        String scenes = sample("clevr/gen-dev/scenes.json").toString();

        // when they are evaluated locally and on the cluster's executors
        assertEquals(0, vqa("eval", "clevr", "--questions", q.toString(), "--scenes", scenes, "--out",
                tmp.resolve("local").toString(), "--threads", "1", "--json").code());
        SparkFixtures.Result spark = vqa("eval", "clevr", "--questions", q.toString(), "--scenes", scenes, "--out",
                tmp.resolve("spark").toString(), "--json", "--spark", master, "--spark-partition-size", "64");

        // then the files are the same
        assertEquals(0, spark.code(), spark.err());
        assertSameRun(tmp.resolve("local"), tmp.resolve("spark"));
    }

    @Test
    void should_evaluate_gqa_on_two_workers_as_a_local_run_does() throws Exception {
        // given the real GQA sample questions with two bad ones
        Path q = SparkFixtures.gqaQuestionsWithBadItems(tmp);
        String graphs = sample("gqa/sample/sceneGraphs.json").toString();

        // when they are evaluated locally and on the cluster
        assertEquals(0, vqa("eval", "gqa", "--questions", q.toString(), "--scene-graphs", graphs, "--out",
                tmp.resolve("local").toString(), "--threads", "1", "--json").code());
        SparkFixtures.Result spark = vqa("eval", "gqa", "--questions", q.toString(), "--scene-graphs", graphs,
                "--out", tmp.resolve("spark").toString(), "--json", "--spark", master, "--spark-partition-size",
                "8");

        // then the files are the same
        assertEquals(0, spark.code(), spark.err());
        assertSameRun(tmp.resolve("local"), tmp.resolve("spark"));
    }

    @Test
    void should_render_on_two_workers_the_dataset_of_a_local_run() throws Exception {
        // given a split of 2 images with 3 questions each
        String[] common = {"generate", "clevr", "--images", "2", "--seed", "5", "--questions-per-image", "3"};

        // when it is rendered locally and on the cluster, one image per partition
        assertEquals(0, vqa(SparkLocalTest.concat(common, "--out", tmp.resolve("local").toString())).code());
        SparkFixtures.Result spark = vqa(SparkLocalTest.concat(common, "--out", tmp.resolve("spark").toString(),
                "--spark", master, "--spark-partition-size", "1"));

        // then every file is byte for byte the same
        assertEquals(0, spark.code(), spark.err());
        assertTrue(spark.out().contains("2 rendered"), spark.out());
        assertSameDataset(tmp.resolve("local"), tmp.resolve("spark"));
    }
}
