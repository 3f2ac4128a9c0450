package org.vqasp.reasoning.gqa;

import java.util.Map;
import org.vqasp.core.gqa.GqaNames;

/**
 * Compares answers the way GQA does: as short lower-case strings. Both sides are normalised (lower case,
 * single blanks, no surrounding punctuation, no leading article); an answer also matches when the two differ
 * only in number ({@code "horse"} for {@code "horses"}): the reasoner answers with the scene graph's name and
 * some gold answers are only known up to number (see {@code samples/gqa/SOURCES.md}).
 */
public final class GqaAnswers {

    private static final Map<String, String> RELATION_ANSWERS = Map.of(
            "to the left of", "left", "to the right of", "right", "in front of", "front");

    private GqaAnswers() {
    }

    /**
     * Returns an answer in normal form.
     *
     * @param answer the answer
     * @return lower case, trimmed, single blanks, without surrounding punctuation or a leading article
     */
    public static String normalize(String answer) {
        String a = GqaNames.clean(answer).replaceAll("^[\\p{Punct}\\s]+|[\\p{Punct}\\s]+$", "");
        for (String article : new String[] {"a ", "an ", "the "}) {
            if (a.startsWith(article) && a.length() > article.length()) {
                a = a.substring(article.length());
                break;
            }
        }
        return a;
    }

    /**
     * Returns true when a predicted answer counts as the gold one.
     *
     * @param predicted the predicted answer, or null
     * @param gold the gold answer, or null
     */
    public static boolean matches(String predicted, String gold) {
        if (predicted == null || gold == null) {
            return false;
        }
        String p = normalize(predicted);
        String g = normalize(gold);
        return p.equals(g) || GqaNames.singular(p).equals(GqaNames.singular(g));
    }

    /**
     * Returns the answer GQA gives for a chosen relation: {@code left} for {@code to the left of},
     * {@code front} for {@code in front of}, else the relation itself.
     */
    public static String relationAnswer(String relation) {
        String r = GqaNames.clean(relation);
        return RELATION_ANSWERS.getOrDefault(r, r);
    }
}
