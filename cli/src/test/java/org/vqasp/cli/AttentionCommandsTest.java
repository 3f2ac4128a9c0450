package org.vqasp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vqa convert mla}, {@code vqa train vision --attention}, {@code vqa study attention} on fresh renders. */
class AttentionCommandsTest extends CliTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    static Path shared;

    @TempDir
    Path tmp;

    /** 6 training and 2 validation renders, and 3 fresh test renders with 4 questions each, rendered once. */
    @BeforeAll
    static void render() {
        AttentionCommandsTest t = new AttentionCommandsTest();
        Path data = shared.resolve("data");
        assertEquals(0, t.vqa("generate", "clevr", "--images", "6", "--seed", "737001", "--split", "train",
                "--questions-per-image", "0", "--out", data.toString()), t.err.toString());
        assertEquals(0, t.vqa("generate", "clevr", "--images", "2", "--seed", "737002", "--split", "val",
                "--questions-per-image", "0", "--out", data.toString()), t.err.toString());
        assertEquals(0, t.vqa("generate", "clevr", "--images", "3", "--seed", "737003", "--split", "test",
                "--questions-per-image", "4", "--out", shared.resolve("test").toString()), t.err.toString());
    }

    @Test
    void should_convert_the_bundled_model_to_mla_that_reads_a_fresh_split_the_same_and_fine_tunes() throws Exception {
        // given the bundled GQA model converted to MLA
        Path mla = tmp.resolve("mla");
        assertEquals(0, vqa("convert", "mla", "--out", mla.toString()), err.toString());
        assertTrue(out.toString().contains("converted GQA-2 -> MLA-r64"), out.toString());

        // when both models answer the fresh split's questions from its images, scene graphs scored against gold
        List<JsonNode> graphs = new ArrayList<>();
        List<List<String>> answers = new ArrayList<>();
        for (String model : new String[] {null, mla.toString()}) {
            Path run = tmp.resolve(model == null ? "gqa-run" : "mla-run");
            List<String> args = new ArrayList<>(List.of("eval", "clevr", "--questions",
                    shared.resolve("test/questions/CLEVR_test_questions.json").toString(), "--scenes",
                    shared.resolve("test/scenes/CLEVR_test_scenes.json").toString(), "--images",
                    shared.resolve("test/images/test").toString(), "--scene-source", "vision", "--out",
                    run.toString()));
            if (model != null) {
                args.addAll(List.of("--model", model));
            }
            assertEquals(0, vqa(args.toArray(String[]::new)), err.toString());
            graphs.add(MAPPER.readTree(run.resolve("scene_graphs.json").toFile()));
            List<String> predicted = new ArrayList<>();
            for (String line : Files.readAllLines(run.resolve("predictions.jsonl"))) {
                JsonNode p = MAPPER.readTree(line);
                predicted.add(p.get("id").asText() + "=" + p.get("predicted").asText());
            }
            predicted.sort(null);
            answers.add(predicted);
        }

        // then the scene graphs score identically and every answer is the same
        assertEquals(12, answers.get(0).size());
        assertEquals(answers.get(0), answers.get(1));
        assertEquals(graphs.get(0), graphs.get(1));

        // and the MLA model fine-tunes with vqa train vision --init
        assertEquals(0, vqa("train", "vision", "--data", shared.resolve("data").toString(), "--out",
                tmp.resolve("ft").toString(), "--init", mla.toString(), "--attention", "mla", "--latent-rank", "64",
                "--epochs", "1", "--batch", "2", "--limit-val", "2", "--stem", "32,64,128", "--head-dim", "128",
                "--mirror", "0.5", "--threads", "2"), err.toString());
        JsonNode config = MAPPER.readTree(tmp.resolve("ft/config.json").toFile());
        assertEquals("MLA-r64", config.get("attention").get("variant").asText());
    }

    @Test
    void should_name_attention_flags_that_do_not_fit_the_variant() {
        int code = vqa("train", "vision", "--data", shared.resolve("data").toString(), "--out",
                tmp.resolve("x").toString(), "--attention", "gqa", "--latent-rank", "8");
        assertEquals(2, code);
        assertTrue(err.toString().contains("--latent-rank applies to --attention mla only, not gqa"), err.toString());
        err.getBuffer().setLength(0);
        assertEquals(2, vqa("train", "vision", "--data", shared.resolve("data").toString(), "--out",
                tmp.resolve("x").toString(), "--attention", "gqb"));
        assertTrue(err.toString().contains("unknown attention variant 'gqb'"), err.toString());
    }

    @Test
    void should_study_variants_write_table_and_plot_and_resume() throws Exception {
        // given a study of two variants fine-tuned from the bundled model for one short epoch
        Path run = tmp.resolve("study");
        String[] args = {"study", "attention", "--data", shared.resolve("data").toString(), "--test",
            shared.resolve("test").toString(), "--out", run.toString(), "--variants", "gqa,mqa", "--epochs", "1",
            "--batch", "2", "--limit-val", "2", "--warmup", "1", "--timing-runs", "1", "--threads", "2"};
        // when it runs
        assertEquals(0, vqa(args), err.toString());
        // then the table has the base model and both variants, scored on all 12 questions, costed and timed
        JsonNode table = MAPPER.readTree(run.resolve("table.json").toFile());
        assertTrue(table.get("complete").asBoolean());
        JsonNode rows = table.get("rows");
        assertEquals(3, rows.size());
        assertEquals("MQA", rows.get(2).get("variant").asText());
        for (JsonNode r : rows) {
            assertEquals(12, r.get("questions").asInt(), r.toString());
            assertTrue(r.get("inference_images_per_second").asDouble() > 0, r.toString());
            assertTrue(r.get("attention_flops_per_image").asLong() > 0, r.toString());
        }
        // MQA caches half the keys and values of GQA-2
        assertEquals(rows.get(1).get("kv_floats_per_image").asLong(), 2 * rows.get(2).get("kv_floats_per_image")
                .asLong());
        assertTrue(Files.readString(run.resolve("table.md")).contains("| MQA |"));
        assertTrue(Files.size(run.resolve("accuracy-vs-cost.png")) > 1000);
        assertEquals("study", MAPPER.readTree(run.resolve("provenance.json").toFile()).get("command_line").get(1)
                .asText());
        assertTrue(out.toString().contains("see it:      vqa report " + run), out.toString());

        // when the MQA row is lost (as if the run had been killed before it) and the study runs again
        Files.delete(run.resolve("variants/MQA/row.json"));
        out.getBuffer().setLength(0);
        String[] again = java.util.Arrays.copyOf(args, args.length + 1);
        again[args.length] = "--report";
        assertEquals(0, vqa(again), err.toString());
        // then only MQA is scored again; GQA-2 was done; and the study's page is written
        assertTrue(Files.readString(run.resolve("report.html")).contains("MQA"));
        assertTrue(out.toString().contains("GQA-2: done earlier"), out.toString());
        assertTrue(out.toString().contains("MQA: trained earlier"), out.toString());
        assertTrue(out.toString().contains("MQA: scoring"), out.toString());
        assertEquals(3, MAPPER.readTree(run.resolve("table.json").toFile()).get("rows").size());
    }
}
