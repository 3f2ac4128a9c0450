package org.vqasp.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vqasp.spark.SparkFixtures.assertSameDataset;
import static org.vqasp.spark.SparkFixtures.assertSameRun;
import static org.vqasp.spark.SparkFixtures.rowsWithoutTimes;
import static org.vqasp.spark.SparkFixtures.sample;
import static org.vqasp.spark.SparkFixtures.vqa;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Spark jobs on {@code local[2]} against the local runs of the same commands (about 20 s). */
class SparkLocalTest {

    @TempDir
    Path tmp;

    @AfterEach
    void clearFaults() {
        System.clearProperty(FaultInjection.PROPERTY);
    }

    private String[] evalClevr(Path questions, Path out, String... more) {
        List<String> args = new ArrayList<>(List.of("eval", "clevr", "--questions", questions.toString(), "--scenes",
                sample("clevr/gen-dev/scenes.json").toString(), "--out", out.toString(), "--json"));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    @Test
    void should_write_what_a_local_run_writes_for_clevr_with_bad_items_as_error_rows() throws Exception {
        // given 400 real CLEVR questions, three of them bad
        Path q = SparkFixtures.clevrQuestionsWithBadItems(tmp, 400);

        // when they are evaluated locally on one thread and on Spark local[2] in partitions of about 64 questions
        assertEquals(0, vqa(evalClevr(q, tmp.resolve("local"), "--threads", "1")).code());
        SparkFixtures.Result spark = vqa(evalClevr(q, tmp.resolve("spark"), "--spark", "local[2]",
                "--spark-partition-size", "64"));

        // then the job succeeds and writes the same files: the same rows in the same order, the same summary
        assertEquals(0, spark.code(), spark.err());
        assertSameRun(tmp.resolve("local"), tmp.resolve("spark"));
        List<String> rows = rowsWithoutTimes(tmp.resolve("spark/predictions.jsonl"));
        assertEquals(400, rows.size());
        assertTrue(rows.stream().anyMatch(r -> r.contains("\"kind\":\"missing_scene\"")), "missing scene row");
        assertTrue(rows.stream().anyMatch(r -> r.contains("\"kind\":\"missing_program\"")), "missing program row");
        assertTrue(rows.stream().anyMatch(r -> r.contains("\"kind\":\"bad_item\"")), "unreadable item row");
        assertFalse(Files.exists(tmp.resolve("spark/.spark")), "the work directory is gone");

        // and a local run on two threads has the same rows, in the order its batches finished
        assertEquals(0, vqa(evalClevr(q, tmp.resolve("local2"), "--threads", "2")).code());
        assertEquals(rows.stream().sorted().toList(),
                rowsWithoutTimes(tmp.resolve("local2/predictions.jsonl")).stream().sorted().toList());
    }

    @Test
    void should_write_what_a_local_run_writes_for_gqa() throws Exception {
        // given the real GQA sample questions with a question about an image without a scene graph and an
        // unreadable one
        Path q = SparkFixtures.gqaQuestionsWithBadItems(tmp);
        String graphs = sample("gqa/sample/sceneGraphs.json").toString();

        // when they are evaluated locally and on Spark in partitions of about 8 questions
        assertEquals(0, vqa("eval", "gqa", "--questions", q.toString(), "--scene-graphs", graphs, "--out",
                tmp.resolve("local").toString(), "--threads", "1", "--json").code());
        SparkFixtures.Result spark = vqa("eval", "gqa", "--questions", q.toString(), "--scene-graphs", graphs,
                "--out", tmp.resolve("spark").toString(), "--json", "--spark", "local[2]", "--spark-partition-size",
                "8");

        // then the files are the same, error rows included
        assertEquals(0, spark.code(), spark.err());
        assertSameRun(tmp.resolve("local"), tmp.resolve("spark"));
        String rows = Files.readString(tmp.resolve("spark/predictions.jsonl"));
        assertTrue(rows.contains("missing_scene_graph"), rows);
        assertTrue(rows.contains("q-unreadable"), rows);
    }

    @Test
    void should_retry_a_lost_task_and_still_write_the_same_files() throws Exception {
        // given a job whose partition 1 fails at its first attempt
        Path q = SparkFixtures.clevrQuestionsWithBadItems(tmp, 200);
        assertEquals(0, vqa(evalClevr(q, tmp.resolve("local"), "--threads", "1")).code());
        System.setProperty(FaultInjection.PROPERTY, "eval:1");

        // when it runs on Spark
        SparkFixtures.Result spark = vqa(evalClevr(q, tmp.resolve("spark"), "--spark", "local[2]",
                "--spark-partition-size", "64"));

        // then Spark retried the task and the output is the local one
        assertEquals(0, spark.code(), spark.err());
        assertSameRun(tmp.resolve("local"), tmp.resolve("spark"));
    }

    @Test
    void should_keep_the_committed_partitions_of_a_killed_job() throws Exception {
        // given a job that died because partition 2 failed at every attempt
        Path q = SparkFixtures.clevrQuestionsWithBadItems(tmp, 400);
        assertEquals(0, vqa(evalClevr(q, tmp.resolve("local"), "--threads", "1")).code());
        System.setProperty(FaultInjection.PROPERTY, "eval:2:always");
        Path out = tmp.resolve("spark");
        SparkFixtures.Result died = vqa(evalClevr(q, out, "--spark", "local[1]", "--spark-partition-size", "64"));
        assertNotEquals(0, died.code());
        assertTrue(Files.exists(out.resolve(".spark/manifest.json")));
        assertFalse(Files.exists(WorkDir.part(out.resolve(".spark").toString(), 2, "jsonl")));
        // a task the failed job cancelled may still be running, and commit its part: count once every attempt ended
        awaitNoAttempts(out.resolve(".spark/attempts"));
        List<Path> kept = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Path part = WorkDir.part(out.resolve(".spark").toString(), i, "jsonl");
            if (Files.exists(part)) {
                kept.add(part);
            }
        }
        assertFalse(kept.isEmpty(), "some partitions were committed before the job died");
        long keptRows = 0;
        for (Path p : kept) {
            keptRows += Files.readAllLines(p).size();
        }
        System.clearProperty(FaultInjection.PROPERTY);

        // when it is run again with the same --out
        List<String> args = new ArrayList<>(List.of(evalClevr(q, out, "--spark", "local[2]", "--spark-partition-size",
                "64")));
        args.remove("--json");
        SparkFixtures.Result again = vqa(args.toArray(String[]::new));

        // then it answers only the questions of the parts not committed, and writes the local files
        assertEquals(0, again.code(), again.err());
        assertTrue(again.out().contains("resumed: " + keptRows + " questions were already answered"), again.out());
        assertSameRun(tmp.resolve("local"), out);
    }

