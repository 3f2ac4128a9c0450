package org.vqasp.core.gqa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.vqasp.core.ErrorKind;
import org.vqasp.core.VqaspException;

/**
 * What the GQA reasoner knows beyond a scene graph: the class hierarchy (a {@code select: furniture} also
 * selects a bed), the attribute categories ({@code query: color} reports the value of category color),
 * the attribute values comparatives are made of (healthier from healthy) and a few facts implied by names
 * (a man is male).
 *
 * <p>The hierarchies are bundled under {@code /gqa/meta/} (from GraphVQA, MIT; see its SOURCES.md).
 * Immutable and thread-safe; {@link #bundled()} loads them once.
 */
public final class GqaVocabulary {

    /** Categories computed from bounding boxes rather than annotated. */
    public static final Set<String> POSITION_CATEGORIES = Set.of("hposition", "vposition");

    /**
     * Categories with a meaning of their own besides the attribute hierarchy: names, positions from boxes, the
     * scene graph's location and weather, and GQA's global {@code place} (which scene graphs do not annotate).
     */
    public static final Set<String> SPECIAL_CATEGORIES = Set.of("name", "type", "hposition", "vposition",
            "location", "weather", "place");

    private static final Map<String, String> GENDER = Map.ofEntries(
            Map.entry("man", "male"), Map.entry("boy", "male"), Map.entry("guy", "male"),
            Map.entry("gentleman", "male"), Map.entry("father", "male"), Map.entry("groom", "male"),
            Map.entry("king", "male"), Map.entry("son", "male"), Map.entry("brother", "male"),
            Map.entry("grandfather", "male"), Map.entry("waiter", "male"), Map.entry("policeman", "male"),
            Map.entry("fireman", "male"), Map.entry("businessman", "male"), Map.entry("cowboy", "male"),
            Map.entry("woman", "female"), Map.entry("girl", "female"), Map.entry("lady", "female"),
            Map.entry("mother", "female"), Map.entry("bride", "female"), Map.entry("queen", "female"),
            Map.entry("daughter", "female"), Map.entry("sister", "female"), Map.entry("grandmother", "female"),
            Map.entry("waitress", "female"), Map.entry("policewoman", "female"));

    private static final Map<String, List<String>> OPPOSITES = Map.ofEntries(
            Map.entry("healthy", List.of("unhealthy")), Map.entry("unhealthy", List.of("healthy")),
            Map.entry("old", List.of("young", "new")), Map.entry("young", List.of("old")),
            Map.entry("new", List.of("old")),
            Map.entry("tall", List.of("short")), Map.entry("short", List.of("tall", "long")),
            Map.entry("long", List.of("short")),
            Map.entry("large", List.of("small", "little", "tiny")), Map.entry("big", List.of("small", "little", "tiny")),
            Map.entry("small", List.of("large", "big", "huge", "giant")),
            Map.entry("thick", List.of("thin")), Map.entry("thin", List.of("thick", "fat")),
            Map.entry("fat", List.of("thin", "skinny")), Map.entry("heavy", List.of("light")),
            Map.entry("light", List.of("heavy", "dark")), Map.entry("dark", List.of("light")),
            Map.entry("clean", List.of("dirty")), Map.entry("dirty", List.of("clean")),
            Map.entry("soft", List.of("hard")), Map.entry("hard", List.of("soft")),
            Map.entry("wide", List.of("narrow")), Map.entry("narrow", List.of("wide")),
            Map.entry("deep", List.of("shallow")), Map.entry("shallow", List.of("deep")),
            Map.entry("high", List.of("low")), Map.entry("low", List.of("high")),
            Map.entry("full", List.of("empty")), Map.entry("empty", List.of("full")),
            Map.entry("wet", List.of("dry")), Map.entry("dry", List.of("wet")));

    private static volatile GqaVocabulary bundled;

    private final Map<String, Set<String>> parents;
    private final Map<String, Set<String>> categories;
    private final Set<String> categoryNames;
    private final Set<String> attributes;

    private GqaVocabulary(Map<String, Set<String>> parents, Map<String, Set<String>> categories,
            Set<String> attributes) {
        this.parents = parents;
        this.categories = categories;
        Set<String> names = new HashSet<>();
        categories.values().forEach(names::addAll);
        this.categoryNames = Set.copyOf(names);
        this.attributes = attributes;
    }

    /**
     * Returns the bundled vocabulary, loading it on first use.
     *
     * @throws VqaspException when a bundled file is missing (a broken build)
     */
    public static GqaVocabulary bundled() {
        GqaVocabulary v = bundled;
        if (v == null) {
            synchronized (GqaVocabulary.class) {
                v = bundled;
                if (v == null) {
                    v = load();
                    bundled = v;
                }
            }
        }
        return v;
    }

