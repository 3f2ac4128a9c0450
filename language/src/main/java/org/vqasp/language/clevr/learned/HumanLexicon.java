package org.vqasp.language.clevr.learned;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vqasp.world.ClevrVocabulary;

/**
 * The words people use for CLEVR's values and relations, each mapped to the value it names: a concept.
 *
 * <p>A concept is one of CLEVR's attribute values ({@code red}, {@code cube}, {@code metal}, {@code large}, ...), one
 * of its four relations ({@code left}, {@code right}, {@code behind}, {@code front}) or {@code thing}. The lexicon
 * holds the generator's own synonyms ({@code ball}, {@code block}, {@code shiny}, {@code matte}, {@code big},
 * {@code tiny}, ...) and the words CLEVR-Humans writers use for the same values ({@code box}, {@code square},
 * {@code round}, {@code silver}, {@code gold}, {@code teal}, {@code aqua}, {@code reflective}, {@code dull}, ...),
 * singular and plural, also comparative and superlative size words ({@code bigger}, {@code largest}); a superlative
 * is a different question, but it still names the value, and the words themselves tell the model the difference.
 *
 * <p>The learned parser feeds each word's concept to its encoder next to the word, so that a value word the
 * training data rarely shows still points at its value; the answer-search labeller reads the values a question
 * mentions from it. Stateless; the tables are immutable.
 */
public final class HumanLexicon {

    /** Concepts in a fixed order; index 0 of {@link #conceptId} is "no concept". */
    public static final List<String> CONCEPTS;

    private static final Map<String, String> WORDS = new LinkedHashMap<>();
    private static final Map<String, String> KIND = new LinkedHashMap<>();

    static {
        List<String> c = new ArrayList<>();
        c.addAll(ClevrVocabulary.SIZES);
        c.addAll(ClevrVocabulary.COLORS);
        c.addAll(ClevrVocabulary.MATERIALS);
        c.addAll(ClevrVocabulary.SHAPES);
        c.addAll(ProgramGrammar.RELATIONS);
        c.add("thing");
        CONCEPTS = List.copyOf(c);
        ClevrVocabulary.SIZES.forEach(v -> KIND.put(v, "size"));
        ClevrVocabulary.COLORS.forEach(v -> KIND.put(v, "color"));
        ClevrVocabulary.MATERIALS.forEach(v -> KIND.put(v, "material"));
        ClevrVocabulary.SHAPES.forEach(v -> KIND.put(v, "shape"));
        ProgramGrammar.RELATIONS.forEach(v -> KIND.put(v, "relation"));
        KIND.put("thing", "thing");

        words("large", "large", "big", "larger", "bigger", "largest", "biggest", "huge");
        words("small", "small", "tiny", "little", "smaller", "smallest", "smallestt", "tinier", "tiniest");
        words("gray", "gray", "grey", "silver");
        words("red", "red", "maroon");
        words("blue", "blue", "navy");
        words("green", "green");
        words("brown", "brown", "bronze", "copper", "tan");
        words("purple", "purple", "violet", "magenta");
        words("cyan", "cyan", "teal", "aqua", "turquoise", "turqoise");
        words("yellow", "yellow", "gold", "golden");
        words("rubber", "rubber", "matte", "matt", "dull", "plastic", "rubbery");
        words("metal", "metal", "metallic", "metalic", "shiny", "reflective", "metals", "shinier", "shiniest");
        words("cube", "cube", "cubes", "block", "blocks", "box", "boxes", "square", "squares", "cubic", "cubed",
                "cuboid", "cuboids");
        words("sphere", "sphere", "spheres", "ball", "balls", "round", "circle", "circles", "spherical", "orb",
                "orbs", "circular");
        words("cylinder", "cylinder", "cylinders", "cylindrical", "tube", "tubes");
        words("left", "left", "leftmost");
        words("right", "right", "rightmost");
        words("behind", "behind", "back", "rear", "background");
        words("front", "front", "infront", "foreground");
        words("thing", "thing", "things", "object", "objects", "item", "items", "shapes");
    }

    private static void words(String concept, String... words) {
        for (String w : words) {
            WORDS.put(w, concept);
        }
    }

    private HumanLexicon() {
    }

    /** Returns the concept a word names, or null. */
    public static String concept(String word) {
        return WORDS.get(word);
    }

    /** Returns the concept's index plus one (0: the word names no concept). */
    public static int conceptId(String word) {
        String c = WORDS.get(word);
        return c == null ? 0 : CONCEPTS.indexOf(c) + 1;
    }

    /**
     * Returns the kind of a concept: {@code size}, {@code color}, {@code material}, {@code shape},
     * {@code relation} or {@code thing}.
     */
    public static String kind(String concept) {
        return KIND.get(concept);
    }

    /** Returns every word of a concept, in the order listed. */
    public static List<String> words(String concept) {
        List<String> out = new ArrayList<>();
        WORDS.forEach((w, c) -> {
            if (c.equals(concept)) {
                out.add(w);
            }
        });
        return Collections.unmodifiableList(out);
    }

    /** Returns every word the lexicon knows. */
    public static List<String> allWords() {
        return List.copyOf(WORDS.keySet());
    }
}
