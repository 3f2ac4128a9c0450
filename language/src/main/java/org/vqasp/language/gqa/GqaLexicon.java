package org.vqasp.language.gqa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.vqasp.core.VqaspException;
import org.vqasp.core.gqa.GqaNames;
import org.vqasp.core.gqa.GqaVocabulary;

/**
 * The words a GQA question is made of, as the parser reads them: object names (GQA's 1,702 scene-graph names, the
 * super-classes of the class hierarchy and the synonyms questions use for them), attribute values with their
 * categories, relations with their verb forms, and the nouns that name attribute categories ({@code colour},
 * {@code ethnicity}).
 *
 * <p>Every entry is keyed by its words as {@link GqaText} writes them (lower case, hyphens as blanks). Immutable and
 * thread-safe; {@link #bundled()} loads the bundled tables once.
 */
public final class GqaLexicon {

    /** A phrase found at a position: what it stands for and how many words it took. */
    public record Hit(String value, int length) {
    }

    /**
     * An attribute word: the value the program writes and the categories it may belong to, most likely first
     * (empty: the program writes it without a category, {@code filter: open}).
     */
    public record Attribute(String value, List<String> categories) {
    }

    private static final String RESOURCES = "/org/vqasp/language/gqa/";

    /** Attribute categories the parser writes with a value, as GQA's programs spell them. */
    private static final Map<String, String> CATEGORY_SPELLING = Map.of("sportactivity", "sportActivity");

    /** Nouns of questions that name a category queried or compared ("What colour is ..."). */
    private static final Map<String, String> CATEGORY_NOUNS = Map.ofEntries(
            Map.entry("color", "color"), Map.entry("colour", "color"), Map.entry("colors", "color"),
            Map.entry("colours", "color"), Map.entry("shape", "shape"), Map.entry("shapes", "shape"),
            Map.entry("size", "size"), Map.entry("sizes", "size"), Map.entry("material", "material"),
            Map.entry("materials", "material"), Map.entry("height", "height"), Map.entry("length", "length"),
            Map.entry("age", "age"), Map.entry("race", "race"), Map.entry("ethnicity", "race"),
            Map.entry("ethnic group", "race"), Map.entry("pattern", "pattern"), Map.entry("width", "width"),
            Map.entry("thickness", "thickness"), Map.entry("weight", "weight"), Map.entry("gender", "gender"),
            Map.entry("sex", "gender"), Map.entry("type", "type"), Map.entry("species", "type"),
            Map.entry("kind", "type"), Map.entry("pose", "pose"), Map.entry("activity", "activity"),
            Map.entry("cleanliness", "cleanliness"), Map.entry("hardness", "hardness"), Map.entry("depth", "depth"),
            Map.entry("texture", "texture"), Map.entry("flavor", "flavor"), Map.entry("company", "company"),
            Map.entry("brand", "company"), Map.entry("tone", "tone"), Map.entry("state", "state"),
            Map.entry("fatness", "fatness"), Map.entry("realism", "realism"), Map.entry("weather", "weather"),
            Map.entry("place", "place"), Map.entry("location", "location"), Map.entry("room", "room"),
            Map.entry("expression", "face expression"), Map.entry("facial expression", "face expression"),
            Map.entry("mood", "face expression"));

    /** Adjectives of "How ADJ is ..." and the category they ask for. */
    private static final Map<String, String> HOW_ADJECTIVES = Map.ofEntries(
            Map.entry("big", "size"), Map.entry("large", "size"), Map.entry("small", "size"),
            Map.entry("little", "size"), Map.entry("huge", "size"), Map.entry("tall", "height"),
            Map.entry("high", "height"), Map.entry("long", "length"), Map.entry("short", "length"),
            Map.entry("old", "age"), Map.entry("young", "age"), Map.entry("clean", "cleanliness"),
            Map.entry("dirty", "cleanliness"), Map.entry("wide", "width"), Map.entry("narrow", "width"),
            Map.entry("thick", "thickness"), Map.entry("thin", "thickness"), Map.entry("deep", "depth"),
            Map.entry("shallow", "depth"), Map.entry("heavy", "weight"), Map.entry("fat", "fatness"),
            Map.entry("hard", "hardness"), Map.entry("soft", "hardness"));

    /**
     * Super-classes that name a kind of thing rather than things annotated under that name: a question's
     * "animals" or "devices" is written {@code animal}, {@code device}; "trees" stays {@code trees}.
     */
    private static final Set<String> KINDS = Set.of("animal", "vehicle", "device", "fruit", "container", "furniture",
            "clothing", "food", "appliance", "vegetable", "dessert", "footwear", "drink", "meat", "aircraft",
            "watercraft", "accessory", "toy", "utensil", "tableware", "cooking utensil", "bird", "instrument",
            "weapon", "baked good", "pastry", "meal", "sauce", "ingredient", "office supplies", "fast food",
            "textile", "symbol", "liquid", "sport");

