package org.vqasp.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Describes input files for a manifest: a file whose path, size or time changed makes another job. */
final class Inputs {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Inputs() {
    }

    /** Returns a new object for a manifest. */
    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** Adds {@code name: {"path", "bytes", "modified"}} for a file (or just the path when it is missing or null). */
    static void file(ObjectNode o, String name, String path) {
        if (path == null) {
            o.putNull(name);
            return;
        }
        ObjectNode f = o.putObject(name);
        f.put("path", path);
        try {
            Path p = Path.of(path);
            if (Files.isRegularFile(p)) {
                f.put("bytes", Files.size(p));
                f.put("modified", Files.getLastModifiedTime(p).toMillis());
            }
        } catch (IOException e) {
            f.put("unreadable", e.getMessage());
        }
    }
}
