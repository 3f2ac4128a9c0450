package org.vqasp.vision;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import org.vqasp.core.ErrorKind;
import org.vqasp.core.VqaspException;

/**
 * Images per second of the inference stage of {@code vqa bench vision}: PNG bytes (already in memory) decoded,
 * resized, run through the network and decoded into a scene with relationships, by one or more threads sharing
 * one {@link SceneExtractor}. One warm-up pass over a few images precedes the timing.
 */
public final class InferenceBenchmark {

    private InferenceBenchmark() {
    }

    /**
     * One measurement.
     *
     * @param threads caller threads
     * @param images images processed
     * @param seconds wall-clock seconds
     */
    public record Row(int threads, int images, double seconds) {

        /** Returns images / seconds. */
        public double imagesPerSecond() {
            return images / seconds;
        }
    }

    /**
     * Reads image files into memory for {@link #run}.
     *
     * @param files PNG files
     * @return their bytes
     */
    public static List<byte[]> read(List<Path> files) {
        List<byte[]> all = new ArrayList<>();
        for (Path f : files) {
            try {
                all.add(Files.readAllBytes(f));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + f, e);
            }
        }
        return all;
    }

    /**
     * Times the extraction of {@code images} images, cycling through {@code pngs}, on {@code threads} threads.
     *
     * @param extractor the model
     * @param pngs encoded images
     * @param threads caller threads
     * @param images images to process in all
     * @return the measurement
     */
    public static Row run(SceneExtractor extractor, List<byte[]> pngs, int threads, int images) {
        if (pngs.isEmpty() || threads < 1 || images < 1) {
            throw new IllegalArgumentException("need images, threads >= 1 and images >= 1");
        }
        for (int i = 0; i < Math.min(3, pngs.size()); i++) {
            extractor.extract(decode(pngs.get(i)));
        }
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long t0 = System.nanoTime();
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < images; i = next.getAndIncrement()) {
                        extractor.extract(decode(pngs.get(i % pngs.size())));
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            return new Row(threads, images, (System.nanoTime() - t0) / 1e9);
        } catch (ExecutionException e) {
            throw new VqaspException(ErrorKind.VISION, "inference benchmark failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VqaspException(ErrorKind.INTERRUPTED, "inference benchmark interrupted");
        } finally {
            pool.shutdownNow();
        }
    }

    private static BufferedImage decode(byte[] png) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            if (image == null) {
                throw new VqaspException(ErrorKind.VISION, "not an image");
            }
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
