package org.vqasp.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Times {@link GroupedQueryAttention} forward and forward+backward for every attention variant (multi-head,
 * grouped-query, multi-query, sparse-query, key-driven, perturbed, latent, mixture), as ratios to multi-head
 * attention at the same sequence length, beside the GFLOP/s of a
 * plain matrix product measured in the same run. The harness behind {@code vqa bench attention}.
 *
 * <p>Each measurement is the median of {@code runs} timed repetitions after {@code warmup} untimed ones, on
 * self-attention inputs x (B, S, D) with B = max(1, tokensPerBatch / S); the settings take turns within each
 * repetition, each repetition starting with the next setting ({@link TurnTimer}), so that load from other processes
 * falls on all alike. Not thread-safe; one run at a time.
 */
public final class AttentionBenchmark {

    private AttentionBenchmark() {
    }

    /**
     * One attention setting.
     *
     * @param name label, such as {@code "GQA-4"}
     * @param spec the attention (its H must be the configuration's)
     */
    public record Setting(String name, AttentionSpec spec) {

        /** A plain setting of Hq query and G key/value heads out of H. */
        public static Setting of(String name, int heads, int queryHeads, int kvHeads) {
            return new Setting(name, AttentionSpec.builder().setHeads(heads).optQueryHeads(queryHeads)
                    .optKvHeads(kvHeads).build());
        }

        /** Returns Hq. */
        public int queryHeads() {
            return spec.queryHeads();
        }

        /** Returns G. */
        public int kvHeads() {
            return spec.kvHeads();
        }
    }

    /**
     * What to measure.
     *
     * @param embedDim D
     * @param heads H, the model's head count
     * @param seqLengths sequence lengths S
     * @param tokensPerBatch B * S per measurement (B is at least 1)
     * @param warmup untimed repetitions per measurement
     * @param runs timed repetitions per measurement (the median is reported)
     * @param settings the settings; the first must be multi-head attention, the reference of the ratios
     */
    public record Config(int embedDim, int heads, List<Integer> seqLengths, long tokensPerBatch, int warmup,
            int runs, List<Setting> settings) {

        /** Checks the values. */
        public Config {
            if (embedDim <= 0 || heads <= 0 || embedDim % heads != 0) {
                throw new IllegalArgumentException("embedDim " + embedDim + " not divisible by heads " + heads);
            }
            if (runs < 1 || warmup < 0 || tokensPerBatch < 1) {
                throw new IllegalArgumentException("runs " + runs + " must be >= 1, warmup " + warmup
                        + " >= 0, tokensPerBatch " + tokensPerBatch + " >= 1");
            }
            seqLengths = List.copyOf(seqLengths);
            settings = List.copyOf(settings);
            if (settings.isEmpty() || !settings.get(0).spec().label().equals("MHA")) {
                throw new IllegalArgumentException("the first setting must be MHA (" + heads + " query and kv heads)");
            }
            for (Setting s : settings) {
                if (s.spec().heads() != heads) {
                    throw new IllegalArgumentException(s.name() + " has " + s.spec().heads() + " heads, not " + heads);
                }
            }
        }

        /**
         * D = 256, H = 8 (dh = 32) at S = 256, 1024, 4096: MHA, GQA with 4 key/value heads, and every
         * {@link AttentionVariant} at its default settings (GQA-2, MQA, SQA, sSQA, xSQA, KDGQA-2, DGQA-2, PGQA-2,
         * MLA with the cache of GQA-2, mixSGA-4/1).
         */
        public static Config standard() {
            List<Setting> settings = new ArrayList<>();
            settings.add(Setting.of("MHA", 8, 8, 8));
            settings.add(Setting.of("GQA-4", 8, 8, 4));
            for (AttentionVariant v : AttentionVariant.values()) {
                if (v != AttentionVariant.MHA) {
                    AttentionSpec spec = v.defaults(8, 32).build();
                    settings.add(new Setting(spec.label(), spec));
                }
            }
            return new Config(256, 8, List.of(256, 1024, 4096), 8192, 1, 5, settings);
        }

        /** Returns a copy with other sequence lengths. */
        public Config withSeqLengths(List<Integer> seq) {
            return new Config(embedDim, heads, seq, tokensPerBatch, warmup, runs, settings);
        }

        /** Returns a copy with other repetition counts. */
        public Config withRuns(int warmupRuns, int timedRuns) {
            return new Config(embedDim, heads, seqLengths, tokensPerBatch, warmupRuns, timedRuns, settings);
        }

        /** Returns a copy with another token budget per batch. */
        public Config withTokensPerBatch(long tokens) {
            return new Config(embedDim, heads, seqLengths, tokens, warmup, runs, settings);
        }
    }

    /**
     * One row of the table ({@code CLI.md}: {@code bench attention}).
     *
     * @param name setting label
     * @param queryHeads Hq
     * @param kvHeads G (Hq for MLA, the largest expert's for mixSGA)
     * @param heads H
     * @param kvFloatsPerToken key/value cache per token ({@link AttentionCost})
     * @param parameters trainable parameters of the block
     * @param seq S
     * @param batch B
     * @param fwdMs median forward time
     * @param fwdBwdMs median forward+backward time
     * @param ratioFwd fwdMs over MHA's at the same S
     * @param ratioFwdBwd fwdBwdMs over MHA's at the same S
     * @param gflops forward GFLOP/s achieved
     */
    public record Row(String name, int queryHeads, int kvHeads, int heads, double kvFloatsPerToken, long parameters,
            int seq, long batch, double fwdMs, double fwdBwdMs, double ratioFwd, double ratioFwdBwd, double gflops) {
    }

