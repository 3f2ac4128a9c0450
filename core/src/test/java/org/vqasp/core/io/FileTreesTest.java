package org.vqasp.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vqasp.core.ErrorKind;
import org.vqasp.core.InputException;
import org.vqasp.core.VqaspException;

class FileTreesTest {

    @TempDir
    Path tmp;

    @Test
    void should_delete_a_tree_deepest_first_and_accept_what_is_gone() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("a/b/c"));
        Files.writeString(root.resolve("f.txt"), "x");
        Files.writeString(tmp.resolve("a/g.txt"), "y");
        FileTrees.delete(tmp.resolve("a"));
        assertFalse(Files.exists(tmp.resolve("a")));
        FileTrees.delete(tmp.resolve("a"));
    }

    @Test
    void should_write_atomically_and_hash_files_as_texts() throws Exception {
        Path f = tmp.resolve("theory.lp");
        AtomicFiles.write(f, "a :- b.\n");
        AtomicFiles.write(f, "a :- c.\n");
        assertEquals("a :- c.\n", Files.readString(f));
        assertEquals(Hashes.sha256("a :- c.\n"), Hashes.sha256(f));
        try (var files = Files.list(tmp)) {
            assertEquals(1, files.count());
        }
        assertEquals(ErrorKind.MISSING_FILE, assertThrows(InputException.class,
                () -> Hashes.sha256(tmp.resolve("none"))).kind());
        assertEquals(ErrorKind.IO, assertThrows(VqaspException.class,
                () -> AtomicFiles.write(tmp.resolve("no/such/dir/x"), "x")).kind());
    }
}
