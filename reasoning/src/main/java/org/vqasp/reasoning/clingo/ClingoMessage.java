package org.vqasp.reasoning.clingo;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One message clingo sent through its logger: a syntax error with its position, an unsafe variable, an
 * info message such as "atom does not occur in any rule head".
 *
 * <p>Messages are data: the distillation loop feeds them back to the rule proposer.
 *
 * @param code what kind of message clingo says it is
 * @param text the full text, as clingo wrote it (possibly several lines)
 * @param line the line in the program part it refers to, or 0 when it names none
 * @param column the column, or 0 when it names none
 */
public record ClingoMessage(Code code, String text, int line, int column) {

    /** clingo's {@code clingo_warning_t} codes. */
    public enum Code {
        /** An undefined arithmetic operation or weight. */
        OPERATION_UNDEFINED,
        /** A runtime error: syntax errors, unsafe variables and the like. */
        RUNTIME_ERROR,
        /** An atom that occurs in no rule head. */
        ATOM_UNDEFINED,
        /** A file included twice. */
        FILE_INCLUDED,
        /** A CSP variable without bounds. */
        VARIABLE_UNBOUNDED,
        /** A global variable in a tuple of an aggregate element. */
        GLOBAL_VARIABLE,
        /** Any other message. */
        OTHER;

        static Code of(int code) {
            Code[] all = values();
            return code >= 0 && code < all.length ? all[code] : OTHER;
        }
    }

    private static final Pattern POSITION = Pattern.compile("^[^:\\n]*:(\\d+):(\\d+)");

    /** Parses the position out of a message text such as {@code <block>:2:35-40: error: ...}. */
    static ClingoMessage of(int code, String text) {
        String t = text == null ? "" : text.strip();
        Matcher m = POSITION.matcher(t);
        int line = 0;
        int col = 0;
        if (m.find()) {
            line = Integer.parseInt(m.group(1));
            col = Integer.parseInt(m.group(2));
        }
        return new ClingoMessage(Code.of(code), t, line, col);
    }

    /** Returns true when clingo marked the message as an error (not a warning or info). */
    public boolean isError() {
        return text.contains(": error:") || code == Code.RUNTIME_ERROR && !text.contains(": info:");
    }

    @Override
    public String toString() {
        return text;
    }
}
