package org.vqasp.language.clevr.learned;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.vqasp.language.Contractions;

/**
 * Splits a question into lower-case words the way the learned parser reads them: contractions spelled out
 * ({@code isn't} is {@code is not}), a few joined words split ({@code infront}), digits kept, every other
 * character a separator. Stateless.
 */
public final class QuestionWords {

    /** Words typed joined that the parser reads apart ("non-metal" needs no entry: a hyphen separates words). */
    private static final Map<String, String> SPELLED = Map.of("infront", "in front");

    private QuestionWords() {
    }

    /**
     * Returns the words of a text.
     *
     * @param text any text; null reads as empty
     * @return the words, lower case, possibly empty
     */
    public static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        String t = Contractions.spellOut(text.toLowerCase(Locale.ROOT).replace('\u2019', '\'').replace('\u2018', '\''));
        StringBuilder word = new StringBuilder();
        for (int i = 0; i <= t.length(); i++) {
            char c = i < t.length() ? t.charAt(i) : ' ';
            boolean inner = c == '\'' && word.length() > 0 && i + 1 < t.length()
                    && Character.isLetter(t.charAt(i + 1));
            if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || inner) {
                word.append(c);
            } else if (word.length() > 0) {
                add(word.toString(), out);
                word.setLength(0);
            }
        }
        return out;
    }

    private static void add(String w, List<String> out) {
        String spelled = SPELLED.get(w);
        if (spelled != null) {
            for (String s : spelled.split(" ")) {
                out.add(s);
            }
            return;
        }
        if (w.endsWith("'s")) { // possessive: "the cube's colour" reads as "the cube colour"
            out.add(w.substring(0, w.length() - 2));
            return;
        }
        out.add(w.replace("'", ""));
    }
}
