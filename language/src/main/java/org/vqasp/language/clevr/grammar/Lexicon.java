package org.vqasp.language.clevr.grammar;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The word classes of the CLEVR grammar parser, read from {@code lexicon.txt} next to this class: attribute
 * values with their synonyms, nouns, shape adjectives, attribute names, numbers, known misspellings and the
 * English words people use that the grammar does not read. Immutable and thread-safe.
 */
final class Lexicon {

    /** The four CLEVR attributes in the order of the fused filters (and of filter steps in programs). */
    static final List<String> ATTRIBUTES = List.of("size", "color", "material", "shape");

    /**
     * What one word says about the attributes of an object: {@code silver} = color gray, material metal.
     *
     * @param values the attribute values
     * @param alternatives for a word with several readings ({@code gold}: yellow or brown metal), each reading;
     *     empty otherwise (then {@code values} is the one reading)
     */
    record Values(Map<String, String> values, List<Map<String, String>> alternatives) {
        Values(Map<String, String> values) {
            this(values, List.of());
        }
    }

    /**
     * A noun.
     *
     * @param shape the shape, or null for "thing"
     * @param plural whether the word is a plural
     */
    record Noun(String shape, boolean plural) {
    }

    private final Map<String, Values> values = new HashMap<>();
    private final Map<String, Noun> nouns = new HashMap<>();
    private final Map<String, String> shapeAdjectives = new HashMap<>();
    private final Map<String, String> attributeNames = new HashMap<>();
    private final Map<String, Integer> numbers = new HashMap<>();
    private final Map<String, String> typos = new HashMap<>();
    private final Set<String> known = new HashSet<>();
    /** Multi-word entries, as word lists, longest first. */
    private final List<List<String>> phrases = new ArrayList<>();

    private Lexicon() {
    }

    /** Reads the bundled lexicon. */
    static Lexicon load() {
        Lexicon lex = new Lexicon();
        try (InputStream in = Lexicon.class.getResourceAsStream("lexicon.txt")) {
            if (in == null) {
                throw new IllegalStateException("lexicon.txt is missing from the classpath");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                lex.read(line.strip(), n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read lexicon.txt", e);
        }
        lex.phrases.sort((a, b) -> Integer.compare(b.size(), a.size()));
        return lex;
    }

    private void read(String line, int n) {
        if (line.isEmpty() || line.startsWith("#")) {
            return;
        }
        int colon = line.indexOf(':');
        if (colon < 0) {
            throw new IllegalStateException("lexicon.txt line " + n + ": expected CLASS KEY: words");
        }
        String[] head = line.substring(0, colon).trim().split("\\s+");
        String[] words = line.substring(colon + 1).trim().split("\\s+");
        for (String w : words) {
            known.add(w);
            if (w.contains("_")) {
                phrases.add(List.of(w.split("_")));
            }
        }
        switch (head[0]) {
            case "value" -> {
                for (String w : words) {
                    values.put(w, new Values(Map.of(head[1], head[2])));
                }
            }
            case "combo" -> {
                List<Map<String, String>> readings = new ArrayList<>();
                for (String color : head[1].split("\\|")) {
                    Map<String, String> m = new LinkedHashMap<>();
                    m.put("color", color);
                    m.put("material", head[2]);
                    readings.add(Collections.unmodifiableMap(m));
                }
                for (String w : words) {
                    values.put(w, readings.size() == 1 ? new Values(readings.get(0))
                            : new Values(Map.of("material", head[2]), List.copyOf(readings)));
                }
            }
            case "noun", "plural" -> {
                String shape = head[1].equals("thing") ? null : head[1];
                for (String w : words) {
                    nouns.put(w, new Noun(shape, head[0].equals("plural")));
                }
            }
            case "shapeadj" -> {
                for (String w : words) {
                    shapeAdjectives.put(w, head[1]);
                }
            }
            case "attr" -> {
                for (String w : words) {
                    attributeNames.put(w, head[1]);
                }
            }
            case "number" -> {
                for (String w : words) {
                    numbers.put(w, Integer.parseInt(head[1]));
                }
            }
            case "typo" -> {
                for (String w : words) {
                    typos.put(w, head[1]);
                }
                known.add(head[1]);
            }
            case "known" -> {
                // the words were added above
            }
            default -> throw new IllegalStateException("lexicon.txt line " + n + ": unknown class " + head[0]);
        }
    }

    /** Returns the attribute values a word names, or null. */
    Values values(String word) {
        return values.get(word);
    }

    /** Returns the noun a word is, or null. */
    Noun noun(String word) {
        return nouns.get(word);
    }

    /** Returns the shape an adjective names, or null. */
    String shapeAdjective(String word) {
        return shapeAdjectives.get(word);
    }

    /** Returns the attribute a word names ("colour" -> color), or null. */
    String attributeName(String word) {
        return attributeNames.get(word);
    }

    /** Returns the number a word names, or null. */
    Integer number(String word) {
        if (!word.isEmpty() && word.chars().allMatch(Character::isDigit) && word.length() < 4) {
            return Integer.parseInt(word);
        }
        return numbers.get(word);
    }

    /** Returns the correction of a known misspelling, or null. */
    String typo(String word) {
        return typos.get(word);
    }

    /** Returns whether the lexicon lists the word in any class. */
    boolean known(String word) {
        return known.contains(word);
    }

    /** Returns every word the lexicon lists. */
    Set<String> words() {
        return Collections.unmodifiableSet(known);
    }

    /** Returns the multi-word entries as word lists, longest first. */
    List<List<String>> phrases() {
        return phrases;
    }
}
