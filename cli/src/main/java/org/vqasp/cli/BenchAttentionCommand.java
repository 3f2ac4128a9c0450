package org.vqasp.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.vqasp.nn.AttentionBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code vqa bench attention}: forward and forward+backward time of the attention block for every variant (MHA,
 * GQA, MQA, SQA, sSQA, xSQA, KDGQA, DGQA, PGQA, MLA, mixSGA), as ratios to MHA, with achieved and plain-matmul
 * GFLOP/s.
 */
@Command(
        name = "attention",
        mixinStandardHelpOptions = true,
        description = "Time every attention variant (MHA, GQA-4, GQA-2, MQA, SQA, sSQA, xSQA, KDGQA, DGQA, PGQA, MLA, "
                + "mixSGA), D=256, H=8, forward and forward+backward, as ratios to MHA.")
final class BenchAttentionCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    JsonOption json;

    @Mixin
    ThreadsOption threads;

    @Option(names = "--seq", split = ",", paramLabel = "S", description = "Sequence lengths (default: ${DEFAULT-VALUE}).",
            defaultValue = "256,1024,4096")
    List<Integer> seq;

    @Option(names = "--runs", paramLabel = "N", description = "Timed runs per cell; the median is reported "
            + "(default: ${DEFAULT-VALUE}).", defaultValue = "5")
    int runs;

    @Option(names = "--warmup", paramLabel = "N", description = "Untimed runs per cell (default: ${DEFAULT-VALUE}).",
            defaultValue = "1")
    int warmup;

    @Option(names = "--tokens", paramLabel = "N", description = "Tokens per batch, B = max(1, N / S) "
            + "(default: ${DEFAULT-VALUE}).", defaultValue = "8192")
    long tokens;

    @Override
    public Integer call() throws Exception {
        int n = threads.forTorch(spec.commandLine());
        PrintWriter out = spec.commandLine().getOut();
        boolean table = !json.stdout();
        AttentionBenchmark.Config config = AttentionBenchmark.Config.standard().withSeqLengths(seq)
                .withRuns(warmup, runs).withTokensPerBatch(tokens);
        if (table) {
            out.printf("%-12s %3s %3s %3s %7s %6s %4s %10s %12s %9s %13s %8s%n", "setting", "Hq", "G", "H",
                    "kv/tok", "seq", "B", "fwd_ms", "fwd_bwd_ms", "ratio_fwd", "ratio_fwd_bwd", "GFLOP/s");
            out.flush();
        }
        AttentionBenchmark.Result result = AttentionBenchmark.run(config, r -> {
            if (table) {
                out.printf("%-12s %3d %3d %3d %7.0f %6d %4d %10.2f %12.2f %9.2f %13.2f %8.1f%n", r.name(),
                        r.queryHeads(), r.kvHeads(), r.heads(), r.kvFloatsPerToken(), r.seq(), r.batch(), r.fwdMs(),
                        r.fwdBwdMs(), r.ratioFwd(), r.ratioFwdBwd(), r.gflops());
                out.flush();
            }
        });
        if (table) {
            out.printf("plain matmul (1024^3): %.1f GFLOP/s; %d threads%n", result.matmulGflops(), n);
            out.flush();
        }
        // the benchmark writes its own JSON document: to the file, or through a temporary file to stdout
        Path file = json.stdout() ? Files.createTempFile("vqasp-bench-attention", ".json") : json.file();
        if (file != null) {
            AttentionBenchmark.writeJson(result, file);
        }
        if (json.stdout()) {
            out.println(Files.readString(file).strip());
            out.flush();
            Files.delete(file);
        }
        return 0;
    }
}
