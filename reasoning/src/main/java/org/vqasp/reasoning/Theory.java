package org.vqasp.reasoning;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import org.vqasp.core.ErrorKind;
import org.vqasp.core.InputException;
import org.vqasp.core.VqaspException;

/**
 * An ASP theory: named program text, such as the bundled CLEVR theory or a distilled one.
 *
 * @param name where it came from, for messages
 * @param text the program text
 */
public record Theory(String name, String text) {

    /** Checks the fields. */
    public Theory {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(text, "text");
    }

    /** Returns the bundled CLEVR theory ({@code asp-rules/clevr/theory.lp}). */
    public static Theory clevr() {
        return resource("clevr/theory.lp");
    }

    /**
     * Loads a bundled theory from {@code asp-rules}.
     *
     * @param path the path under {@code asp-rules}, such as {@code clevr/theory.lp}
     */
    public static Theory resource(String path) {
        try (InputStream in = Theory.class.getResourceAsStream("/asp/" + path)) {
            if (in == null) {
                throw new VqaspException(ErrorKind.MISSING_RESOURCE, "bundled theory asp/" + path + " not on the classpath");
            }
            return new Theory(path, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new VqaspException(ErrorKind.MISSING_RESOURCE, "cannot read bundled theory " + path, e);
        }
    }

    /**
     * Loads a theory file.
     *
     * @throws InputException when the file is missing or unreadable
     */
    public static Theory load(Path file) {
        try {
            return new Theory(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            throw new InputException(ErrorKind.MISSING_FILE, file + ": no such file");
        } catch (IOException e) {
            throw new InputException(ErrorKind.UNREADABLE_FILE, file + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }
}