    @Test
    void should_resume_a_local_run_on_spark() throws Exception {
        // given a local run that answered the first 150 of 400 questions
        Path q = SparkFixtures.clevrQuestionsWithBadItems(tmp, 400);
        Path out = tmp.resolve("mixed");
        assertEquals(0, vqa(evalClevr(q, out, "--threads", "1", "--limit", "150")).code());
        assertEquals(0, vqa(evalClevr(q, tmp.resolve("local"), "--threads", "1")).code());

        // when the same --out is run on Spark
        SparkFixtures.Result spark = vqa(evalClevr(q, out, "--spark", "local[2]", "--spark-partition-size", "64"));

        // then the earlier rows stay and the rest follow in file order: the rows of one local run
        assertEquals(0, spark.code(), spark.err());
        assertSameRun(tmp.resolve("local"), out);
    }

    @Test
    void should_read_images_with_the_vision_model_as_a_local_run_does() throws Exception {
        // given the real CLEVR images and their questions
        String questions = sample("clevr/real-dev/questions.json").toString();
        String images = sample("clevr/real-dev/images").toString();

        // when the bundled model reads them locally and on Spark
        assertEquals(0, vqa("eval", "clevr", "--questions", questions, "--scene-source", "vision", "--images", images,
                "--out", tmp.resolve("local").toString(), "--threads", "1", "--json").code());
        SparkFixtures.Result spark = vqa("eval", "clevr", "--questions", questions, "--scene-source", "vision",
                "--images", images, "--out", tmp.resolve("spark").toString(), "--json", "--spark", "local[2]",
                "--spark-partition-size", "4");

        // then the answers are the same
        assertEquals(0, spark.code(), spark.err());
        assertSameRun(tmp.resolve("local"), tmp.resolve("spark"));
    }

