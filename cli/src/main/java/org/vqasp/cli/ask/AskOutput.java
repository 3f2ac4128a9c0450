package org.vqasp.cli.ask;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import javax.imageio.ImageIO;
import org.vqasp.core.ErrorKind;
import org.vqasp.core.InputException;
import org.vqasp.world.SceneOverlay;

/** Files {@code vqa ask} writes: annotated images. */
public final class AskOutput {

    private AskOutput() {
    }

    /**
     * Draws the current scene's objects, and those the last answer used, on the image and writes a PNG.
     *
     * @return the file written
     * @throws InputException when there is no image or the file cannot be written
     */
    public static Path annotate(AskSession session, Path out) {
        if (session.image() == null) {
            throw new InputException(ErrorKind.BAD_USAGE, "the scene came from a file, there is no image to draw on");
        }
        AskResult last = session.last();
        Set<Integer> used = last == null || last.explanation() == null ? Set.of() : last.explanation().usedObjects();
        BufferedImage img = SceneOverlay.draw(session.image(), session.scene(), used);
        try {
            Path parent = out.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            if (!ImageIO.write(img, "png", out.toFile())) {
                throw new InputException(ErrorKind.UNWRITABLE, out + ": no PNG writer");
            }
            return out;
        } catch (IOException e) {
            throw new InputException(ErrorKind.UNWRITABLE, out + ": cannot be written (" + e.getMessage() + ")", e);
        }
    }
}
