package org.vqasp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The parser chain as the command line shows it: prediction keys, summary per parser, the parser benchmark. */
class ParserChainCommandTest extends CliTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void should_say_which_parser_read_each_human_question(@TempDir Path dir) throws Exception {
        // given the 60 CLEVR-Humans questions of samples/clevr/humans over their real scenes
        Path run = dir.resolve("run");
        int code = vqa("eval", "clevr", "--questions", sample("clevr/humans/questions.json"), "--scenes",
                sample("clevr/humans/scenes.json"), "--programs", "parsed", "--out", run.toString(), "--json");
        assertEquals(0, code, err.toString());

        // then every row names its parser (null for a question none could read), with a confidence
        List<JsonNode> rows = new ArrayList<>();
        for (String line : Files.readAllLines(run.resolve("predictions.jsonl"))) {
            rows.add(MAPPER.readTree(line));
        }
        assertEquals(60, rows.size());
        Map<String, Integer> byParser = new TreeMap<>();
        for (JsonNode r : rows) {
            assertTrue(r.has("parser") && r.has("parser_confidence") && r.has("relaxed"), r.toString());
            String parser = r.get("parser").isNull() ? "none" : r.get("parser").asText();
            byParser.merge(parser, 1, Integer::sum);
            if (parser.equals("none")) {
                assertEquals("not_understood", r.get("error").get("kind").asText(), r.toString());
                assertTrue(r.get("error").get("message").asText().contains("template: ")
                        && r.get("error").get("message").asText().contains("; grammar: "), r.toString());
                assertTrue(r.get("parser_confidence").isNull());
            } else if (parser.equals("template")) {
                assertEquals(1.0, r.get("parser_confidence").asDouble());
            } else if (parser.equals("learned")) {
                double c = r.get("parser_confidence").asDouble();
                assertTrue(c > 0 && c <= 1, r.toString());
            } else {
                assertEquals("grammar", parser);
                double c = r.get("parser_confidence").asDouble();
                assertTrue(c > 0 && c < 1, r.toString());
            }
        }
        // and the summary counts them the same way, with the accuracy of each
        JsonNode summary = MAPPER.readTree(run.resolve("summary.json").toFile());
        JsonNode by = summary.get("by_parser");
        for (Map.Entry<String, Integer> e : byParser.entrySet()) {
            assertEquals((int) e.getValue(), by.get(e.getKey()).get("questions").asInt(), e.getKey());
        }
        assertTrue(byParser.get("grammar") > byParser.get("template"), byParser.toString());
        assertTrue(summary.get("accuracy").asDouble() >= 0.6, summary.toString());
        if (by.has("none")) {
            assertEquals(0, by.get("none").get("correct").asInt());
        }
        // and the learned stage reads what template and grammar leave
        assertTrue(byParser.getOrDefault("learned", 0) > 0, byParser.toString());
    }

    @Test
    void should_write_no_parser_keys_for_gold_programs(@TempDir Path dir) throws Exception {
        Path run = dir.resolve("gold");
        assertEquals(0, vqa("eval", "clevr", "--questions", sample("clevr/val-sample/CLEVR_val_questions.json"),
                "--scenes", sample("clevr/val-sample/CLEVR_val_scenes.json"), "--out", run.toString(), "--json"));
        JsonNode row = MAPPER.readTree(Files.readAllLines(run.resolve("predictions.jsonl")).get(0));
        assertTrue(!row.has("parser") && !row.has("relaxed"), row.toString());
        assertTrue(!MAPPER.readTree(run.resolve("summary.json").toFile()).has("by_parser"));
    }

    @Test
    void should_benchmark_each_stage_and_the_chain(@TempDir Path dir) throws Exception {
        // given one measured pass over the template questions of real-dev and the human questions of the samples
        Path json = dir.resolve("bench.json");
        int code = vqa("bench", "parser", "--questions", sample("clevr/real-dev/questions.json"),
                "--human-questions", sample("clevr/humans/questions.json"), "--runs", "1",
                "--warmup", "0", "--json", json.toString());
        assertEquals(0, code, err.toString());
        // then there is a row per stage and for the chain, for both sets; the chain reads every template question
        JsonNode rows = MAPPER.readTree(json.toFile()).get("rows");
        List<String> seen = new ArrayList<>();
        for (JsonNode r : rows) {
            seen.add(r.get("set").asText() + "/" + r.get("stage").asText());
            assertTrue(r.get("questions_per_second").asDouble() > 0, r.toString());
            if (r.get("stage").asText().equals("template")) {
                assertEquals(1.0, r.get("ratio").asDouble());
            }
            if (r.get("set").asText().equals("template") && r.get("stage").asText().matches("template|chain")) {
                assertEquals(20, r.get("parsed").asInt(), r.toString());
            }
        }
        assertEquals(List.of("template/template", "template/grammar", "template/learned", "template/chain",
                "human/template", "human/grammar", "human/learned", "human/chain"), seen);
        assertTrue(out.toString().contains("questions/s"), out.toString());
    }
}
