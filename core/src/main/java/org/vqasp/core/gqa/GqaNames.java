package org.vqasp.core.gqa;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Normal forms of GQA object names and answers: lower case, single blanks, the last word singular
 * ({@code "Trees"} and {@code "tree"} name the same class; {@code "wine glasses"} becomes
 * {@code "wine glass"}). Programs and scene graphs mix singular and plural ({@code select: trees},
 * {@code select: people}), so classes are matched in this form.
 */
public final class GqaNames {

    private static final Map<String, String> IRREGULAR = Map.ofEntries(
            Map.entry("people", "person"), Map.entry("men", "man"), Map.entry("women", "woman"),
            Map.entry("children", "child"), Map.entry("feet", "foot"), Map.entry("teeth", "tooth"),
            Map.entry("geese", "goose"), Map.entry("mice", "mouse"), Map.entry("oxen", "ox"),
            Map.entry("knives", "knife"), Map.entry("leaves", "leaf"), Map.entry("shelves", "shelf"),
            Map.entry("wolves", "wolf"), Map.entry("halves", "half"), Map.entry("loaves", "loaf"),
            Map.entry("scarves", "scarf"), Map.entry("calves", "calf"), Map.entry("wives", "wife"),
            Map.entry("lives", "life"), Map.entry("thieves", "thief"), Map.entry("hooves", "hoof"),
            Map.entry("buses", "bus"), Map.entry("cacti", "cactus"), Map.entry("dice", "die"),
            Map.entry("shoes", "shoe"), Map.entry("toes", "toe"), Map.entry("canoes", "canoe"),
            Map.entry("horses", "horse"), Map.entry("houses", "house"), Map.entry("vases", "vase"),
            Map.entry("bases", "base"), Map.entry("cases", "case"), Map.entry("vehicles", "vehicle"),
            Map.entry("purses", "purse"), Map.entry("nurses", "nurse"), Map.entry("blouses", "blouse"),
            Map.entry("roses", "rose"), Map.entry("noses", "nose"), Map.entry("hoses", "hose"),
            Map.entry("cheeses", "cheese"), Map.entry("sauces", "sauce"), Map.entry("pieces", "piece"),
            Map.entry("slices", "slice"), Map.entry("spices", "spice"), Map.entry("faces", "face"),
            Map.entry("places", "place"), Map.entry("fences", "fence"), Map.entry("benches", "bench"));

    /** Words that look plural but name one thing, or are the same in both numbers. */
    private static final Set<String> INVARIANT = Set.of("glasses", "pants", "jeans", "shorts", "scissors", "tongs",
            "goggles", "sunglasses", "trousers", "binoculars", "headphones", "clothes", "species", "series",
            "news", "sheep", "fish", "deer", "grass", "gas", "lens", "cactus", "octopus", "asparagus",
            "hummus", "overalls", "pajamas", "sweatpants", "leggings");

    private GqaNames() {
    }

    /**
     * Returns a name in normal form: lower case, trimmed, single blanks.
     *
     * @param name the name
     * @return the normal form
     */
    public static String clean(String name) {
        return name.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }

    /**
     * Returns the singular normal form of a name: {@link #clean} with its last word singular.
     *
     * @param name a class name or answer
     * @return the singular form
     */
    public static String singular(String name) {
        String n = clean(name);
        int sp = n.lastIndexOf(' ');
        String head = sp < 0 ? "" : n.substring(0, sp + 1);
        String last = sp < 0 ? n : n.substring(sp + 1);
        return head + singularWord(last);
    }

    private static String singularWord(String w) {
        String irregular = IRREGULAR.get(w);
        if (irregular != null) {
            return irregular;
        }
        if (w.length() <= 3 || INVARIANT.contains(w)) {
            return w;
        }
        if (w.endsWith("ies") && w.length() > 4) {
            return w.substring(0, w.length() - 3) + "y";
        }
        if (w.endsWith("oes")) {
            return w.substring(0, w.length() - 2);
        }
        if (w.endsWith("sses") || w.endsWith("ches") || w.endsWith("shes") || w.endsWith("xes")
                || w.endsWith("zzes")) {
            return w.substring(0, w.length() - 2);
        }
        if (w.endsWith("ss") || w.endsWith("us") || w.endsWith("is") || w.endsWith("'s")) {
            return w;
        }
        if (w.endsWith("s")) {
            return w.substring(0, w.length() - 1);
        }
        return w;
    }
}
