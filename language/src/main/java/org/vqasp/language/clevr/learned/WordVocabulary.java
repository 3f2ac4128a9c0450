package org.vqasp.language.clevr.learned;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.vqasp.language.EditDistance;

/**
 * The words a learned parser knows, with the unknown-word path: a word outside the vocabulary is read as the most
 * frequent known word one edit away (a deletion, insertion, substitution or swap of neighbours; two edits for
 * words of eight letters or more), and as {@code <unk>} when there is none.
 *
 * <p>Id 0 is padding, id 1 is {@code <unk>}, then the words in the order given. Thread-safe: corrections are
 * cached in a concurrent map.
 */
public final class WordVocabulary {

    /** The padding id. */
    public static final int PAD = 0;
    /** The unknown-word id. */
    public static final int UNK = 1;

    private final List<String> words;
    private final Map<String, Integer> ids = new HashMap<>();
    private final int[] counts;
    private final Map<String, String> corrections = new ConcurrentHashMap<>();

    /**
     * Creates a vocabulary.
     *
     * @param words known words, most frequent first, without duplicates
     * @param counts how often each word was seen (the tie-break of corrections), same order
     */
    public WordVocabulary(List<String> words, List<Integer> counts) {
        if (words.size() != counts.size()) {
            throw new IllegalArgumentException(words.size() + " words but " + counts.size() + " counts");
        }
        List<String> all = new ArrayList<>(List.of("<pad>", "<unk>"));
        all.addAll(words);
        this.words = List.copyOf(all);
        this.counts = new int[all.size()];
        for (int i = 0; i < all.size(); i++) {
            if (ids.put(all.get(i), i) != null) {
                throw new IllegalArgumentException("word \"" + all.get(i) + "\" is listed twice");
            }
            this.counts[i] = i < 2 ? 0 : counts.get(i - 2);
        }
    }

    /**
     * Builds a vocabulary from word counts: every word seen at least {@code minCount} times, most frequent first
     * (ties alphabetically), plus every word of the {@link HumanLexicon}.
     */
    public static WordVocabulary fromCounts(Map<String, Integer> counts, int minCount) {
        Map<String, Integer> kept = new LinkedHashMap<>();
        counts.forEach((w, c) -> {
            if (c >= minCount) {
                kept.put(w, c);
            }
        });
        for (String w : HumanLexicon.allWords()) {
            kept.putIfAbsent(w, 1);
        }
        List<Map.Entry<String, Integer>> sorted = new ArrayList<>(kept.entrySet());
        sorted.sort((a, b) -> a.getValue().equals(b.getValue()) ? a.getKey().compareTo(b.getKey())
                : Integer.compare(b.getValue(), a.getValue()));
        return new WordVocabulary(sorted.stream().map(Map.Entry::getKey).toList(),
                sorted.stream().map(Map.Entry::getValue).toList());
    }

    /** Returns the number of ids, padding and {@code <unk>} included. */
    public int size() {
        return words.size();
    }

    /** Returns the known words (without padding and {@code <unk>}), in id order. */
    public List<String> words() {
        return Collections.unmodifiableList(words.subList(2, words.size()));
    }

    /** Returns the counts of {@link #words()}. */
    public List<Integer> counts() {
        List<Integer> out = new ArrayList<>();
        for (int i = 2; i < counts.length; i++) {
            out.add(counts[i]);
        }
        return out;
    }

    /** Returns whether a word is known as it is. */
    public boolean contains(String word) {
        return ids.containsKey(word);
    }

    /** Returns the word of an id. */
    public String word(int id) {
        return words.get(id);
    }

    /**
     * Returns the known word a word is read as: itself, its correction, or {@code <unk>}.
     */
    public String read(String word) {
        if (ids.containsKey(word)) {
            return word;
        }
        return corrections.computeIfAbsent(word, this::correct);
    }

    /** Returns the id of a word after correction. */
    public int id(String word) {
        return ids.get(read(word));
    }

    private String correct(String w) {
        if (w.length() < 3 || w.chars().allMatch(Character::isDigit)) {
            return "<unk>";
        }
        int limit = w.length() >= 8 ? 2 : 1;
        String best = "<unk>";
        int bestDistance = Integer.MAX_VALUE;
        int bestCount = -1;
        for (int i = 2; i < words.size(); i++) {
            String k = words.get(i);
            if (Math.abs(k.length() - w.length()) > limit || k.length() < 3) {
                continue;
            }
            int d = EditDistance.of(w, k, limit);
            if (d <= limit && (d < bestDistance || d == bestDistance && counts[i] > bestCount)) {
                best = k;
                bestDistance = d;
                bestCount = counts[i];
            }
        }
        return best;
    }
}
