package org.vqasp.core.gqa;

/**
 * The {@code groups} of a GQA question (balancing groups); either may be null.
 *
 * @param global the global group, such as {@code ""} or null
 * @param local the local group, such as {@code "06-sky_dark"}
 */
public record GqaGroups(String global, String local) {

    /** Groups of a question that has none. */
    public static final GqaGroups NONE = new GqaGroups(null, null);
}
