package org.vqasp.nn;

import java.util.List;
import java.util.Locale;

/**
 * The attention variants by name, each a starting {@link AttentionSpec} for a model with H heads of size dh; the
 * head counts follow the papers' usual settings and can be overridden on the returned builder.
 */
public enum AttentionVariant {
    /** Multi-head attention: Hq = G = H. */
    MHA,
    /** Grouped-query attention: Hq = H, G = 2 (the bundled model's; 1 for an odd H). */
    GQA,
    /** Multi-query attention: G = 1. */
    MQA,
    /** Sparse query attention: Hq = H / 2, G = H / 4. */
    SQA,
    /** Symmetric sparse query attention: Hq = G = H / 2. */
    SSQA,
    /** Extreme sparse query attention: Hq = G = H / 4. */
    XSQA,
    /** Key-driven GQA: G = 2, query heads shared out by each sample's key-head norms. */
    KDGQA,
    /** Dynamic key-driven GQA: G = 2, counts from a moving average of key-head norms (decay 0.99, window 100). */
    DGQA,
    /** Perturbed GQA: G = 2, head outputs centred and perturbed by noise of their own spread in training. */
    PGQA,
    /** Multi-head latent attention with the key/value cache of GQA's default: R = 2 G dh with G = 2. */
    MLA,
    /** mixSGA: experts of H / 2 and H / 8 key/value heads taking 1/3 and 2/3 of the tokens (2 on average at H = 8). */
    MIXSGA;

    /** Default DGQA moving-average decay. */
    public static final double DEFAULT_EMA_DECAY = 0.99;
    /** Default DGQA steps between recomputations of the counts. */
    public static final int DEFAULT_WINDOW = 100;
    /** Default PGQA noise, relative to each head output's standard deviation (the paper's: equal to it). */
    public static final double DEFAULT_NOISE = 1.0;
    /** Default weight of mixSGA's routing loss. */
    public static final double DEFAULT_ROUTER_LOSS = 0.01;

    /**
     * Returns the variant's default settings.
     *
     * @param heads H
     * @param headDim dh, for the latent rank
     * @return a builder to override
     */
    public AttentionSpec.Builder defaults(int heads, int headDim) {
        int quarter = Math.max(1, heads / 4);
        int half = Math.max(1, heads / 2);
        int grouped = heads % 2 == 0 ? 2 : 1; // the default key/value heads of vqa train vision before the variants
        AttentionSpec.Builder b = AttentionSpec.builder().setHeads(heads);
        return switch (this) {
            case MHA -> b.optKvHeads(heads);
            case GQA -> b.optKvHeads(grouped);
            case MQA -> b.optKvHeads(1);
            case SQA -> b.optQueryHeads(half).optKvHeads(quarter);
            case SSQA -> b.optQueryHeads(half).optKvHeads(half);
            case XSQA -> b.optQueryHeads(quarter).optKvHeads(quarter);
            case KDGQA -> b.optKvHeads(grouped).optAllocation(new HeadAllocation.KeyNorm());
            case DGQA -> b.optKvHeads(grouped)
                    .optAllocation(new HeadAllocation.EmaKeyNorm(DEFAULT_EMA_DECAY, DEFAULT_WINDOW));
            case PGQA -> b.optKvHeads(grouped).optAllocation(new HeadAllocation.Perturbed(DEFAULT_NOISE));
            case MLA -> b.optLatentRank(2 * grouped * headDim);
            case MIXSGA -> b.optMixture(new GroupMixture(List.of(half, Math.max(1, heads / 8)),
                    List.of(1.0 / 3, 2.0 / 3), DEFAULT_ROUTER_LOSS));
        };
    }

    /** Returns the lower-case name used on the command line. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a name, in any case.
     *
     * @throws IllegalArgumentException listing the names
     */
    public static AttentionVariant parse(String name) {
        for (AttentionVariant v : values()) {
            if (v.name().equalsIgnoreCase(name)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown attention variant '" + name + "'; one of "
                + java.util.Arrays.stream(values()).map(AttentionVariant::cliName).toList());
    }
}
