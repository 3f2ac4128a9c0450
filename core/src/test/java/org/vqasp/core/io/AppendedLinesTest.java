package org.vqasp.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppendedLinesTest {

    @Test
    void should_cut_only_a_last_line_left_without_its_newline(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("log.jsonl");
        // a run killed while writing its third line
        Files.writeString(file, "{\"id\":1}\n{\"id\":2}\n{\"id\":", StandardCharsets.UTF_8);
        AppendedLines.cutPartialLastLine(file);
        assertEquals("{\"id\":1}\n{\"id\":2}\n", Files.readString(file));
        // whole lines stay as they are
        AppendedLines.cutPartialLastLine(file);
        assertEquals("{\"id\":1}\n{\"id\":2}\n", Files.readString(file));
        // a file whose only line was cut becomes empty; missing files are left missing
        Files.writeString(file, "{\"id\"", StandardCharsets.UTF_8);
        AppendedLines.cutPartialLastLine(file);
        assertEquals("", Files.readString(file));
        AppendedLines.cutPartialLastLine(dir.resolve("none.jsonl"));
        assertFalse(Files.exists(dir.resolve("none.jsonl")));
    }
}
