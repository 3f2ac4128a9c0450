package org.vqasp.core.clevr;

import java.util.Objects;

/**
 * A CLEVR question in the released v1.0 layout.
 *
 * @param split the split name
 * @param questionIndex the question's index, its identifier within the split
 * @param imageIndex the index of the image (and scene) it asks about
 * @param imageFilename the image file name
 * @param question the question text
 * @param answer the answer as a string ({@code "yes"}, {@code "3"}, {@code "large"}), or null (test split)
 * @param familyIndex {@code question_family_index}, or null when unknown
 * @param templateFilename the template file (generator output only), or null
 * @param templateIndex the template's index in its file, or null
 * @param program the functional program, or null (test split)
 */
public record ClevrQuestion(
        String split,
        long questionIndex,
        int imageIndex,
        String imageFilename,
        String question,
        String answer,
        Integer familyIndex,
        String templateFilename,
        Integer templateIndex,
        Program program) {

    /** Checks the text. */
    public ClevrQuestion {
        Objects.requireNonNull(question, "question");
    }

    /**
     * Returns the family name used in reports: the template file and index when known
     * ({@code "one_hop/2"}), else the family index ({@code "family 39"}), else {@code "unknown"}.
     */
    public String family() {
        if (templateFilename != null && templateIndex != null) {
            String f = templateFilename.endsWith(".json")
                    ? templateFilename.substring(0, templateFilename.length() - 5) : templateFilename;
            return f + "/" + templateIndex;
        }
        if (familyIndex != null) {
            return "family " + familyIndex;
        }
        return "unknown";
    }

    /** Returns a copy with another program (for parsed programs). */
    public ClevrQuestion withProgram(Program p) {
        return new ClevrQuestion(split, questionIndex, imageIndex, imageFilename, question, answer, familyIndex,
                templateFilename, templateIndex, p);
    }
}
