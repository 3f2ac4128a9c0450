package org.vqasp.language.clevr.grammar;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.vqasp.language.Contractions;
import org.vqasp.language.EditDistance;

/**
 * Turns a question as people type it into the grammar's words: lower case, contractions spelled out
 * ({@code isn't} -> {@code is not}, {@code that's} -> {@code that is}, possessive {@code 's} dropped), hyphens and
 * punctuation as spaces, a negative question read as the positive one it asks ({@code isn't there a red cube}),
 * misspellings corrected (the lexicon's list of known misspellings, else the one grammar
 * word within a small edit distance), multi-word lexicon entries joined ({@code light blue} -> {@code light_blue})
 * and filler dropped ("in the picture", "pictured", "can you see").
 */
final class Normalizer {

    /**
     * The normalized words of a question.
     *
     * @param words the words the grammar reads
     * @param corrections the corrections made, as {@code "thew->the"}
     * @param unknown words neither the grammar nor the lexicon knows, after correction
     */
    record Words(List<String> words, List<String> corrections, List<String> unknown) {
    }

    /** A negative question asks what the positive one asks: "isn't there a red cube" (yes when there is one). */
    private static final Pattern NEGATIVE_QUESTION =
            Pattern.compile("^\\s*(is|are|does|do|was|were|can|has|have) not ");
    private static final Pattern POSSESSIVE = Pattern.compile("(\\w)'s\\b");
    private static final Pattern NON_WORD = Pattern.compile("[^a-z0-9_ ]+");

    /** Filler phrases, as word lists; removed wherever they occur (longest first). */
    private static final List<List<String>> FILLER = phrases(
            "in the picture", "in this picture", "of the picture", "of this picture", "on the picture",
            "in the image", "in this image", "of the image", "of this image", "on the image",
            "in the photo", "in this photo", "of the photo", "of this photo", "in the photograph",
            "in the scene", "in this scene", "of the scene", "in the pic", "in this pic", "of the pic",
            "on the screen", "of the screen", "in the frame", "of the frame", "in view", "in this group",
            "in the group", "in the grouping", "in this grouping", "from the camera view", "from this view",
            "can you see", "do you see", "can be seen", "you can see", "that you can see", "that you see",
            "of all sizes", "of any size", "of all colors", "of any color", "of all shapes", "of all materials",
            "regardless of size", "regardless of color", "regardless of material", "or not",
            "in total", "all together", "altogether", "total", "here", "please", "exactly", "currently",
            "overall", "also", "directly", "immediately", "very", "just", "pictured", "shown", "present",
            "visible", "depicted", "displayed", "actually", "located", "positioned", "situated", "placed",
            "sitting", "standing", "lying", "combined", "together", "found", "in this", "exact");

    private final Lexicon lexicon;
    private final Set<String> grammarWords;
    private volatile List<String> candidates;

    /**
     * Creates a normalizer.
     *
     * @param lexicon the lexicon
     * @param grammarWords the literal words of the grammar's rules (function words, relation words)
     */
    Normalizer(Lexicon lexicon, Set<String> grammarWords) {
        this.lexicon = lexicon;
        this.grammarWords = grammarWords;
    }

    private static List<List<String>> phrases(String... texts) {
        List<List<String>> out = new ArrayList<>();
        for (String t : texts) {
            out.add(List.of(t.split(" ")));
        }
        out.sort((a, b) -> Integer.compare(b.size(), a.size()));
        return out;
    }