    private static GqaVocabulary load() {
        ObjectMapper mapper = new ObjectMapper();
        JsonNode classes = read(mapper, "class_hierarchy.json");
        JsonNode attrs = read(mapper, "attribute_hierarchy.json");
        JsonNode values = read(mapper, "attributes.json");
        Map<String, Set<String>> direct = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = classes.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            String parent = GqaNames.clean(e.getKey());
            for (JsonNode m : e.getValue()) {
                String member = GqaNames.clean(m.asText());
                if (!member.equals(parent)) {
                    direct.computeIfAbsent(member, k -> new LinkedHashSet<>()).add(parent);
                }
            }
        }
        Map<String, Set<String>> closure = new HashMap<>();
        for (String member : direct.keySet()) {
            Set<String> all = new LinkedHashSet<>();
            Deque<String> todo = new ArrayDeque<>(direct.get(member));
            while (!todo.isEmpty()) {
                String p = todo.pop();
                if (!p.equals(member) && all.add(p)) {
                    todo.addAll(direct.getOrDefault(p, Set.of()));
                }
            }
            closure.put(member, Collections.unmodifiableSet(all));
        }
        Map<String, Set<String>> categories = new HashMap<>();
        Set<String> attributes = new HashSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = attrs.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            String category = GqaNames.clean(e.getKey());
            for (JsonNode m : e.getValue()) {
                String value = GqaNames.clean(m.asText());
                categories.computeIfAbsent(value, k -> new LinkedHashSet<>()).add(category);
                attributes.add(value);
            }
        }
        for (JsonNode m : values) {
            attributes.add(GqaNames.clean(m.asText()));
        }
        Map<String, Set<String>> frozen = new HashMap<>();
        categories.forEach((k, s) -> frozen.put(k, Collections.unmodifiableSet(s)));
        return new GqaVocabulary(Map.copyOf(closure), Map.copyOf(frozen), Set.copyOf(attributes));
    }

    private static JsonNode read(ObjectMapper mapper, String name) {
        try (InputStream in = GqaVocabulary.class.getResourceAsStream("/gqa/meta/" + name)) {
            if (in == null) {
                throw new VqaspException(ErrorKind.MISSING_RESOURCE, "bundled file gqa/meta/" + name + " not on the classpath");
            }
            return mapper.readTree(in);
        } catch (IOException e) {
            throw new VqaspException(ErrorKind.MISSING_RESOURCE, "cannot read bundled file gqa/meta/" + name, e);
        }
    }

    /**
     * Returns every super-class of a class name, transitively ({@code eagle}: bird, animal); the name is looked
     * up as given and in singular form.
     *
     * @param name a class name in any form
     * @return the super-classes in {@link GqaNames#singular} form, without the name itself
     */
    public Set<String> parents(String name) {
        String clean = GqaNames.clean(name);
        String single = GqaNames.singular(name);
        Set<String> a = parents.getOrDefault(clean, Set.of());
        Set<String> b = parents.getOrDefault(single, Set.of());
        if (b.isEmpty() || a.equals(b)) {
            return normalised(a, single);
        }
        Set<String> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return normalised(all, single);
    }

    private static Set<String> normalised(Set<String> classes, String self) {
        Set<String> out = new LinkedHashSet<>();
        for (String c : classes) {
            String s = GqaNames.singular(c);
            if (!s.equals(self)) {
                out.add(s);
            }
        }
        return out;
    }

    /**
     * Returns the categories of an attribute value ({@code "dark"}: color, tone), in lower case; empty when
     * the value is in no category.
     */
    public Set<String> categories(String value) {
        return categories.getOrDefault(GqaNames.clean(value), Set.of());
    }

    /** Returns true for a category name of the attribute hierarchy or a special one (name, hposition, ...). */
    public boolean isCategory(String category) {
        String c = GqaNames.clean(category);
        return categoryNames.contains(c) || SPECIAL_CATEGORIES.contains(c);
    }

    /** Returns true for a known attribute value. */
    public boolean isAttribute(String value) {
        return attributes.contains(GqaNames.clean(value));
    }

    /**
     * Returns attribute values a class name implies ({@code man}: male), empty for most names.
     *
     * @param name a class name in any form
     */
    public Set<String> impliedAttributes(String name) {
        String g = GENDER.get(GqaNames.singular(name));
        return g == null ? Set.of() : Set.of(g);
    }

    /** Returns the category of the attributes {@link #impliedAttributes} gives ({@code gender}). */
    public static String impliedCategory() {
        return "gender";
    }

    /** Returns the values opposite to an attribute value ({@code old}: young, new), empty when none is known. */
    public List<String> opposites(String value) {
        return OPPOSITES.getOrDefault(GqaNames.clean(value), List.of());
    }

    /**
     * Reads a comparative as the attribute value it compares by: {@code healthier} is "more healthy",
     * {@code less healthy} is "less healthy", {@code larger} is "more large", {@code bigger} "more big".
     *
     * @param comparative the comparative, as in {@code choose healthier}
     * @return the value and whether more of it wins, or empty when the word is not a comparative
     */
    public Optional<Comparative> comparative(String comparative) {
        String c = GqaNames.clean(comparative);
        if (c.startsWith("more ") || c.startsWith("less ")) {
            String base = c.substring(5).strip();
            return base.isEmpty() ? Optional.empty() : Optional.of(new Comparative(base, c.startsWith("more ")));
        }
        if (c.contains(" ") || !c.endsWith("er") || c.length() < 4) {
            return Optional.empty();
        }
        String stem = c.substring(0, c.length() - 2);
        List<String> candidates = new ArrayList<>();
        if (stem.endsWith("i")) {
            candidates.add(stem.substring(0, stem.length() - 1) + "y");
        }
        int n = stem.length();
        if (n > 2 && stem.charAt(n - 1) == stem.charAt(n - 2) && "bdgmnpt".indexOf(stem.charAt(n - 1)) >= 0) {
            candidates.add(stem.substring(0, n - 1));
        }
        candidates.add(stem);
        candidates.add(c.substring(0, c.length() - 1));
        for (String cand : candidates) {
            if (attributes.contains(cand)) {
                return Optional.of(new Comparative(cand, true));
            }
        }
        return Optional.of(new Comparative(candidates.get(0), true));
    }

    /**
     * A comparative read as an attribute value.
     *
     * @param value the value compared by, such as {@code healthy}
     * @param more true when the object with more of it wins ({@code healthier}), false for {@code less ...}
     */
    public record Comparative(String value, boolean more) {
    }
}
