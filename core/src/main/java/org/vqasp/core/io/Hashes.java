package org.vqasp.core.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.vqasp.core.ErrorKind;
import org.vqasp.core.InputException;

/** SHA-256 of texts, bytes and files, in hex: how theories, datasets and models are told apart. */
public final class Hashes {

    private Hashes() {
    }

    /** Returns a fresh SHA-256 digest, for hashing many pieces in order. */
    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java", e);
        }
    }

    /** Returns the hex SHA-256 of a text's UTF-8 bytes. */
    public static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Returns the hex SHA-256 of bytes. */
    public static String sha256(byte[] bytes) {
        return hex(sha256().digest(bytes));
    }

    /**
     * Returns the hex SHA-256 of a file's bytes, read as a stream.
     *
     * @throws InputException when the file is missing or cannot be read
     */
    public static String sha256(Path file) {
        MessageDigest d = sha256();
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buf)) >= 0;) {
                d.update(buf, 0, n);
            }
        } catch (NoSuchFileException e) {
            throw new InputException(ErrorKind.MISSING_FILE, file + ": no such file");
        } catch (IOException e) {
            throw new InputException(ErrorKind.UNREADABLE_FILE, file + ": cannot be read (" + e.getMessage() + ")", e);
        }
        return hex(d.digest());
    }

    /** Returns bytes in lower-case hex. */
    public static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
