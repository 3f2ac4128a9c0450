package org.vqasp.world.render;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import org.vqasp.core.ErrorKind;
import org.vqasp.core.VqaspException;
import org.vqasp.core.io.AtomicFiles;
import org.w3c.dom.Node;

/**
 * Writes PNG files atomically (a temporary file in the same directory, then a rename) with text chunks, and
 * reads those chunks back without decoding the pixels.
 */
final class PngFiles {

    private static final String FORMAT = "javax_imageio_png_1.0";

    private PngFiles() {
    }

    /**
     * Writes an image with {@code tEXt} chunks (Latin-1 text) to {@code file}: either the whole file appears
     * or none of it.
     */
    static void write(BufferedImage image, Map<String, String> text, Path file) {
        Path tmp = AtomicFiles.temporary(file);
        try {
            Files.deleteIfExists(tmp);
            ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
            try (ImageOutputStream out = ImageIO.createImageOutputStream(tmp.toFile())) {
                writer.setOutput(out);
                IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image),
                        writer.getDefaultWriteParam());
                if (!text.isEmpty()) {
                    IIOMetadataNode chunk = new IIOMetadataNode("tEXt");
                    for (Map.Entry<String, String> e : text.entrySet()) {
                        IIOMetadataNode entry = new IIOMetadataNode("tEXtEntry");
                        entry.setAttribute("keyword", e.getKey());
                        entry.setAttribute("value", e.getValue());
                        chunk.appendChild(entry);
                    }
                    IIOMetadataNode root = new IIOMetadataNode(FORMAT);
                    root.appendChild(chunk);
                    meta.mergeTree(FORMAT, root);
                }
                writer.write(new IIOImage(image, null, meta));
            } finally {
                writer.dispose();
            }
            AtomicFiles.move(tmp, file);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the next run deletes it
            }
            throw new VqaspException(ErrorKind.IO, "cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Returns the {@code tEXt} chunks of a PNG file, or an empty map when it cannot be read as one. */
    static Map<String, String> readText(Path file) {
        Map<String, String> out = new LinkedHashMap<>();
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            if (in == null) {
                return out;
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return out;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, false);
                Node root = reader.getImageMetadata(0).getAsTree(FORMAT);
                for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
                    if (!"tEXt".equals(n.getNodeName())) {
                        continue;
                    }
                    for (Node e = n.getFirstChild(); e != null; e = e.getNextSibling()) {
                        IIOMetadataNode entry = (IIOMetadataNode) e;
                        out.put(entry.getAttribute("keyword"), entry.getAttribute("value"));
                    }
                }
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            out.clear();
        }
        return out;
    }
}