    private static volatile GqaLexicon bundled;

    private final GqaVocabulary vocabulary;
    private final Set<String> names;
    private final Set<String> superClasses;
    private final Map<String, String> nameSurfaces;
    private final Map<String, Attribute> attributes;
    private final Map<String, String> relations;
    private final Set<String> relationNames;
    private final Set<String> relationFirstWords;
    private final Map<String, String> comparatives;
    private final Map<String, String> passives;
    private final int maxNameWords;
    private final int maxAttributeWords;
    private final int maxRelationWords;
    private final Set<String> words;
    private volatile Map<String, Integer> classSizes;

    private GqaLexicon(GqaVocabulary vocabulary, Set<String> names, Set<String> superClasses,
            Map<String, String> nameSurfaces, Map<String, Attribute> attributes, Map<String, String> relations,
            Set<String> relationNames, Map<String, String> comparatives, Map<String, String> passives) {
        this.vocabulary = vocabulary;
        this.names = Set.copyOf(names);
        this.superClasses = Set.copyOf(superClasses);
        this.nameSurfaces = Map.copyOf(nameSurfaces);
        this.attributes = Map.copyOf(attributes);
        this.relations = Map.copyOf(relations);
        this.relationNames = Set.copyOf(relationNames);
        this.comparatives = Map.copyOf(comparatives);
        this.passives = Map.copyOf(passives);
        Set<String> firsts = new HashSet<>();
        relations.keySet().forEach(r -> firsts.add(r.split(" ")[0]));
        this.relationFirstWords = Set.copyOf(firsts);
        this.maxNameWords = maxWords(nameSurfaces.keySet());
        this.maxAttributeWords = maxWords(attributes.keySet());
        this.maxRelationWords = maxWords(relations.keySet());
        Set<String> all = new TreeSet<>();
        for (Set<String> keys : List.of(nameSurfaces.keySet(), attributes.keySet(), relations.keySet(),
                CATEGORY_NOUNS.keySet(), comparatives.keySet(), passives.keySet())) {
            for (String k : keys) {
                all.addAll(List.of(k.split(" ")));
            }
        }
        this.words = Collections.unmodifiableSet(all);
    }

    /**
     * Returns the bundled lexicon, loading it on first use.
     *
     * @throws VqaspException when a bundled table is missing (a broken build)
     */
    public static GqaLexicon bundled() {
        GqaLexicon l = bundled;
        if (l == null) {
            synchronized (GqaLexicon.class) {
                l = bundled;
                if (l == null) {
                    l = load(GqaVocabulary.bundled());
                    bundled = l;
                }
            }
        }
        return l;
    }

    private static GqaLexicon load(GqaVocabulary vocabulary) {
        Set<String> names = new LinkedHashSet<>();
        for (String line : lines("/gqa/meta/name_gqa.txt")) {
            if (!line.equals("<unk>")) {
                names.add(surface(line));
            }
        }
        Set<String> superClasses = new HashSet<>();
        JsonNode classes = json("/gqa/meta/class_hierarchy.json");
        for (Iterator<String> it = classes.fieldNames(); it.hasNext();) {
            superClasses.add(surface(it.next()));
        }
        Map<String, String> nameSurfaces = new HashMap<>();
        for (String n : names) {
            nameSurfaces.put(n, n);
        }
        for (String c : superClasses) {
            nameSurfaces.putIfAbsent(c, c);
            nameSurfaces.putIfAbsent(plural(c), c);
        }
        for (String[] row : table(RESOURCES + "names.tsv", 2)) {
            String from = surface(row[0]);
            String to = GqaNames.clean(row[1]);
            if (names.contains(from) && !surface(to).equals(from)) {
                // a word that is itself a scene-graph name names its own objects ("biker" is not "cyclist")
                throw new IllegalStateException("names.tsv maps " + from + ", a GQA name of its own, to " + to);
            }
            nameSurfaces.put(from, to);
            String pluralFrom = plural(from);
            if (!nameSurfaces.containsKey(pluralFrom)) {
                String pluralTo = plural(to);
                nameSurfaces.put(pluralFrom, names.contains(surface(pluralTo)) ? pluralTo : to);
            }
        }

        Map<String, Attribute> attributes = new HashMap<>();
        JsonNode hierarchy = json("/gqa/meta/attribute_hierarchy.json");
        Map<String, List<String>> categories = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = hierarchy.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            String category = CATEGORY_SPELLING.getOrDefault(e.getKey().strip(), e.getKey().strip());
            for (JsonNode v : e.getValue()) {
                List<String> cs = categories.computeIfAbsent(surface(v.asText()), k -> new ArrayList<>());
                if (!cs.contains(category)) {
                    cs.add(category);
                }
            }
        }
        categories.forEach((v, cs) -> attributes.put(v, new Attribute(v, List.copyOf(cs))));
        for (String[] row : table(RESOURCES + "attributes.tsv", 3)) {
            String from = surface(row[0]);
            String value = GqaNames.clean(row[1]);
            String category = row[2].strip();
            Attribute known = attributes.get(surface(value));
            List<String> cs = new ArrayList<>();
            if (!category.isEmpty()) {
                cs.add(category);
            }
            if (known != null && !from.equals(surface(value))) {
                known.categories().stream().filter(c -> !cs.contains(c)).forEach(cs::add);
            }
            attributes.put(from, new Attribute(value, List.copyOf(cs)));
        }
        for (String line : lines("/gqa/meta/attr_gqa.txt")) {
            String v = surface(line);
            if (!line.equals("<unk>") && !v.isEmpty()) {
                attributes.putIfAbsent(v, new Attribute(GqaNames.clean(line), List.of()));
            }
        }

