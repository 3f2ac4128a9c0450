package org.vqasp.world.render;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import javax.imageio.ImageIO;
import org.vqasp.core.ErrorKind;
import org.vqasp.core.Progress;
import org.vqasp.core.VqaspException;
import org.vqasp.world.SampledScene;
import org.vqasp.world.SceneSampler;

/**
 * Measures how many CLEVR images per second the generator's per-image work takes: sampling a scene under
 * the visibility rule, rendering it at 480x320 and encoding the PNG (in memory; disk writes are left out).
 * Image {@code i} is the same scene for every thread count, so rows compare like with like.
 */
public final class RenderBenchmark {

    private final ClevrRenderer renderer;
    private final SceneSampler sampler;
    private final long seed;

    /**
     * Creates a benchmark.
     *
     * @param renderer the renderer to measure
     * @param seed the seed of the scenes
     */
    public RenderBenchmark(ClevrRenderer renderer, long seed) {
        this.renderer = renderer;
        this.sampler = SceneSampler.builder().optProperties(renderer.properties())
                .optVisibility(renderer.visibilityCheck(), 200).build();
        this.seed = seed;
    }

    /**
     * Renders {@code images} images on {@code threads} threads after rendering {@code threads} untimed images to
     * warm up, and returns the rate.
     */
    public Row run(int threads, int images, Progress progress) {
        if (threads < 1 || images < 1) {
            throw new IllegalArgumentException("threads " + threads + " and images " + images + " should be positive");
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "render-bench");
            t.setDaemon(true);
            return t;
        });
        try {
            runAll(pool, images, images + threads, Progress.NONE);
            long start = System.nanoTime();
            runAll(pool, 0, images, progress);
            double seconds = (System.nanoTime() - start) / 1e9;
            return new Row("render", threads, images, seconds);
        } finally {
            pool.shutdownNow();
        }
    }

    private void runAll(ExecutorService pool, int from, int to, Progress progress) {
        AtomicLong done = new AtomicLong();
        List<Future<?>> futures = new ArrayList<>();
        for (int i = from; i < to; i++) {
            int index = i;
            futures.add(pool.submit(() -> {
                one(index);
                progress.update(done.incrementAndGet(), to - from, "");
            }));
        }
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new VqaspException(ErrorKind.INTERRUPTED, "benchmark interrupted");
            } catch (ExecutionException e) {
                throw new VqaspException(ErrorKind.RENDER, "benchmark image failed: " + e.getCause(), e.getCause());
            }
        }
    }

    private void one(int index) {
        long s = ClevrWorldGenerator.imageSeed(seed, "bench", index);
        SampledScene scene = sampler.sample("bench", index, new SplittableRandom(s));
        Rendering r = renderer.render(scene, s + 1);
        ByteArrayOutputStream png = new ByteArrayOutputStream(1 << 18);
        try {
            ImageIO.write(r.image(), "png", png);
        } catch (IOException e) {
            throw new VqaspException(ErrorKind.IO, "cannot encode a PNG: " + e.getMessage(), e);
        }
    }

    /** Returns {@code {"rows": [{"stage", "threads", "images_per_second"}]}}, the layout of {@code CLI.md}. */
    public static ObjectNode toJson(List<Row> rows) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        ArrayNode a = root.putArray("rows");
        for (Row r : rows) {
            a.addObject().put("stage", r.stage()).put("threads", r.threads())
                    .put("images_per_second", Math.round(r.imagesPerSecond() * 1000) / 1000.0);
        }
        return root;
    }

    /**
     * One measurement.
     *
     * @param stage {@code "render"}
     * @param threads threads used
     * @param images images timed
     * @param seconds wall-clock time
     */
    public record Row(String stage, int threads, int images, double seconds) {

        /** Returns images per second. */
        public double imagesPerSecond() {
            return images / seconds;
        }
    }
}
