package org.vqasp.core.io;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Line-oriented files that a run appends to as it goes ({@code predictions.jsonl}, {@code scenes.jsonl}, a
 * distillation's {@code run.jsonl}, {@code loss.jsonl}): a run killed mid-line leaves a last line without its
 * newline, which must go before the file is read or appended to again.
 */
public final class AppendedLines {

    private AppendedLines() {
    }

    /**
     * Cuts off a last line that a killed writer left without its newline, so that appending goes on at a line; a
     * missing or empty file, or one that ends with a newline, is left as it is.
     *
     * @param file a line-oriented file
     * @throws IOException when the file cannot be read or shortened
     */
    public static void cutPartialLastLine(Path file) throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            long len = raf.length();
            long pos = len;
            while (pos > 0) {
                raf.seek(pos - 1);
                if (raf.read() == '\n') {
                    break;
                }
                pos--;
            }
            if (pos < len) {
                raf.setLength(pos);
            }
        }
    }
}
