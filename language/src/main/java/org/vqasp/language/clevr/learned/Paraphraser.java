package org.vqasp.language.clevr.learned;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites a question the way people vary it while keeping its meaning, to train the learned parser on more than
 * the generator's sentences: whole-sentence forms ("What color is X?" as "X is what color?", "How many X are there?"
 * as "Count the X."), the words people use for values ({@code ball}, {@code box}, {@code shiny}, {@code matte},
 * {@code big}, {@code tiny}, {@code grey}, {@code item}, ...), filler ("in the picture"), dropped articles and
 * relative pronouns, and typing errors. Each change happens with a fixed probability, drawn from the given random
 * source only, so the same seed gives the same paraphrase. Stateless and thread-safe.
 */
public final class Paraphraser {

    /** One whole-sentence rewrite: a pattern over the lower-case question and its replacement forms. */
    private record Rule(Pattern pattern, String[] forms) {
    }

    private static final List<Rule> RULES = new ArrayList<>();
    private static final Map<String, String[]> SYNONYMS = Map.ofEntries(
            Map.entry("sphere", new String[] {"sphere", "ball", "ball", "sphere"}),
            Map.entry("spheres", new String[] {"spheres", "balls", "balls", "spheres"}),
            Map.entry("ball", new String[] {"ball", "sphere"}),
            Map.entry("balls", new String[] {"balls", "spheres"}),
            Map.entry("cube", new String[] {"cube", "block", "box", "cube", "block", "square"}),
            Map.entry("cubes", new String[] {"cubes", "blocks", "boxes", "cubes", "blocks", "squares"}),
            Map.entry("block", new String[] {"block", "cube", "box"}),
            Map.entry("blocks", new String[] {"blocks", "cubes", "boxes"}),
            Map.entry("thing", new String[] {"thing", "object", "item", "item", "shape"}),
            Map.entry("things", new String[] {"things", "objects", "items", "items", "shapes"}),
            Map.entry("object", new String[] {"object", "thing", "item", "item", "shape"}),
            Map.entry("objects", new String[] {"objects", "things", "items", "items", "shapes"}),
            Map.entry("metal", new String[] {"metal", "metallic", "shiny", "shiny", "reflective"}),
            Map.entry("metallic", new String[] {"metallic", "metal", "shiny", "shiny"}),
            Map.entry("shiny", new String[] {"shiny", "metal", "metallic", "reflective"}),
            Map.entry("rubber", new String[] {"rubber", "matte", "matte", "dull", "non-metallic", "non-shiny",
                "not shiny"}),
            Map.entry("matte", new String[] {"matte", "rubber", "dull"}),
            Map.entry("large", new String[] {"large", "big", "big"}),
            Map.entry("big", new String[] {"big", "large"}),
            Map.entry("small", new String[] {"small", "tiny", "little", "small"}),
            Map.entry("tiny", new String[] {"tiny", "small", "little"}),
            Map.entry("gray", new String[] {"gray", "grey", "gray", "silver"}),
            Map.entry("cyan", new String[] {"cyan", "cyan", "teal", "aqua", "turquoise"}),
            Map.entry("yellow", new String[] {"yellow", "yellow", "yellow", "gold"}),
            Map.entry("brown", new String[] {"brown", "brown", "brown", "bronze"}));
    private static final String[] FILLERS = {" in the picture", " in the image", " in the scene", " shown",
        " in this picture", " visible", " in the photo", " here", " pictured"};
    private static final String[] PREFIXES = {"can you tell me ", "please tell me ", "in the picture, ",
        "in this image, ", "tell me "};
    private static final java.util.Set<String> DROPPABLE = java.util.Set.of("the", "a", "an", "that", "is", "are",
        "of", "there", "does", "do", "which");

    static {
        rule("^how many (.+) are there\\?$", "how many $1 are in the picture?", "what is the number of $1?",
                "count the $1.", "how many $1 can you see?", "how many $1 are present?", "how many $1 are shown?",
                "how many $1?", "number of $1?", "how many $1 are visible?", "what is the total number of $1?");
        rule("^how many (.+) are (.+)\\?$", "how many $1 are $2?", "count the $1 that are $2.",
                "what number of $1 are $2?", "how many $1 $2?");
        rule("^what number of (.+)\\?$", "how many $1?");
        rule("^are there any (.+)\\?$", "is there any $1?", "do you see any $1?", "can you see any $1?",
                "are any $1 present?", "are there any $1 in the picture?", "any $1?");
        rule("^is there a (.+)\\?$", "is there any $1?", "do you see a $1?", "does the picture have a $1?",
                "can you see a $1?", "is there a $1 in the image?", "is a $1 present?");
        rule("^is there an (.+)\\?$", "is there any $1?", "do you see an $1?", "can you see an $1?");
        rule("^what (color|shape|size|material) is (.+)\\?$", "what is the $1 of $2?", "$2 is what $1?",
                "which $1 is $2?", "what $1 does $2 have?", "what is $2's $1?", "what $1 is $2?", "$1 of $2?");
        rule("^what is the (color|shape|size|material) of (.+)\\?$", "what $1 is $2?", "$2 is what $1?",
                "which $1 is $2?", "what $1 does $2 have?", "tell me the $1 of $2.");
        rule("^what is (.+) made of\\?$", "what material is $1?", "what is $1 made out of?",
                "what material is $1 made of?", "$1 is made of what?");
        rule("^what material is (.+)\\?$", "what is $1 made of?", "what type of material is $1?",
                "what is the finish of $1?", "what is $1 made out of?");
        rule("^what size is (.+)\\?$", "how big is $1?", "is $1 large or small?", "what is the size of $1?");
        rule("^what shape is (.+)\\?$", "what kind of shape is $1?", "what type of object is $1?",
                "what is the shape of $1?", "which shape is $1?");
        rule("^is (.+) the same (color|shape|size|material) as (.+)\\?$", "are $1 and $3 the same $2?",
                "does $1 have the same $2 as $3?", "do $1 and $3 have the same $2?", "is $1 the same $2 as $3?",
                "is $1 of the same $2 as $3?");
        rule("^do (.+) and (.+) have the same (color|shape|size|material)\\?$", "are $1 and $2 the same $3?",
                "is $1 the same $3 as $2?", "do $1 and $2 share the same $3?", "do $1 and $2 match in $3?");
        rule("^does (.+) have the same (color|shape|size|material) as (.+)\\?$", "is $1 the same $2 as $3?",
                "are $1 and $3 the same $2?", "does $1 share the same $2 as $3?", "does $1 match $3 in $2?");
        rule("^are there more (.+) than (.+)\\?$", "are there more $1 than $2?", "do $1 outnumber $2?",
                "is the number of $1 greater than the number of $2?", "are $1 more than $2?");
        rule("^are there fewer (.+) than (.+)\\?$", "are there less $1 than $2?", "are there fewer $1 than $2?",
                "is the number of $1 less than the number of $2?");
        rule("^is the number of (.+) the same as the number of (.+)\\?$",
                "are there as many $1 as $2?", "are there the same number of $1 and $2?",
                "is the number of $1 equal to the number of $2?", "do $1 and $2 have the same count?");
        rule("^are there an equal number of (.+) and (.+)\\?$", "are there as many $1 as $2?",
                "is there the same number of $1 and $2?", "are there equal numbers of $1 and $2?");
    }

