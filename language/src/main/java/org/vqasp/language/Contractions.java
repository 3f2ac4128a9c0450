package org.vqasp.language;

import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Spells out the contractions people type, for every parser: {@code isn't} is {@code is not}, {@code what's} is
 * {@code what is}, {@code they're} is {@code they are}, and the same typed without the apostrophe ({@code isnt},
 * {@code whats}). A possessive {@code 's} ({@code the cube's colour}) is left as it is: each parser reads it its own
 * way. Stateless.
 */
public final class Contractions {

    /** Contractions that do not follow the rules of {@link #spell}, and common ones typed without the apostrophe. */
    private static final Map<String, String> IRREGULAR = Map.ofEntries(
            Map.entry("can't", "can not"), Map.entry("cannot", "can not"), Map.entry("won't", "will not"),
            Map.entry("isnt", "is not"), Map.entry("arent", "are not"), Map.entry("doesnt", "does not"),
            Map.entry("dont", "do not"), Map.entry("didnt", "did not"), Map.entry("wasnt", "was not"),
            Map.entry("werent", "were not"), Map.entry("hasnt", "has not"), Map.entry("havent", "have not"),
            Map.entry("whats", "what is"), Map.entry("theres", "there is"));

    /** Words whose {@code 's} is "is" rather than a possessive: {@code it's}, {@code where's}. */
    private static final Set<String> IS = Set.of("it", "that", "what", "there", "here", "where", "who", "how",
            "which", "this", "one", "he", "she");

    private static final Map<String, String> SUFFIXES = Map.of("n't", "not", "'re", "are", "'ve", "have",
            "'ll", "will", "'m", "am", "'d", "would");

    private static final Pattern WORD = Pattern.compile("[a-z0-9']+");

    private Contractions() {
    }

    /**
     * Returns what a word spells out to, or null when it is not a contraction.
     *
     * @param word one lower-case word, with its apostrophe ({@code isn't}) or without ({@code isnt})
     */
    public static String spell(String word) {
        String w = word.replace('\u2019', '\'');
        String irregular = IRREGULAR.get(w);
        if (irregular != null) {
            return irregular;
        }
        for (Map.Entry<String, String> e : SUFFIXES.entrySet()) {
            if (w.endsWith(e.getKey()) && w.length() > e.getKey().length()) {
                return w.substring(0, w.length() - e.getKey().length()) + " " + e.getValue();
            }
        }
        if (w.endsWith("'s") && IS.contains(w.substring(0, w.length() - 2))) {
            return w.substring(0, w.length() - 2) + " is";
        }
        return null;
    }

    /**
     * Returns a lower-case text with its contractions spelled out and everything else as it was.
     *
     * @param text lower-case text
     */
    public static String spellOut(String text) {
        Matcher m = WORD.matcher(text.replace('\u2019', '\''));
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String spelled = spell(m.group());
            m.appendReplacement(out, Matcher.quoteReplacement(spelled == null ? m.group() : spelled));
        }
        m.appendTail(out);
        return out.toString();
    }
}
