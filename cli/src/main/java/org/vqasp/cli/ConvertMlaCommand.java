package org.vqasp.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.vqasp.nn.AttentionSpec;
import org.vqasp.nn.HeadAllocation;
import org.vqasp.vision.model.ModelConversion;
import org.vqasp.vision.model.ModelDirectory;
import org.vqasp.vision.model.SceneNetConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code vqa convert mla}: a scene-graph model's grouped-query attention rewritten as multi-head latent attention
 * with the same key/value cache (TransMLA), computing the same function; fine-tune it with
 * {@code vqa train vision --attention mla --init OUT}.
 */
@Command(
        name = "mla",
        mixinStandardHelpOptions = true,
        description = "Rewrite a scene-graph model's grouped-query attention as multi-head latent attention with the "
                + "same key/value cache and the same predictions.")
final class ConvertMlaCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--model", paramLabel = "MODEL_DIR",
            description = "Model directory written by vqa train vision (default: the bundled model).")
    Path model;

    @Option(names = "--out", required = true, paramLabel = "MODEL_DIR", description = "Where to write the MLA model.")
    Path out;

    @Option(names = "--latent-rank", paramLabel = "R",
            description = "Rank of the key/value latent (default: 2 x G x D / H, the GQA layer's cache; at least "
                    + "that).")
    Integer latentRank;

    @Override
    public Integer call() {
        if (latentRank != null && latentRank <= 0) {
            throw new ParameterException(spec.commandLine(), "--latent-rank must be positive, got " + latentRank);
        }
        SceneNetConfig source = ModelDirectory.readConfig(model);
        AttentionSpec gqa = source.attention();
        boolean fixedGroups = gqa.allocation() instanceof HeadAllocation.Uniform
                || gqa.allocation() instanceof HeadAllocation.EmaKeyNorm;
        if (gqa.latentRank() > 0 || gqa.mixture() != null || !fixedGroups) {
            throw new ParameterException(spec.commandLine(), (model == null ? "the bundled model" : model)
                    + " has " + gqa.label() + " attention; convert mla takes grouped-query attention with fixed "
                    + "groups (GQA, MHA, MQA, SQA, DGQA)");
        }
        int dh = source.embedDim() / gqa.heads();
        int rank = latentRank == null ? 2 * gqa.kvHeads() * dh : latentRank;
        AttentionSpec mla = AttentionSpec.builder().setHeads(gqa.heads()).optQueryHeads(gqa.queryHeads())
                .optLatentRank(rank).build();
        List<String> cmd = new ArrayList<>(List.of("vqa"));
        cmd.addAll(spec.commandLine().getParseResult().originalArgs());
        ModelConversion.Result r = ModelConversion.convert(model, mla, out, cmd);
        PrintWriter w = spec.commandLine().getOut();
        w.printf("converted %s -> %s: %s (largest output difference on a probe batch %.2g)%n", r.from(), r.to(),
                r.out(), r.maxOutputDifference());
        w.flush();
        return 0;
    }
}
