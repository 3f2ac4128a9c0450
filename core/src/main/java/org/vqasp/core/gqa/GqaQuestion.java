package org.vqasp.core.gqa;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A GQA question in the released layout ({@code *_balanced_questions.json}), with every key kept.
 *
 * <p>The known keys have fields; {@link #raw()} holds the whole item as read, unknown keys included.
 * {@link #semantic()} is the file's {@code semantic} list, or, when the file has none (as in logs that keep
 * only {@code semanticStr}), the list parsed from {@code semanticStr} by {@link SemanticString#parse}.
 *
 * @param id the question id (qid)
 * @param imageId the image (and scene graph) it asks about
 * @param question the question text
 * @param answer the short answer, or null (test splits)
 * @param fullAnswer the full-sentence answer, or null
 * @param semantic the program, empty when the file has neither {@code semantic} nor {@code semanticStr}
 * @param semanticStr the program as one string, or null
 * @param types the question types ({@link GqaTypes#NONE} when absent)
 * @param groups the balancing groups ({@link GqaGroups#NONE} when absent)
 * @param isBalanced whether the question is in the balanced set, or null
 * @param entailed ids of entailed questions
 * @param equivalent ids of equivalent questions
 * @param annotations the {@code annotations} object (token positions to object ids), or null
 * @param raw the whole item as read, with every key
 */
public record GqaQuestion(
        String id,
        String imageId,
        String question,
        String answer,
        String fullAnswer,
        List<GqaOperation> semantic,
        String semanticStr,
        GqaTypes types,
        GqaGroups groups,
        Boolean isBalanced,
        List<String> entailed,
        List<String> equivalent,
        JsonNode annotations,
        JsonNode raw) {

    /** Checks and copies the fields. */
    public GqaQuestion {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(imageId, "imageId");
        Objects.requireNonNull(question, "question");
        semantic = List.copyOf(semantic);
        types = types == null ? GqaTypes.NONE : types;
        groups = groups == null ? GqaGroups.NONE : groups;
        entailed = List.copyOf(entailed);
        equivalent = List.copyOf(equivalent);
        for (int i = 0; i < semantic.size(); i++) {
            for (int d : semantic.get(i).dependencies()) {
                if (d < 0 || d >= i) {
                    throw new IllegalArgumentException("semantic step " + i + " depends on step " + d
                            + ", which is not an earlier step");
                }
            }
        }
    }

    /**
     * Returns the family names this question is reported under: {@code "structural/<type>"} and
     * {@code "semantic/<type>"} for the types the file gives (none when it gives none).
     */
    public List<String> families() {
        List<String> out = new ArrayList<>(2);
        if (types.structural() != null) {
            out.add("structural/" + types.structural());
        }
        if (types.semantic() != null) {
            out.add("semantic/" + types.semantic());
        }
        return out;
    }
}