    /** Normalizes a question. */
    Words normalize(String text) {
        String s = text.toLowerCase(Locale.ROOT).replace('\u2019', '\'').replace('`', '\'');
        s = Contractions.spellOut(s);
        s = NEGATIVE_QUESTION.matcher(s).replaceFirst("$1 ");
        s = POSSESSIVE.matcher(s).replaceAll("$1");
        s = s.replace('-', ' ').replace('/', ' ');
        s = NON_WORD.matcher(s).replaceAll(" ").trim();
        List<String> raw = new ArrayList<>();
        for (String w : s.split("\\s+")) {
            // a word typed twice ("the the") counts once
            if (!w.isEmpty() && (raw.isEmpty() || !raw.get(raw.size() - 1).equals(w))) {
                raw.add(w);
            }
        }
        List<String> corrections = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        List<String> words = new ArrayList<>();
        for (String w : raw) {
            String c = correct(w);
            if (c == null) {
                if (!unknown.contains(w)) {
                    unknown.add(w);
                }
                words.add(w);
            } else {
                if (!c.equals(w)) {
                    corrections.add(w + "->" + c.replace('_', ' '));
                }
                for (String part : c.split("_")) {
                    words.add(part);
                }
            }
        }
        words = expandShortForms(words);
        words = join(words, lexicon.phrases());
        words = dropFiller(words);
        return new Words(List.copyOf(words), List.copyOf(corrections), List.copyOf(unknown));
    }

    /** Spells out {@code whats} and the like, which lose their apostrophe. */
    private static List<String> expandShortForms(List<String> words) {
        List<String> out = new ArrayList<>(words.size() + 2);
        for (String w : words) {
            switch (w) {
                case "whats" -> {
                    out.add("what");
                    out.add("is");
                }
                case "theres" -> {
                    out.add("there");
                    out.add("is");
                }
                case "isnt", "arent", "doesnt", "dont" -> {
                    out.add(w.substring(0, w.length() - 2));
                    out.add("not");
                }
                default -> out.add(w);
            }
        }
        return out;
    }

    private boolean isKnown(String w) {
        return lexicon.known(w) || grammarWords.contains(w) || lexicon.number(w) != null;
    }

    /** Returns the word itself when known, its correction, or null when it is neither. */
    String correct(String w) {
        String t = lexicon.typo(w);
        if (t != null) {
            return t;
        }
        if (isKnown(w)) {
            return w;
        }
        if (w.length() < 3) {
            return null;
        }
        int limit = w.length() >= 8 ? 2 : 1;
        String best = null;
        int bestDistance = limit + 1;
        boolean tie = false;
        for (String candidate : candidates()) {
            if (Math.abs(candidate.length() - w.length()) > limit || candidate.contains("_")) {
                continue;
            }
            int d = EditDistance.of(w, candidate, limit);
            if (d < bestDistance) {
                bestDistance = d;
                best = candidate;
                tie = false;
            } else if (d == bestDistance && d <= limit) {
                tie = true;
            }
        }
        if (best == null || tie) {
            return null;
        }
        // three-letter words are only corrected by a swap of two letters ("hte")
        if (w.length() == 3 && !(sameLetters(w, best))) {
            return null;
        }
        return best;
    }

    private List<String> candidates() {
        List<String> c = candidates;
        if (c == null) {
            java.util.Set<String> all = new java.util.TreeSet<>(lexicon.words());
            all.addAll(grammarWords);
            c = List.copyOf(all);
            candidates = c;
        }
        return c;
    }

    private static boolean sameLetters(String a, String b) {
        char[] x = a.toCharArray();
        char[] y = b.toCharArray();
        java.util.Arrays.sort(x);
        java.util.Arrays.sort(y);
        return java.util.Arrays.equals(x, y);
    }

    private static List<String> join(List<String> words, List<List<String>> phrases) {
        List<String> out = new ArrayList<>(words.size());
        int i = 0;
        outer:
        while (i < words.size()) {
            for (List<String> p : phrases) {
                if (i + p.size() <= words.size() && words.subList(i, i + p.size()).equals(p)) {
                    out.add(String.join("_", p));
                    i += p.size();
                    continue outer;
                }
            }
            out.add(words.get(i++));
        }
        return out;
    }

    private static List<String> dropFiller(List<String> words) {
        List<String> out = new ArrayList<>(words.size());
        int i = 0;
        outer:
        while (i < words.size()) {
            for (List<String> p : FILLER) {
                if (i + p.size() <= words.size() && words.subList(i, i + p.size()).equals(p)) {
                    i += p.size();
                    continue outer;
                }
            }
            out.add(words.get(i++));
        }
        return out;
    }

}