    @Test
    void should_render_the_same_dataset_as_a_local_run() throws Exception {
        // given a small split: 3 images, 4 questions each
        String[] common = {"generate", "clevr", "--images", "3", "--seed", "11", "--questions-per-image", "4",
            "--split", "val"};

        // when it is rendered locally and on Spark, one image per partition
        assertEquals(0, vqa(concat(common, "--out", tmp.resolve("local").toString())).code());
        SparkFixtures.Result spark = vqa(concat(common, "--out", tmp.resolve("spark").toString(), "--spark",
                "local[2]", "--spark-partition-size", "1"));

        // then every file (images, scenes, questions) is byte for byte the same
        assertEquals(0, spark.code(), spark.err());
        assertTrue(spark.out().contains("3 images"), spark.out());
        assertSameDataset(tmp.resolve("local"), tmp.resolve("spark"));

        // and when the vision model reads those renders, scored against their scenes, locally and on Spark
        Path data = tmp.resolve("local");
        String[] eval = {"eval", "clevr", "--questions", data.resolve("questions/CLEVR_val_questions.json").toString(),
            "--scenes", data.resolve("scenes/CLEVR_val_scenes.json").toString(), "--scene-source", "vision",
            "--images", data.resolve("images/val").toString(), "--json"};
        assertEquals(0, vqa(concat(eval, "--out", tmp.resolve("vl").toString(), "--threads", "1")).code());
        SparkFixtures.Result read = vqa(concat(eval, "--out", tmp.resolve("vs").toString(), "--spark", "local[2]",
                "--spark-partition-size", "4"));

        // then the rows, the summary and the scene-graph scores are the same (the mean coordinate error to rounding)
        assertEquals(0, read.code(), read.err());
        assertSameRun(tmp.resolve("vl"), tmp.resolve("vs"));
        com.fasterxml.jackson.databind.JsonNode a = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(tmp.resolve("vl/scene_graphs.json").toFile());
        com.fasterxml.jackson.databind.JsonNode b = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(tmp.resolve("vs/scene_graphs.json").toFile());
        assertEquals(3, b.get("images").asInt());
        assertEquals(a.get("mean_coord_error").asDouble(), b.get("mean_coord_error").asDouble(), 1e-12);
        ((com.fasterxml.jackson.databind.node.ObjectNode) a).remove("mean_coord_error");
        ((com.fasterxml.jackson.databind.node.ObjectNode) b).remove("mean_coord_error");
        assertEquals(a, b);
    }

    /** Waits (up to a minute) until no task attempt is in progress: each deletes its directory when it ends. */
    private static void awaitNoAttempts(Path attempts) throws Exception {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
        while (true) {
            try (var s = Files.list(attempts)) {
                if (s.findAny().isEmpty()) {
                    return;
                }
            }
            assertTrue(System.nanoTime() < deadline, "task attempts still running after a minute");
            Thread.sleep(100);
        }
    }

    static String[] concat(String[] a, String... b) {
        List<String> all = new ArrayList<>(List.of(a));
        all.addAll(List.of(b));
        return all.toArray(String[]::new);
    }
}
