package org.vqasp.language.gqa;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.vqasp.language.Contractions;

/**
 * Turns a question into the words the parser reads: lower case, contractions spelled out ({@code what's}: what is,
 * {@code isn't}: is not), the possessive {@code 's} as a word of its own, hyphens as blanks, a comma as a word,
 * other punctuation dropped, the words that only point at the picture left out ({@code in this photo},
 * {@code of the image}, {@code do you think}, a final {@code shown}, where a thing is held: {@code in its mouth}),
 * a negative question read as the positive one it asks ({@code isn't the cat black}: is the cat black), a
 * question about anyone read as whether there is one ({@code is anyone sitting}: is there anyone sitting), and a final
 * {@code outside}/{@code inside} of a yes/no question read as GQA's location ({@code is this outside}: outdoors).
 */
final class GqaText {

    /** Verbs that open a yes/no question, as in "isn't the cat black" and "aren't there any dogs". */
    private static final Set<String> NEGATIVE_ASKING = Set.of("is", "are", "does", "do", "was", "were", "can");

    private static final Set<String> PICTURE = Set.of("photo", "photograph", "picture", "image", "scene", "pic",
            "photos", "pictures", "images", "snapshot");

    private static final Set<String> POSITIONS = Set.of("side", "part", "left", "right", "top", "bottom", "middle",
            "corner", "half", "center", "centre");

    /** Words that only say an object is in the picture: "the car that is shown". */
    private static final Set<String> SHOWN = Set.of("shown", "pictured", "visible", "displayed", "depicted",
            "presented");

    /** Words a question may end with that say nothing about the objects: those of {@link #SHOWN}, and these. */
    private static final Set<String> FINAL_FILLERS = Stream.concat(SHOWN.stream(),
            Stream.of("there", "here", "seen", "today", "now")).collect(Collectors.toUnmodifiableSet());

    /** Words for any person or any object ("anything", "something"), read as such by {@link NounPhraseReader}. */
    static final Set<String> INDEFINITES = Set.of("anyone", "anybody", "someone", "somebody", "anything",
            "something");

    /** Forms of "be" that open a yes/no question. */
    private static final Set<String> BE_ASKING = Set.of("is", "are", "was", "were");

    private static final Set<String> HOLDER = Set.of("his", "her", "its", "their", "the", "a", "one");

    private static final Set<String> HELD_IN = Set.of("hand", "hands", "mouth", "arms", "paws", "paw");

    /** Verbs of holding, after which {@link #HELD_IN} says nothing more. */
    private static final Set<String> HOLDING = Set.of("holding", "hold", "holds", "held", "carrying", "carry",
            "carries", "carried", "grasping", "gripping", "have", "has");

    private GqaText() {
    }

    /** Returns the words of a question as the parser reads them. */
    static List<String> words(String question) {
        String t = question == null ? "" : question.toLowerCase(Locale.ROOT);
        t = t.replace('\u2019', '\'').replace('\u2018', '\'').replace('`', '\'');
        t = Contractions.spellOut(t);
        t = t.replaceAll("[;:]", ",").replaceAll("[^a-z0-9',\\- ]", " ").replace("-", " ").replace(",", " , ");
        List<String> out = new ArrayList<>();
        for (String w : t.trim().split("\\s+")) {
            if (w.isEmpty() || w.equals("'")) {
                continue;
            }
            if (w.endsWith("'s") && w.length() > 2) {
                out.add(w.substring(0, w.length() - 2));
                out.add("'s");
            } else if (w.endsWith("s'") && w.length() > 2) {
                out.add(w.substring(0, w.length() - 1));
                out.add("'s");
            } else {
                out.add(w.replace("'", ""));
            }
        }
        // a negative question asks what the positive one asks: "isn't the cat black" (yes when it is black)
        if (out.size() > 2 && NEGATIVE_ASKING.contains(out.get(0)) && out.get(1).equals("not")) {
            out.remove(1);
        }
        // "is anyone sitting on the bench" asks whether there is one: "is there anyone sitting on the bench"
        if (out.size() > 2 && BE_ASKING.contains(out.get(0))
                && INDEFINITES.contains(out.get(1))) {
            out.add(1, "there");
        }
        return dropFillers(out);
    }