    private static void rule(String regex, String... forms) {
        RULES.add(new Rule(Pattern.compile(regex), forms));
    }

    /** Creates a paraphraser. */
    public Paraphraser() {
    }

    /**
     * Returns a paraphrase of a question (possibly the question itself, lower-cased).
     *
     * @param question the question
     * @param rnd the only source of randomness
     */
    public String paraphrase(String question, SplittableRandom rnd) {
        String t = question.toLowerCase(Locale.ROOT).trim().replaceAll("\\s+", " ");
        if (!t.endsWith("?") && !t.endsWith(".")) {
            t = t + "?";
        }
        if (rnd.nextDouble() < 0.5) {
            t = rewrite(t, rnd);
        }
        List<String> words = new ArrayList<>(List.of(t.split(" ")));
        if (rnd.nextDouble() < 0.6) {
            for (int i = 0; i < words.size(); i++) {
                String[] stripped = strip(words.get(i));
                String[] syn = SYNONYMS.get(stripped[0]);
                if (syn != null && rnd.nextDouble() < 0.5) {
                    words.set(i, syn[rnd.nextInt(syn.length)] + stripped[1]);
                }
            }
        }
        if (rnd.nextDouble() < 0.15) {
            for (int i = words.size() - 1; i > 0; i--) {
                if (DROPPABLE.contains(words.get(i)) && rnd.nextDouble() < 0.3) {
                    words.remove(i);
                }
            }
        }
        if (rnd.nextDouble() < 0.12) {
            int i = rnd.nextInt(words.size());
            String[] stripped = strip(words.get(i));
            if (stripped[0].length() >= 4) {
                words.set(i, typo(stripped[0], rnd) + stripped[1]);
            }
        }
        String out = String.join(" ", words);
        if (rnd.nextDouble() < 0.12 && out.endsWith("?")) {
            out = out.substring(0, out.length() - 1) + FILLERS[rnd.nextInt(FILLERS.length)] + "?";
        }
        if (rnd.nextDouble() < 0.05) {
            out = PREFIXES[rnd.nextInt(PREFIXES.length)] + out;
        }
        if (rnd.nextDouble() < 0.15) {
            out = out.replaceAll("[?.]$", "");
        }
        return out;
    }

    private static String rewrite(String t, SplittableRandom rnd) {
        List<Rule> matching = new ArrayList<>();
        for (Rule r : RULES) {
            if (r.pattern().matcher(t).matches()) {
                matching.add(r);
            }
        }
        if (matching.isEmpty()) {
            return t;
        }
        Rule r = matching.get(rnd.nextInt(matching.size()));
        Matcher m = r.pattern().matcher(t);
        m.matches();
        return m.replaceFirst(r.forms()[rnd.nextInt(r.forms().length)]);
    }

    /** Splits trailing punctuation off a word: {word, punctuation}. */
    private static String[] strip(String w) {
        int end = w.length();
        while (end > 0 && !Character.isLetterOrDigit(w.charAt(end - 1))) {
            end--;
        }
        return new String[] {w.substring(0, end), w.substring(end)};
    }

    /** One random edit: drop, double, swap with the next, or replace a letter. */
    static String typo(String w, SplittableRandom rnd) {
        int i = 1 + rnd.nextInt(w.length() - 1);
        StringBuilder b = new StringBuilder(w);
        switch (rnd.nextInt(4)) {
            case 0 -> b.deleteCharAt(i);
            case 1 -> b.insert(i, w.charAt(i));
            case 2 -> {
                if (i + 1 < w.length()) {
                    char c = b.charAt(i);
                    b.setCharAt(i, b.charAt(i + 1));
                    b.setCharAt(i + 1, c);
                } else {
                    b.deleteCharAt(i);
                }
            }
            default -> b.setCharAt(i, (char) ('a' + rnd.nextInt(26)));
        }
        return b.toString();
    }
}