        Set<String> relationNames = new HashSet<>();
        Map<String, String> relations = new HashMap<>();
        for (String line : lines("/gqa/meta/rel_gqa.txt")) {
            if (!line.equals("<unk>") && !line.isBlank()) {
                String r = GqaNames.clean(line);
                relationNames.add(r);
                relations.put(surface(r), r);
            }
        }
        for (String r : relationNames) {
            String[] w = r.split(" ", 2);
            String rest = w.length > 1 ? " " + w[1] : "";
            for (String form : verbForms(w[0])) {
                relations.putIfAbsent(form + rest, r);
            }
        }
        for (String[] row : table(RESOURCES + "relations.tsv", 2)) {
            relations.put(surface(row[0]), GqaNames.clean(row[1]));
        }

        Map<String, String> comparatives = new HashMap<>();
        for (String[] row : table(RESOURCES + "comparatives.tsv", 2)) {
            comparatives.put(surface(row[0]), GqaNames.clean(row[1]));
        }
        Map<String, String> passives = new HashMap<>();
        for (String[] row : table(RESOURCES + "passives.tsv", 2)) {
            String participle = surface(row[0]);
            String relation = GqaNames.clean(row[1]);
            if (!relationNames.contains(relation) || relationNames.contains(participle + " by")) {
                // "pulled by" is a relation of its own; a passive must stand for a relation the graphs have
                throw new IllegalStateException("passives.tsv: " + participle + " -> " + relation
                        + (relationNames.contains(relation) ? ", but \"" + participle + " by\" is a GQA relation"
                                : ", not a GQA relation"));
            }
            passives.put(participle, relation);
        }
        return new GqaLexicon(vocabulary, names, superClasses, nameSurfaces, attributes, relations, relationNames,
                comparatives, passives);
    }

    /**
     * Returns the forms of a verb's present tense an {@code -ing} form stands for in questions: {@code wearing}
     * gives {@code wear, wears}; {@code riding} gives {@code ride, rides}; {@code sitting} gives {@code sit, sits};
     * {@code lying} gives {@code lie, lies}. Empty for words that are not {@code -ing} forms.
     */
    static List<String> verbForms(String ing) {
        if (!ing.endsWith("ing") || ing.length() < 5) {
            return List.of();
        }
        String stem = ing.substring(0, ing.length() - 3);
        List<String> bases = new ArrayList<>();
        if (ing.endsWith("ying") && stem.length() == 2) {
            bases.add(stem.charAt(0) + "ie");
        }
        int n = stem.length();
        if (n >= 3 && stem.charAt(n - 1) == stem.charAt(n - 2) && "bdgmnprt".indexOf(stem.charAt(n - 1)) >= 0) {
            bases.add(stem.substring(0, n - 1));
        } else {
            bases.add(stem);
            bases.add(stem + "e");
        }
        List<String> out = new ArrayList<>();
        for (String b : bases) {
            if (b.length() < 3) {
                continue;
            }
            out.add(b);
            out.add(thirdPerson(b));
        }
        return out;
    }

    private static String thirdPerson(String verb) {
        if (verb.endsWith("s") || verb.endsWith("sh") || verb.endsWith("ch") || verb.endsWith("x")
                || verb.endsWith("z") || verb.endsWith("o")) {
            return verb + "es";
        }
        if (verb.endsWith("y") && verb.length() > 1 && "aeiou".indexOf(verb.charAt(verb.length() - 2)) < 0) {
            return verb.substring(0, verb.length() - 1) + "ies";
        }
        return verb + "s";
    }

    /** Returns the English plural of a name's last word ({@code "wine glass"}: {@code "wine glasses"}). */
    static String plural(String name) {
        int sp = name.lastIndexOf(' ');
        String head = sp < 0 ? "" : name.substring(0, sp + 1);
        String w = name.substring(sp + 1);
        if (w.endsWith("s") || w.endsWith("sh") || w.endsWith("ch") || w.endsWith("x") || w.endsWith("z")) {
            return head + w + "es";
        }
        if (w.endsWith("y") && w.length() > 1 && "aeiou".indexOf(w.charAt(w.length() - 2)) < 0) {
            return head + w.substring(0, w.length() - 1) + "ies";
        }
        return head + w + "s";
    }

    /** Returns the lexicon form of a phrase: lower case, hyphens as blanks, single blanks. */
    static String surface(String phrase) {
        return phrase.strip().toLowerCase(Locale.ROOT).replace('-', ' ').replaceAll("\\s+", " ");
    }

    private static int maxWords(Set<String> keys) {
        int m = 1;
        for (String k : keys) {
            m = Math.max(m, k.split(" ").length);
        }
        return m;
    }

    /**
     * Returns the object names that start at a position, longest first: {@code "street sign"} before
     * {@code "street"}; synonyms give the name the scene graphs use ({@code trousers}: {@code pants}).
     */
    public List<Hit> names(List<String> words, int at) {
        List<Hit> out = new ArrayList<>();
        for (int n = Math.min(maxNameWords, words.size() - at); n >= 1; n--) {
            String key = String.join(" ", words.subList(at, at + n));
            String v = nameSurfaces.get(key);
            if (v == null && n == 2) {
                // a name written in two words: "side walk", "surf board", "art work"
                v = nameSurfaces.get(words.get(at) + words.get(at + 1));
            }
            if (v == null && key.endsWith("s")) {
                // a plural the scene graphs do not use ("signs"): the singular name ("sign")
                v = nameSurfaces.get(GqaNames.singular(key));
            }
            if (v != null) {
                out.add(new Hit(v, n));
            }
        }
        return out;
    }

    /** Returns the attribute words that start at a position, longest first ({@code "light blue"}, {@code "light"}). */
    public List<Hit> attributeWords(List<String> words, int at) {
        List<Hit> out = new ArrayList<>();
        for (int n = Math.min(maxAttributeWords, words.size() - at); n >= 1; n--) {
            String key = String.join(" ", words.subList(at, at + n));
            if (attributes.containsKey(key)) {
                out.add(new Hit(key, n));
            }
        }
        return out;
    }

    /** Returns the attribute a word (as returned by {@link #attributeWords}) stands for, or null. */
    public Attribute attribute(String surface) {
        return attributes.get(surface);
    }

    /** Returns the relations whose phrases start at a position, longest first ({@code "sits on"}: sitting on). */
    public List<Hit> relations(List<String> words, int at) {
        if (at >= words.size() || !relationFirstWords.contains(words.get(at))) {
            return List.of();
        }
        return lookup(relations, maxRelationWords, words, at);
    }

    /** Returns true for a relation name of GQA's programs ({@code "to the left of"}). */
    public boolean isRelation(String relation) {
        return relationNames.contains(relation);
    }

    /** Returns the comparative a word stands for ({@code "bigger"}: {@code "larger"}), or null. */
    public String comparative(String word) {
        return comparatives.get(word);
    }

    /**
     * Returns the relation of a passive at a position, a past participle followed by "by" ({@code worn by}: wearing,
     * as in "the shirt worn by the man"), or null; the phrase after "by" is the relation's subject.
     */
    public String passive(List<String> words, int at) {
        if (at + 1 >= words.size() || !words.get(at + 1).equals("by")) {
            return null;
        }
        return passives.get(words.get(at));
    }

    /** Returns the category a noun of a question names ({@code "colour"}: color), or null. */
    public String categoryNoun(String word) {
        String c = CATEGORY_NOUNS.get(word);
        if (c == null && word.endsWith("s") && word.length() > 3) {
            c = CATEGORY_NOUNS.get(GqaNames.singular(word));
        }
        return c;
    }

    /** Returns the category "How ADJ is ..." asks for ({@code tall}: height), or null. */
    public String howAdjective(String word) {
        return HOW_ADJECTIVES.get(word);
    }

    /** Returns true for a name of GQA's scene graphs as written ({@code "trees"}, {@code "street sign"}). */
    public boolean isName(String name) {
        return names.contains(surface(name));
    }

    /** Returns true for a super-class of the class hierarchy ({@code furniture}, {@code animal}). */
    public boolean isSuperClass(String name) {
        return superClasses.contains(surface(name)) || superClasses.contains(surface(GqaNames.singular(name)));
    }

    /** Returns true for a super-class that names a kind of thing ({@code animals}, {@code device}). */
    public boolean isKind(String name) {
        return KINDS.contains(surface(GqaNames.singular(name))) || KINDS.contains(surface(name));
    }

    /** Returns true when a name is a person or a kind of person ({@code woman}, {@code skier}, {@code he}). */
    public boolean isPerson(String name) {
        String s = GqaNames.singular(name);
        return s.equals("person") || s.equals("he") || s.equals("she") || s.equals("people")
                || vocabulary.parents(s).contains("person");
    }

    /**
     * Returns the most specific super-class two names share ({@code computer}, {@code cell phone}: device;
     * {@code bananas}, {@code oranges}: fruit rather than food), or null when they share none.
     */
    public String commonClass(String a, String b) {
        Set<String> shared = new HashSet<>(vocabulary.parents(GqaNames.singular(a)));
        shared.retainAll(vocabulary.parents(GqaNames.singular(b)));
        String best = null;
        for (String c : shared) {
            int size = classSizes().getOrDefault(c, 0);
            if (best == null || size < classSizes().getOrDefault(best, 0)
                    || size == classSizes().getOrDefault(best, 0) && c.compareTo(best) < 0) {
                best = c;
            }
        }
        return best;
    }

    private Map<String, Integer> classSizes() {
        Map<String, Integer> sizes = classSizes;
        if (sizes == null) {
            Map<String, Integer> count = new HashMap<>();
            for (String n : names) {
                for (String c : vocabulary.parents(n)) {
                    count.merge(c, 1, Integer::sum);
                }
            }
            sizes = Map.copyOf(count);
            classSizes = sizes;
        }
        return sizes;
    }

    /** Returns true when a name is an animal. */
    public boolean isAnimal(String name) {
        String s = GqaNames.singular(name);
        return s.equals("animal") || vocabulary.parents(s).contains("animal");
    }

    /**
     * Returns the singular of a name when GQA's names have it: {@code "trees"}: tree; {@code "fries"} stays
     * (there is no "fry").
     */
    public String singular(String name) {
        String s = GqaNames.singular(name);
        if (s.equals(name) || names.contains(surface(s)) || superClasses.contains(surface(s))
                || !names.contains(surface(name))) {
            return s;
        }
        return name;
    }

    /** Returns every word the lexicon knows, for completion. */
    public Set<String> words() {
        return words;
    }

    private static List<Hit> lookup(Map<String, String> table, int max, List<String> words, int at) {
        List<Hit> out = new ArrayList<>();
        for (int n = Math.min(max, words.size() - at); n >= 1; n--) {
            String v = table.get(String.join(" ", words.subList(at, at + n)));
            if (v != null) {
                out.add(new Hit(v, n));
            }
        }
        return out;
    }

    private static List<String> lines(String resource) {
        try (InputStream in = GqaLexicon.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new VqaspException("missing_resource", "bundled file " + resource + " not on the classpath");
            }
            List<String> out = new ArrayList<>();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    if (!line.isBlank()) {
                        out.add(line.strip());
                    }
                }
            }
            return out;
        } catch (IOException e) {
            throw new VqaspException("missing_resource", "cannot read bundled file " + resource, e);
        }
    }

    private static List<String[]> table(String resource, int columns) {
        List<String[]> out = new ArrayList<>();
        for (String line : lines(resource)) {
            if (line.startsWith("#")) {
                continue;
            }
            String[] row = line.split("\t", -1);
            if (row.length < columns - 1) {
                throw new VqaspException("missing_resource", resource + ": expected " + columns
                        + " tab-separated columns in \"" + line + "\"");
            }
            String[] full = new String[columns];
            for (int i = 0; i < columns; i++) {
                full[i] = i < row.length ? row[i] : "";
            }
            out.add(full);
        }
        return out;
    }

    private static JsonNode json(String resource) {
        try (InputStream in = GqaLexicon.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new VqaspException("missing_resource", "bundled file " + resource + " not on the classpath");
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new VqaspException("missing_resource", "cannot read bundled file " + resource, e);
        }
    }
}