    /**
     * The whole table.
     *
     * @param matmulGflops GFLOP/s of a plain (1024 x 1024) by (1024 x 1024) product, median, same run
     * @param threads intra-op threads of the engine, as far as known (0 when unknown)
     * @param rows one row per setting and sequence length
     */
    public record Result(double matmulGflops, int threads, List<Row> rows) {

        /** Copies the rows. */
        public Result {
            rows = List.copyOf(rows);
        }
    }

    /**
     * Runs the benchmark.
     *
     * @param config what to measure
     * @param progress receives each row as it is measured
     * @return the table
     */
    public static Result run(Config config, Consumer<Row> progress) {
        Objects.requireNonNull(progress, "progress");
        List<Row> rows = new ArrayList<>();
        double matmul;
        try (NDManager manager = NDManager.newBaseManager()) {
            matmul = matmulGflops(manager, 1024, config.warmup() + 1, Math.max(config.runs(), 5));
            for (int seq : config.seqLengths()) {
                long batch = Math.max(1, config.tokensPerBatch() / seq);
                double[][] t = timeInterleaved(manager, config, seq, batch);
                for (int i = 0; i < config.settings().size(); i++) {
                    Setting s = config.settings().get(i);
                    double gflops = t[i][2] / (t[i][0] * 1e-3) / 1e9;
                    Row row = new Row(s.name(), s.queryHeads(), s.kvHeads(), config.heads(), t[i][3] / seq,
                            (long) t[i][4], seq, batch, t[i][0], t[i][1], t[i][0] / t[0][0], t[i][1] / t[0][1],
                            gflops);
                    rows.add(row);
                    progress.accept(row);
                }
            }
        }
        int threads = Integer.getInteger("ai.djl.pytorch.num_threads", 0);
        return new Result(matmul, threads, rows);
    }

    /**
     * Writes the table in the layout of {@code CLI.md}: {@code {"matmul_gflops", "rows": [{"query_heads",
     * "kv_heads", "heads", "seq", "fwd_ms", "fwd_bwd_ms", "ratio_fwd", "ratio_fwd_bwd", "gflops"}]}}, plus
     * {@code "name"} and {@code "batch"} per row and {@code "threads"}.
     *
     * @param result the table
     * @param file where to write
     */
    public static void writeJson(Result result, Path file) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("matmul_gflops", result.matmulGflops());
        root.put("threads", result.threads());
        ArrayNode rows = root.putArray("rows");
        for (Row r : result.rows()) {
            ObjectNode o = rows.addObject();
            o.put("name", r.name());
            o.put("query_heads", r.queryHeads());
            o.put("kv_heads", r.kvHeads());
            o.put("heads", r.heads());
            o.put("kv_floats_per_token", r.kvFloatsPerToken());
            o.put("parameters", r.parameters());
            o.put("seq", r.seq());
            o.put("batch", r.batch());
            o.put("fwd_ms", r.fwdMs());
            o.put("fwd_bwd_ms", r.fwdBwdMs());
            o.put("ratio_fwd", r.ratioFwd());
            o.put("ratio_fwd_bwd", r.ratioFwdBwd());
            o.put("gflops", r.gflops());
        }
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            mapper.writeValue(file.toFile(), root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static GroupedQueryAttention block(Config config, Setting s) {
        return s.spec().build(config.embedDim());
    }

    /**
     * Returns, per setting, the median {forward, forward+backward} milliseconds, then the block's forward FLOPs,
     * key/value cache floats and parameters after the timing ({@link AttentionCost}). The settings take turns
     * ({@link TurnTimer}).
     */
    private static double[][] timeInterleaved(NDManager parent, Config config, int seq, long batch) {
        int n = config.settings().size();
        try (NDManager m = parent.newSubManager()) {
            Shape shape = new Shape(batch, seq, config.embedDim());
            NDArray x = m.randomNormal(shape);
            List<GroupedQueryAttention> blocks = new ArrayList<>();
            for (Setting s : config.settings()) {
                GroupedQueryAttention block = block(config, s);
                block.initialize(m, DataType.FLOAT32, shape);
                blocks.add(block);
            }
            List<TurnTimer.Times> times = TurnTimer.time(m, blocks, x, true, out -> out.head().sum(),
                    config.warmup(), config.runs());
            double[][] result = new double[n][];
            for (int k = 0; k < n; k++) {
                AttentionCost cost = blocks.get(k).cost(batch, seq);
                result[k] = new double[] {times.get(k).forward() * 1e3, times.get(k).forwardBackward() * 1e3,
                    cost.flops(), cost.kvCacheFloats(), cost.parameters()};
            }
            return result;
        }
    }

    private static double matmulGflops(NDManager parent, int n, int warmup, int runs) {
        try (NDManager m = parent.newSubManager()) {
            NDArray a = m.randomNormal(new Shape(n, n));
            NDArray b = m.randomNormal(new Shape(n, n));
            double[] t = new double[runs];
            for (int i = -warmup; i < runs; i++) {
                try (NDManager step = m.newSubManager()) {
                    long t0 = System.nanoTime();
                    NDArray c = a.matMul(b);
                    c.attach(step);
                    long t1 = System.nanoTime();
                    if (i >= 0) {
                        t[i] = (t1 - t0) / 1e9;
                    }
                }
            }
            return 2.0 * n * n * n / TurnTimer.median(t) / 1e9;
        }
    }
}
