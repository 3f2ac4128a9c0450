package org.vqasp.distill;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes the rules out of a reply: the contents of its fenced code blocks ({@code ```asp ... ```}, any language
 * tag or none), joined; a block left open at the end of a truncated reply counts up to the end. A reply with no
 * fence is taken whole, so that clingo's messages point at what is wrong with it.
 */
public final class RuleExtractor {

    private static final Pattern FENCE = Pattern.compile("(?m)^[ \\t]*```[ \\t]*([A-Za-z0-9_+-]*)[ \\t]*$");

    private RuleExtractor() {
    }

    /**
     * Extracts the rule text of a reply.
     *
     * @param reply the reply
     * @return the rules, stripped (empty when there are none)
     */
    public static String extract(String reply) {
        Matcher m = FENCE.matcher(reply);
        List<String> blocks = new ArrayList<>();
        while (m.find()) {
            int start = m.end();
            if (m.find()) {
                blocks.add(reply.substring(start, m.start()));
            } else {
                blocks.add(reply.substring(start));
                break;
            }
        }
        if (blocks.isEmpty()) {
            return reply.strip();
        }
        StringBuilder sb = new StringBuilder();
        for (String b : blocks) {
            String s = b.strip();
            if (!s.isEmpty()) {
                sb.append(s).append('\n');
            }
        }
        return sb.toString().strip();
    }
}
