package org.vqasp.nn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The settings of a {@link GroupedQueryAttention} self-attention apart from its width: head counts, head
 * allocation, latent rank and mixture. Stored in model configurations (JSON object {@code attention}); build with
 * {@link #builder()} or start from an {@link AttentionVariant}.
 *
 * @param heads H, the model's head count; the head size is D / H
 * @param queryHeads Hq, at most H
 * @param kvHeads G, dividing Hq (Hq with a latent; the largest expert's with a mixture)
 * @param allocation how query heads are shared out among key/value heads
 * @param latentRank R of the latent key/value path, or 0
 * @param mixture the mixture of group sizes, or null
 */
public record AttentionSpec(int heads, int queryHeads, int kvHeads, HeadAllocation allocation, int latentRank,
        GroupMixture mixture) {

    /** Checks the values, as the block builder does (with D = H, so only the head counts matter here). */
    public AttentionSpec {
        Objects.requireNonNull(allocation, "allocation");
        toBlockBuilder(heads, heads, queryHeads, kvHeads, allocation, latentRank, mixture).build();
    }

    /** Returns a builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns a builder holding these settings. */
    public Builder toBuilder() {
        return new Builder().setHeads(heads).optQueryHeads(queryHeads).optKvHeads(kvHeads).optAllocation(allocation)
                .optLatentRank(latentRank).optMixture(mixture);
    }

    /** Returns a block builder with these settings and width {@code embedDim} (which H must divide). */
    public GroupedQueryAttention.Builder toBlockBuilder(int embedDim) {
        return toBlockBuilder(embedDim, heads, queryHeads, kvHeads, allocation, latentRank, mixture);
    }

    /** Builds a self-attention block of width {@code embedDim}. */
    public GroupedQueryAttention build(int embedDim) {
        return toBlockBuilder(embedDim).build();
    }

    private static GroupedQueryAttention.Builder toBlockBuilder(int embedDim, int heads, int queryHeads, int kvHeads,
            HeadAllocation allocation, int latentRank, GroupMixture mixture) {
        return GroupedQueryAttention.builder().setEmbedDim(embedDim).setNumHeads(heads).optNumQueryHeads(queryHeads)
                .optNumKvHeads(kvHeads).optHeadAllocation(allocation).optLatentRank(latentRank).optMixture(mixture);
    }

    /**
     * Returns a short name: {@code MHA}, {@code GQA-2}, {@code MQA}, {@code SQA-4/2} (query/key-value heads),
     * {@code sSQA}, {@code xSQA}, {@code KDGQA-2}, {@code DGQA-2}, {@code PGQA-2}, {@code MLA-r64},
     * {@code mixSGA-4/1}.
     */
    public String label() {
        if (latentRank > 0) {
            return "MLA-r" + latentRank + (queryHeads < heads ? "-q" + queryHeads : "");
        }
        if (mixture != null) {
            StringBuilder s = new StringBuilder("mixSGA-");
            for (int i = 0; i < mixture.experts(); i++) {
                s.append(i == 0 ? "" : "/").append(mixture.expertKvHeads().get(i));
            }
            return s.append(queryHeads < heads ? "-q" + queryHeads : "").toString();
        }
        String prefix = allocation instanceof HeadAllocation.KeyNorm ? "KDGQA"
                : allocation instanceof HeadAllocation.EmaKeyNorm ? "DGQA"
                : allocation instanceof HeadAllocation.Perturbed ? "PGQA" : null;
        if (prefix != null) {
            return prefix + "-" + kvHeads + (queryHeads < heads ? "-q" + queryHeads : "");
        }
        if (queryHeads == heads) {
            return kvHeads == heads ? "MHA" : kvHeads == 1 ? "MQA" : "GQA-" + kvHeads;
        }
        if (queryHeads == kvHeads && 2 * queryHeads == heads) {
            return "sSQA";
        }
        if (queryHeads == kvHeads && 4 * queryHeads == heads) {
            return "xSQA";
        }
        return "SQA-" + queryHeads + "/" + kvHeads;
    }

    /** Returns the JSON form (keys in snake case; {@code variant} is the label, for people, and not read back). */
    public ObjectNode toJson(ObjectMapper mapper) {
        ObjectNode o = mapper.createObjectNode();
        o.put("variant", label());
        o.put("heads", heads);
        o.put("query_heads", queryHeads);
        o.put("kv_heads", kvHeads);
        if (allocation instanceof HeadAllocation.KeyNorm) {
            o.put("allocation", "key_norm");
        } else if (allocation instanceof HeadAllocation.EmaKeyNorm e) {
            o.put("allocation", "ema_key_norm");
            o.put("ema_decay", e.decay());
            o.put("window", e.window());
        } else if (allocation instanceof HeadAllocation.Perturbed p) {
            o.put("allocation", "perturbed");
            o.put("noise", p.noise());
        } else {
            o.put("allocation", "uniform");
        }
        if (latentRank > 0) {
            o.put("latent_rank", latentRank);
        }
        if (mixture != null) {
            ObjectNode m = o.putObject("mixture");
            mixture.expertKvHeads().forEach(m.putArray("expert_kv_heads")::add);
            mixture.capacities().forEach(m.putArray("capacities")::add);
            m.put("loss_weight", mixture.lossWeight());
        }
        return o;
    }

    /**
     * Reads the JSON form.
     *
     * @param o the object {@link #toJson} writes
     * @return the settings
     * @throws IllegalArgumentException naming a missing key or a bad value
     */
    public static AttentionSpec fromJson(JsonNode o) {
        Builder b = builder().setHeads(required(o, "heads").asInt()).optQueryHeads(required(o, "query_heads").asInt())
                .optKvHeads(required(o, "kv_heads").asInt());
        String kind = o.path("allocation").asText("uniform");
        switch (kind) {
            case "uniform" -> b.optAllocation(new HeadAllocation.Uniform());
            case "key_norm" -> b.optAllocation(new HeadAllocation.KeyNorm());
            case "ema_key_norm" -> b.optAllocation(new HeadAllocation.EmaKeyNorm(required(o, "ema_decay").asDouble(),
                    required(o, "window").asInt()));
            case "perturbed" -> b.optAllocation(new HeadAllocation.Perturbed(required(o, "noise").asDouble()));
            default -> throw new IllegalArgumentException("attention.allocation: unknown kind '" + kind
                    + "' (uniform, key_norm, ema_key_norm, perturbed)");
        }
        b.optLatentRank(o.path("latent_rank").asInt(0));
        JsonNode m = o.path("mixture");
        if (m.isObject()) {
            List<Integer> experts = new ArrayList<>();
            required(m, "expert_kv_heads").forEach(x -> experts.add(x.asInt()));
            List<Double> caps = new ArrayList<>();
            required(m, "capacities").forEach(x -> caps.add(x.asDouble()));
            b.optMixture(new GroupMixture(experts, caps, m.path("loss_weight").asDouble(0.01)));
        }
        return b.build();
    }

    private static JsonNode required(JsonNode o, String key) {
        if (!o.hasNonNull(key)) {
            throw new IllegalArgumentException("attention." + key + " is missing");
        }
        return o.get(key);
    }

    /**
     * Builder: {@code setHeads} is required; the rest default to multi-head attention (Hq = G = H), uniform
     * groups, no latent and no mixture.
     */
    public static final class Builder {
        private int heads;
        private int queryHeads = -1;
        private int kvHeads = -1;
        private HeadAllocation allocation = new HeadAllocation.Uniform();
        private int latentRank;
        private GroupMixture mixture;

        Builder() {
        }

        /** Sets H (required). */
        public Builder setHeads(int v) {
            heads = v;
            return this;
        }

        /** Sets Hq (default H). */
        public Builder optQueryHeads(int v) {
            queryHeads = v;
            return this;
        }

        /** Sets G (default Hq; Hq with a latent; the largest expert's with a mixture). */
        public Builder optKvHeads(int v) {
            kvHeads = v;
            return this;
        }

        /** Sets the head allocation (default uniform). */
        public Builder optAllocation(HeadAllocation v) {
            allocation = v;
            return this;
        }

        /** Sets the latent rank R (default 0: none). */
        public Builder optLatentRank(int v) {
            latentRank = v;
            return this;
        }

        /** Sets the mixture of group sizes (default none). */
        public Builder optMixture(GroupMixture v) {
            mixture = v;
            return this;
        }

        /**
         * Builds the settings, filling defaults.
         *
         * @throws IllegalArgumentException naming a bad value
         */
        public AttentionSpec build() {
            if (heads <= 0) {
                throw new IllegalArgumentException("attention heads must be positive, got " + heads);
            }
            int hq = queryHeads == -1 ? heads : queryHeads;
            int g = kvHeads;
            if (latentRank > 0) {
                g = g == -1 ? hq : g;
            } else if (mixture != null) {
                g = g == -1 ? mixture.sharedKvHeads() : g;
            } else {
                g = g == -1 ? hq : g;
            }
            return new AttentionSpec(heads, hq, g, allocation, latentRank, mixture);
        }
    }
}
