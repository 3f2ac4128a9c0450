package org.vqasp.core.gqa;

/**
 * The {@code types} of a GQA question; any may be null when the file leaves it out.
 *
 * @param structural verify, query, choose, logical or compare
 * @param semantic obj, attr, rel, cat or global
 * @param detailed the fine-grained type, such as {@code "verifyAttr"} or {@code "relS"}
 */
public record GqaTypes(String structural, String semantic, String detailed) {

    /** Types of a question that has none. */
    public static final GqaTypes NONE = new GqaTypes(null, null, null);
}
