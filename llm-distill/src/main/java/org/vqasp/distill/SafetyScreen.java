package org.vqasp.distill;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Refuses untrusted rule text before clingo sees it: replies and rules above a size, scripts
 * ({@code #script}, which the {@code clingo} program runs: it has Python), file inclusion ({@code #include}), calls
 * of external functions ({@code @f(X)}), and every other directive ({@code #show}, {@code #const},
 * {@code #program}, {@code #external}...), since a candidate is rules only. Aggregate and term keywords
 * ({@code #count}, {@code #sum}, {@code #min}, {@code #max}, {@code #true}, {@code #false}, {@code #inf},
 * {@code #sup}) are allowed. Comments and strings are skipped the way clingo's lexer skips them.
 *
 * <p>What the text cannot show, a grounding that explodes or never ends, is the {@link org.vqasp.reasoning.clingo.GuardedClingo}'s job.
 */
public final class SafetyScreen {

    /** The default largest reply accepted, in characters. */
    public static final int DEFAULT_MAX_REPLY_CHARS = 20_000;
    /** The default largest rule text accepted, in characters. */
    public static final int DEFAULT_MAX_RULE_CHARS = 4_000;
    /** The default most statements accepted in one proposal. */
    public static final int DEFAULT_MAX_STATEMENTS = 24;

    private static final Pattern DIRECTIVE = Pattern.compile("#\\s*([A-Za-z_]+)");
    private static final Set<String> ALLOWED = Set.of("count", "sum", "min", "max", "true", "false", "inf", "sup");

    private final int maxReplyChars;
    private final int maxRuleChars;
    private final int maxStatements;

    /**
     * Creates a screen.
     *
     * @param maxReplyChars the largest reply accepted, in characters
     * @param maxRuleChars the largest rule text accepted, in characters
     * @param maxStatements the most statements accepted
     */
    public SafetyScreen(int maxReplyChars, int maxRuleChars, int maxStatements) {
        if (maxReplyChars < 1 || maxRuleChars < 1 || maxStatements < 1) {
            throw new IllegalArgumentException("limits must be positive, were " + maxReplyChars + ", " + maxRuleChars
                    + ", " + maxStatements);
        }
        this.maxReplyChars = maxReplyChars;
        this.maxRuleChars = maxRuleChars;
        this.maxStatements = maxStatements;
    }

    /** Creates a screen with the default limits. */
    public SafetyScreen() {
        this(DEFAULT_MAX_REPLY_CHARS, DEFAULT_MAX_RULE_CHARS, DEFAULT_MAX_STATEMENTS);
    }

    /**
     * Checks a whole reply's size.
     *
     * @return why it is refused, or empty
     */
    public Optional<String> checkReply(String reply) {
        if (reply.length() > maxReplyChars) {
            return Optional.of("oversized reply: " + reply.length() + " characters, at most " + maxReplyChars
                    + " are accepted");
        }
        return Optional.empty();
    }

    /**
     * Checks rule text extracted from a reply.
     *
     * @return why it is refused, or empty
     */
    public Optional<String> checkRules(String rules) {
        if (rules.length() > maxRuleChars) {
            return Optional.of("oversized rules: " + rules.length() + " characters, at most " + maxRuleChars
                    + " are accepted");
        }
        String code = AspSource.code(rules);
        Matcher m = DIRECTIVE.matcher(code);
        while (m.find()) {
            String d = m.group(1).toLowerCase();
            if (d.equals("script")) {
                return Optional.of("script block (#script) at line " + line(code, m.start()) + ": scripts are refused");
            }
            if (d.equals("include")) {
                return Optional.of("file inclusion (#include) at line " + line(code, m.start())
                        + ": including files is refused");
            }
            if (!ALLOWED.contains(d)) {
                return Optional.of("directive #" + m.group(1) + " at line " + line(code, m.start())
                        + ": a proposal holds rules only");
            }
        }
        int at = code.indexOf('@');
        if (at >= 0) {
            return Optional.of("external function call (@) at line " + line(code, at)
                    + ": calls of external functions are refused");
        }
        int statements = TheoryText.parse(rules).statements().size();
        if (statements > maxStatements) {
            return Optional.of("oversized rules: " + statements + " statements, at most " + maxStatements
                    + " are accepted");
        }
        return Optional.empty();
    }

    private static int line(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
