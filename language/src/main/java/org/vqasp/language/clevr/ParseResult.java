package org.vqasp.language.clevr;

import java.util.Objects;
import org.vqasp.core.clevr.Program;

/**
 * What {@link ClevrQuestionParser} made of a question: a program with the template it came from, or a "not
 * understood" answer naming the closest template.
 */
public sealed interface ParseResult permits ParseResult.Parsed, ParseResult.NotUnderstood {

    /**
     * A question read as a program, in the released expanded form.
     *
     * @param program the program, step for step as the generator writes it
     * @param templateFilename the template file, such as {@code one_hop.json}
     * @param templateIndex the template's index in its file
     */
    record Parsed(Program program, String templateFilename, int templateIndex) implements ParseResult {
        /** Checks the fields. */
        public Parsed {
            Objects.requireNonNull(program, "program");
            Objects.requireNonNull(templateFilename, "templateFilename");
        }
    }

    /**
     * A text that matches no template.
     *
     * @param message one line for people: the text, why, the unknown words if any, and the closest template
     * @param reason the part of the message that says what was wrong, without the text or the closest template
     *     ({@code "matches no CLEVR question template; unknown words: unicorns"})
     * @param closestTemplateText the text of the closest template, with its placeholders
     *     ({@code "How many <Z> <C> <M> <S>s are there?"})
     */
    record NotUnderstood(String message, String reason, String closestTemplateText) implements ParseResult {
        /** Checks the fields. */
        public NotUnderstood {
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(closestTemplateText, "closestTemplateText");
        }
    }
}
