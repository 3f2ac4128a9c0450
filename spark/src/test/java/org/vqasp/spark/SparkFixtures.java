package org.vqasp.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.vqasp.cli.Vqa;
import picocli.CommandLine;

/** Runs {@code vqa} in-process, builds inputs with bad items, and compares run directories as docs/spark.md says. */
final class SparkFixtures {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SparkFixtures() {
    }

    /** What one command did. */
    record Result(int code, String out, String err) {
    }

    /** Runs {@code vqa args...}. */
    static Result vqa(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Vqa.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    /** Returns a file under the repository's {@code samples/}. */
    static Path sample(String relative) {
        return Path.of(System.getProperty("vqasp.repo", "..")).resolve("samples").resolve(relative);
    }

    /**
     * Writes the first {@code n} questions of the real CLEVR gen-dev file with three bad items among them: one about
     * an image without a scene, one without a program, one that is not an object.
     */
    static Path clevrQuestionsWithBadItems(Path dir, int n) throws IOException {
        JsonNode all = MAPPER.readTree(sample("clevr/gen-dev/questions.json").toFile());
        ObjectNode file = MAPPER.createObjectNode();
        file.set("info", all.get("info"));
        ArrayNode qs = file.putArray("questions");
        for (int i = 0; i < n; i++) {
            qs.add(all.get("questions").get(i).deepCopy());
        }
        ((ObjectNode) qs.get(10)).put("image_index", 9999);
        ((ObjectNode) qs.get(21)).remove("program");
        qs.set(33, MAPPER.getNodeFactory().textNode("not a question"));
        Path q = dir.resolve("questions.json");
        MAPPER.writeValue(q.toFile(), file);
        return q;
    }

    /** Writes the real GQA sample questions plus one about an image without a scene graph and one unreadable. */
    static Path gqaQuestionsWithBadItems(Path dir) throws IOException {
        ObjectNode all = (ObjectNode) MAPPER.readTree(sample("gqa/sample/written_questions.json").toFile());
        ObjectNode first = (ObjectNode) all.elements().next().deepCopy();
        first.put("imageId", "no-such-image");
        ObjectNode out = MAPPER.createObjectNode();
        int i = 0;
        var names = all.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            out.set(name, all.get(name));
            if (++i == 7) {
                out.set("q-missing-graph", first);
                out.put("q-unreadable", 42);
            }
        }
        Path q = dir.resolve("gqa-questions.json");
        MAPPER.writeValue(q.toFile(), out);
        return q;
    }

    /** Returns the rows of a predictions file without their timing ({@code ms}), in file order. */
    static List<String> rowsWithoutTimes(Path predictions) throws IOException {
        List<String> rows = new ArrayList<>();
        for (String line : Files.readAllLines(predictions)) {
            ObjectNode row = (ObjectNode) MAPPER.readTree(line);
            row.remove("ms");
            rows.add(row.toString());
        }
        return rows;
    }

    /** Returns a summary without its timings ({@code seconds}, {@code questions_per_second}). */
    static JsonNode summaryWithoutTimes(Path summary) throws IOException {
        ObjectNode s = (ObjectNode) MAPPER.readTree(summary.toFile());
        s.remove("seconds");
        s.remove("questions_per_second");
        return s;
    }

    /** Returns the relative paths of every file under a directory, sorted. */
    static List<String> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).sorted().toList();
        }
    }

    /**
     * Returns a {@code provenance.json} without what differs between two runs of the same job: the command line
     * ({@code --spark} and its flags) and the time of writing.
     */
    static JsonNode provenanceWithoutRun(Path file) throws IOException {
        ObjectNode p = (ObjectNode) MAPPER.readTree(file.toFile());
        p.remove("command_line");
        p.remove("written");
        return p;
    }

    /**
     * Asserts that two eval run directories hold the same files: the same rows and summary, timings aside; the same
     * provenance but for its command line; the same {@code scenes.jsonl}, byte for byte, when there is one.
     */
    static void assertSameRun(Path local, Path spark) throws IOException {
        assertEquals(files(local), files(spark));
        assertEquals(rowsWithoutTimes(local.resolve("predictions.jsonl")),
                rowsWithoutTimes(spark.resolve("predictions.jsonl")));
        assertEquals(summaryWithoutTimes(local.resolve("summary.json")),
                summaryWithoutTimes(spark.resolve("summary.json")));
        assertEquals(provenanceWithoutRun(local.resolve("provenance.json")),
                provenanceWithoutRun(spark.resolve("provenance.json")));
        if (Files.exists(local.resolve("scenes.jsonl"))) {
            assertEquals(-1L, Files.mismatch(local.resolve("scenes.jsonl"), spark.resolve("scenes.jsonl")),
                    "scenes.jsonl differs");
        }
    }

    /** Asserts that two dataset directories hold byte-identical files, provenance.json but for its command line. */
    static void assertSameDataset(Path local, Path spark) throws IOException {
        assertEquals(files(local), files(spark));
        for (String f : files(local)) {
            if (f.equals("provenance.json")) {
                assertEquals(provenanceWithoutRun(local.resolve(f)), provenanceWithoutRun(spark.resolve(f)));
            } else {
                assertEquals(-1L, Files.mismatch(local.resolve(f), spark.resolve(f)), f + " differs");
            }
        }
    }
}
