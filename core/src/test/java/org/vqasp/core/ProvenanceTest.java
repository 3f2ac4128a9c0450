package org.vqasp.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vqasp.core.io.Hashes;

class ProvenanceTest {

    @TempDir
    Path tmp;

    @Test
    void should_record_command_seed_inputs_with_hashes_config_machine_and_versions() throws Exception {
        // given an input file and a folder
        Path questions = Files.writeString(tmp.resolve("q.json"), "{\"questions\": []}");
        Path images = Files.createDirectories(tmp.resolve("images"));

        // when a provenance record is written
        Path file = new Provenance(List.of("vqa", "eval", "clevr"), 7L).input("questions", questions)
                .input("images", images).config(new ObjectMapper().createObjectNode().put("programs", "gold"))
                .version("clingo", "5.4.1").write(tmp.resolve("."));

        // then it holds the command line, the seed, the inputs (the file hashed), the configuration, the machine
        JsonNode p = new ObjectMapper().readTree(file.toFile());
        assertEquals(tmp.resolve("provenance.json").normalize(), file.normalize());
        assertEquals(List.of("vqa", "eval", "clevr"), List.of(p.get("command_line").get(0).asText(),
                p.get("command_line").get(1).asText(), p.get("command_line").get(2).asText()));
        assertEquals(7, p.get("seed").asLong());
        assertEquals(Hashes.sha256("{\"questions\": []}"), p.get("dataset").get("questions").get("sha256").asText());
        assertFalse(p.get("dataset").get("images").has("sha256"));
        assertEquals("gold", p.get("config").get("programs").asText());
        assertEquals("5.4.1", p.get("versions").get("clingo").asText());
        assertEquals(System.getProperty("os.arch"), p.get("arch").asText());
        assertTrue(p.get("cores").asInt() >= 1);
        try (var files = Files.list(tmp)) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith(".partial")));
        }
    }

    @Test
    void should_mix_seeds_as_splitmix64_does() {
        // SplitMix64 seeded with 0 first outputs mix(0 + gamma)
        assertEquals(0xE220A8397B1DCDAFL, Seeds.mix(Seeds.GOLDEN_GAMMA));
        assertFalse(Seeds.of(1, 0, 0) == Seeds.of(1, 0, 1));
        assertEquals(Seeds.of(5, 2, 9), Seeds.of(5, 2, 9));
    }
}
