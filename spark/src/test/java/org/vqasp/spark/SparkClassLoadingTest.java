package org.vqasp.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vqasp.spark.SparkFixtures.sample;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A local run loads no Spark class even with Spark on the class path (the launcher does not even put it there
 * without --spark); the same command with --spark does. Each run is a child JVM with {@code -verbose:class}.
 */
class SparkClassLoadingTest {

    @TempDir
    Path tmp;

    private String loadedClasses(String... vqaArgs) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("--add-opens") || a.startsWith("-Xss")).toList());
        cmd.add("-verbose:class");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("org.vqasp.cli.Vqa");
        cmd.addAll(List.of(vqaArgs));
        Path log = tmp.resolve("out-" + System.nanoTime() + ".log");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the child JVM finished");
        String out = Files.readString(log);
        assertEquals(0, p.exitValue(), out.lines().filter(l -> !l.startsWith("[")).toList().toString());
        return out;
    }

    private String[] eval(String out, String... more) {
        List<String> args = new ArrayList<>(List.of("eval", "clevr", "--questions",
                sample("clevr/gen-dev/questions.json").toString(), "--scenes",
                sample("clevr/gen-dev/scenes.json").toString(), "--limit", "50", "--json", "--out",
                tmp.resolve(out).toString()));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    @Test
    void should_load_no_spark_class_in_a_local_run() throws Exception {
        // given Spark on the class path
        // when a local evaluation runs
        String local = loadedClasses(eval("local"));

        // then neither Spark nor the spark module was loaded
        assertFalse(local.contains("org.apache.spark."), "a Spark class was loaded");
        assertFalse(local.contains("org.vqasp.spark."), "the spark module was loaded");
        assertTrue(local.contains("org.vqasp.eval.EvalRunner"), "the run itself was logged");

        // and the same command with --spark loads both (the check can fail)
        String spark = loadedClasses(eval("spark", "--spark", "local[1]"));
        assertTrue(spark.contains("org.apache.spark.SparkContext"));
        assertTrue(spark.contains("org.vqasp.spark.SparkRunner"));
    }
}
