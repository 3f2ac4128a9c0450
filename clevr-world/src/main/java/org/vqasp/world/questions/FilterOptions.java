package org.vqasp.world.questions;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The filter values a fused template node can take in one scene, as the original generator finds them: every
 * combination of size, colour, material and shape (each possibly empty) that some object of the scene has.
 */
final class FilterOptions {

    /** Share of "trivial" relate-filter options (the relation does not narrow the filter) that are kept. */
    static final double TRIVIAL_FRACTION = 0.1;

    /**
     * One choice for a fused node.
     *
     * @param relation the relation, or null for the {@code filter*} nodes
     * @param filter size, colour, material, shape; null where empty
     */
    record Choice(String relation, List<String> filter) {
    }

    private final SceneFacts facts;
    /** filter values (size, colour, material, shape; null = any) -> objects matching them. */
    private final Map<List<String>, Long> byKey = new LinkedHashMap<>();

    FilterOptions(SceneFacts facts) {
        this.facts = facts;
        for (int i = 0; i < facts.count; i++) {
            for (int mask = 0; mask < 16; mask++) {
                String[] key = new String[4];
                for (int k = 0; k < 4; k++) {
                    key[k] = (mask >> k & 1) == 1 ? facts.value(i, k) : null;
                }
                byKey.merge(Collections.unmodifiableList(Arrays.asList(key)), 1L << i, (a, b) -> a | b);
            }
        }
    }

    /**
     * Returns the choices of a {@code filter}, {@code filter_unique}, {@code filter_count} or
     * {@code filter_exist} node over the objects {@code input}.
     */
    List<Choice> filter(long input, String type, ClevrMetadata metadata, Random random) {
        List<Choice> out = new ArrayList<>();
        int singletons = 0;
        for (Map.Entry<List<String>, Long> e : byKey.entrySet()) {
            int n = Long.bitCount(e.getValue() & input);
            if (type.equals("filter_unique")) {
                if (n == 1) {
                    out.add(new Choice(null, e.getKey()));
                }
                continue;
            }
            if (type.equals("filter") && e.getKey().stream().allMatch(v -> v == null)) {
                continue;
            }
            out.add(new Choice(null, e.getKey()));
            if (n == 1) {
                singletons++;
            }
        }
        if (!type.equals("filter_unique")) {
            // values that need not match anything: as many as the options for exist, as the singletons otherwise
            int extra = type.equals("filter_exist") ? out.size() : singletons;
            List<List<String>> domains = new ArrayList<>();
            for (String t : List.of("Size", "Color", "Material", "Shape")) {
                List<String> d = new ArrayList<>(metadata.values(t));
                d.add(null);
                domains.add(d);
            }
            for (int i = 0; i < extra; i++) {
                String[] key = new String[4];
                for (int k = 0; k < 4; k++) {
                    key[k] = domains.get(k).get(random.nextInt(domains.get(k).size()));
                }
                out.add(new Choice(null, Collections.unmodifiableList(Arrays.asList(key))));
            }
        }
        return out;
    }

    /**
     * Returns the choices of a {@code relate_filter*} node from one object: relation and filter values whose
     * objects are not empty (unless {@code includeZero}) and, for {@code unique}, exactly one; of the trivial
     * ones, where the relation removes nothing from the filter's objects, only about 10% are kept.
     */
    List<Choice> relateFilter(int object, boolean unique, boolean includeZero, Random random) {
        List<Choice> options = new ArrayList<>();
        List<Choice> trivial = new ArrayList<>();
        for (Map.Entry<String, long[]> rel : facts.relations.entrySet()) {
            long related = rel.getValue()[object];
            for (Map.Entry<List<String>, Long> e : byKey.entrySet()) {
                long inter = related & e.getValue();
                int n = Long.bitCount(inter);
                if (unique && n != 1 || !includeZero && n == 0) {
                    continue;
                }
                Choice c = new Choice(rel.getKey(), e.getKey());
                if (inter == e.getValue()) {
                    trivial.add(c);
                } else {
                    options.add(c);
                }
            }
        }
        long keep = Math.round(options.size() * TRIVIAL_FRACTION / (1 - TRIVIAL_FRACTION));
        Collections.shuffle(trivial, random);
        options.addAll(trivial.subList(0, (int) Math.min(keep, trivial.size())));
        return options;
    }
}
