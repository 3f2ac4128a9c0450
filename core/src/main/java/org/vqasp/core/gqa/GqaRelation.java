package org.vqasp.core.gqa;

import java.util.Objects;

/**
 * One outgoing relation of a GQA scene-graph object: the object holding it is the subject,
 * {@code object} the id of the other object ("pipe" {@code on} "wall" is held by the pipe).
 *
 * @param name the relation name, such as {@code "to the left of"}
 * @param object the id of the relation's object
 */
public record GqaRelation(String name, String object) {

    /** Checks the fields. */
    public GqaRelation {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(object, "object");
        if (name.isBlank()) {
            throw new IllegalArgumentException("relation name is blank");
        }
    }
}
