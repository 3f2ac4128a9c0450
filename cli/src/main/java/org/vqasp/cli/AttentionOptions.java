package org.vqasp.cli;

import java.util.List;
import org.vqasp.nn.AttentionSpec;
import org.vqasp.nn.AttentionVariant;
import org.vqasp.nn.GroupMixture;
import org.vqasp.nn.HeadAllocation;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The attention flags of {@code vqa train vision}: a variant and its knobs, resolved to an {@link AttentionSpec}. */
final class AttentionOptions {

    @Option(names = "--attention", paramLabel = "VARIANT", defaultValue = "gqa",
            description = "Attention variant: mha, gqa, mqa, sqa, ssqa, xsqa, kdgqa, dgqa, pgqa, mla, mixsga "
                    + "(default: ${DEFAULT-VALUE}; docs/attention.md).")
    String variant;

    @Option(names = "--heads", defaultValue = "8", description = "Head count H; heads have D / H channels "
            + "(default: ${DEFAULT-VALUE}).")
    int heads;

    @Option(names = "--query-heads", paramLabel = "N",
            description = "Query heads (default by variant: H; H / 2 for sqa and ssqa, H / 4 for xsqa).")
    Integer queryHeads;

    @Option(names = "--kv-heads", paramLabel = "N", description = "Key/value heads (default by variant: 2; H for "
            + "mha, 1 for mqa, H / 4 for sqa and xsqa, H / 2 for ssqa; not for mla and mixsga).")
    Integer kvHeads;

    @Option(names = "--latent-rank", paramLabel = "R",
            description = "mla: rank of the key/value latent (default: 2 x 2 x D / H, the cache of gqa).")
    Integer latentRank;

    @Option(names = "--ema-decay", paramLabel = "X", description = "dgqa: decay of the key-norm moving average "
            + "(default: " + AttentionVariant.DEFAULT_EMA_DECAY + ").")
    Double emaDecay;

    @Option(names = "--window", paramLabel = "STEPS", description = "dgqa: training steps between recomputations "
            + "of the allocation (default: " + AttentionVariant.DEFAULT_WINDOW + ").")
    Integer window;

    @Option(names = "--noise", paramLabel = "X", description = "pgqa: training noise relative to each head "
            + "output's standard deviation (default: " + AttentionVariant.DEFAULT_NOISE + ").")
    Double noise;

    @Option(names = "--experts", split = ",", paramLabel = "G1,G2,...",
            description = "mixsga: key/value heads per expert, in choosing order (default: H / 2, H / 8).")
    List<Integer> experts;

    @Option(names = "--capacities", split = ",", paramLabel = "C1,C2,...",
            description = "mixsga: share of the tokens per expert, summing to 1 (default: 1/3, 2/3).")
    List<Double> capacities;

    @Option(names = "--router-loss", paramLabel = "W", description = "mixsga: weight of the routing loss "
            + "(default: " + AttentionVariant.DEFAULT_ROUTER_LOSS + ").")
    Double routerLoss;

    /**
     * Resolves the flags for a model of width {@code dim}.
     *
     * @throws CommandLine.ParameterException naming a bad flag
     */
    AttentionSpec spec(CommandLine cmd, int dim) {
        try {
            AttentionVariant v = AttentionVariant.parse(variant);
            if (heads <= 0 || dim % heads != 0) {
                throw new IllegalArgumentException("--heads " + heads + " must divide --dim " + dim);
            }
            AttentionSpec defaults = v.defaults(heads, dim / heads).build();
            AttentionSpec.Builder b = defaults.toBuilder();
            if (queryHeads != null) {
                b.optQueryHeads(queryHeads);
            }
            if (kvHeads != null) {
                if (v == AttentionVariant.MLA || v == AttentionVariant.MIXSGA) {
                    throw new IllegalArgumentException("--kv-heads does not apply to " + variant
                            + " (use --latent-rank or --experts)");
                }
                b.optKvHeads(kvHeads);
            }
            check(v, AttentionVariant.MLA, latentRank, "--latent-rank");
            check(v, AttentionVariant.DGQA, emaDecay, "--ema-decay");
            check(v, AttentionVariant.DGQA, window, "--window");
            check(v, AttentionVariant.PGQA, noise, "--noise");
            check(v, AttentionVariant.MIXSGA, experts, "--experts");
            check(v, AttentionVariant.MIXSGA, capacities, "--capacities");
            check(v, AttentionVariant.MIXSGA, routerLoss, "--router-loss");
            if (latentRank != null) {
                b.optLatentRank(latentRank);
            }
            if (v == AttentionVariant.DGQA) {
                HeadAllocation.EmaKeyNorm d = (HeadAllocation.EmaKeyNorm) defaults.allocation();
                b.optAllocation(new HeadAllocation.EmaKeyNorm(emaDecay == null ? d.decay() : emaDecay,
                        window == null ? d.window() : window));
            }
            if (noise != null) {
                b.optAllocation(new HeadAllocation.Perturbed(noise));
            }
            if (v == AttentionVariant.MIXSGA) {
                GroupMixture d = defaults.mixture();
                List<Integer> e = experts == null ? d.expertKvHeads() : experts;
                List<Double> c = capacities == null ? (experts == null ? d.capacities() : equalShares(e.size()))
                        : capacities;
                b.optMixture(new GroupMixture(e, c, routerLoss == null ? d.lossWeight() : routerLoss));
                b.optKvHeads(e.stream().mapToInt(Integer::intValue).max().orElse(1));
            }
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cmd, e.getMessage());
        }
    }

    private void check(AttentionVariant v, AttentionVariant owner, Object value, String flag) {
        if (value != null && v != owner) {
            throw new IllegalArgumentException(flag + " applies to --attention " + owner.cliName() + " only, not "
                    + v.cliName());
        }
    }

    private static List<Double> equalShares(int n) {
        return java.util.Collections.nCopies(n, 1.0 / n);
    }
}