    /**
     * Whether a preposition at a position makes the word before it one of GQA's relations ("the chair that is
     * displayed in the window"), rather than where in the picture a thing is ("shown in this photo").
     */
    private static boolean relationFollows(List<String> in, int at) {
        return at < in.size() && Set.of("in", "on", "at").contains(in.get(at)) && !thePicture(in, at + 1);
    }

    /** Whether the words at a position are "this photo", "the picture", ... */
    private static boolean thePicture(List<String> in, int at) {
        return at + 1 < in.size() && (in.get(at).equals("this") || in.get(at).equals("the"))
                && PICTURE.contains(in.get(at + 1));
    }

    private static List<String> dropFillers(List<String> in) {
        List<String> out = new ArrayList<>(in.size());
        for (int i = 0; i < in.size(); i++) {
            String w = in.get(i);
            // "in this photo", "of the image", "in the picture"
            boolean afterWhere = !out.isEmpty() && out.get(out.size() - 1).equals("where");
            // ("to the left of the picture" is a relation to a picture on the wall; GQA says "on the left of")
            boolean relation = out.size() >= 3 && out.get(out.size() - 3).equals("to")
                    && out.get(out.size() - 2).equals("the");
            if ((w.equals("in") && !afterWhere
                    || w.equals("of") && !out.isEmpty() && POSITIONS.contains(out.get(out.size() - 1)) && !relation)
                    && thePicture(in, i + 1)) {
                i += 2;
                continue;
            }
            if (w.equals("do") && i + 2 < in.size() && in.get(i + 1).equals("you") && in.get(i + 2).equals("think")) {
                i += 2;
                continue;
            }
            // "the car that is shown", "the bottles which are visible"
            if ((w.equals("that") || w.equals("which")) && i + 2 < in.size()
                    && (in.get(i + 1).equals("is") || in.get(i + 1).equals("are"))
                    && SHOWN.contains(in.get(i + 2)) && !relationFollows(in, i + 3)) {
                i += 2;
                continue;
            }
            if (w.equals("maybe") || w.equals("perhaps") || w.equals("located")) {
                continue;
            }
            // "what is the dog holding in its mouth": where something is held says nothing GQA's relations say
            // ("what is in his hand" asks what is there)
            if (w.equals("in") && i + 2 < in.size() && HOLDER.contains(in.get(i + 1))
                    && HELD_IN.contains(in.get(i + 2)) && out.stream().anyMatch(HOLDING::contains)) {
                i += 2;
                continue;
            }
            out.add(w);
        }
        // "is there a cat in picture": a final "in picture" without its article points at the picture too
        if (out.size() > 3 && out.get(out.size() - 2).equals("in") && PICTURE.contains(out.get(out.size() - 1))) {
            out.remove(out.size() - 1);
            out.remove(out.size() - 1);
        }
        // "is there a fireplace in the room", "do you see any people in this room": the room is the picture
        // (GQA names the room only as the scene's place: "which room is it")
        int n = out.size();
        if (n > 5 && out.get(n - 1).equals("room") && out.get(n - 3).equals("in")
                && (out.get(n - 2).equals("the") || out.get(n - 2).equals("this"))
                && (BE_ASKING.contains(out.get(0)) && out.get(1).equals("there")
                        || out.subList(0, 3).equals(List.of("do", "you", "see")))) {
            out.subList(n - 3, n).clear();
        }
        boolean dropped = false;
        while (out.size() > 2 && FINAL_FILLERS.contains(out.get(out.size() - 1))
                && !(List.of("there", "here").contains(out.get(out.size() - 1))
                        && List.of("is", "are").contains(out.get(out.size() - 2)))) {
            out.remove(out.size() - 1);
            dropped = true;
        }
        // "the car that is presented": what is left of the relative clause goes too
        if (dropped && out.size() > 4 && List.of("is", "are").contains(out.get(out.size() - 1))
                && List.of("that", "which").contains(out.get(out.size() - 2))) {
            out.remove(out.size() - 1);
            out.remove(out.size() - 1);
        }
        while (!out.isEmpty() && out.get(out.size() - 1).equals(",")) {
            out.remove(out.size() - 1);
        }
        // "is this outside", "was the picture taken inside": GQA's location values
        if (out.size() > 2 && BE_ASKING.contains(out.get(0))) {
            int last = out.size() - 1;
            if (out.get(last).equals("outside")) {
                out.set(last, "outdoors");
            } else if (out.get(last).equals("inside")) {
                out.set(last, "indoors");
            }
        }
        return out;
    }
}
