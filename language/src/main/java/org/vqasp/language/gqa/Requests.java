package org.vqasp.language.gqa;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Requests people type that are not worded as GQA's questions, rewritten as the question they ask. They are
 * tried only when the words as typed match no question form, so no question GQA's engine writes is read
 * differently.
 *
 * <ul>
 *   <li>a polite opener or an imperative goes: {@code can you tell me}, {@code please}, {@code i wonder},
 *       {@code do you know}, {@code is it true that}, a final {@code please};</li>
 *   <li>an embedded question or a statement is put back in question order: {@code what color the car is}: what
 *       color is the car; {@code if there are any dogs}, {@code there are dogs}: are there any dogs;</li>
 *   <li>a bare noun phrase asks what it is: {@code the color of the car}, {@code color of the car}: what is the
 *       color of the car; {@code any dogs}: are there any dogs;</li>
 *   <li>what people leave out or add: {@code what color car}, {@code dog color}: what color is the car (dog); a
 *       final {@code or not} or {@code yes or no} goes;</li>
 *   <li>{@code this place}, {@code this room} before a name of a place are "this": is this room a kitchen;</li>
 *   <li>other ways to ask GQA's questions: {@code which side of the plate is the fork on}: is the fork to the
 *       left or to the right of the plate; {@code on the left or on the right of}, {@code left or right of}: to
 *       the left or to the right of; {@code all of the}: all the; {@code does the woman have long hair}: is the
 *       woman's hair long; {@code does the man have a hat}: is there a hat of the man; {@code is the horse being
 *       ridden by a man}: is the horse ridden by a man; {@code what is the man doing in front of the building}:
 *       what is the man in front of the building doing; {@code what is he wearing on his head}: what is on his
 *       head;</li>
 *   <li>{@code what animals are there}: what animals are (in the picture); {@code inside or outside}: indoors
 *       or outdoors.</li>
 * </ul>
 *
 * <p>Stateless; {@link #of} returns the rewritings in the order they are tried.
 */
final class Requests {

    /** Openers that only ask politely; each a run of words, longest first where they share a start. */
    private static final List<List<String>> OPENERS = List.of(
            List.of("can", "you", "please", "tell", "me"), List.of("could", "you", "please", "tell", "me"),
            List.of("can", "you", "tell", "me"), List.of("could", "you", "tell", "me"),
            List.of("would", "you", "tell", "me"), List.of("will", "you", "tell", "me"),
            List.of("please", "tell", "me"), List.of("tell", "me"), List.of("show", "me"),
            List.of("would", "you", "say", "that"), List.of("would", "you", "say"),
            List.of("is", "it", "true", "that"), List.of("i", "think"),
            List.of("do", "you", "know"), List.of("i", "wonder"), List.of("i", "want", "to", "know"),
            List.of("i", "would", "like", "to", "know"), List.of("i", "d", "like", "to", "know"),
            List.of("let", "me", "know"), List.of("please"), List.of("so"), List.of("and"), List.of("ok"),
            List.of("okay"), List.of("hey"), List.of(","));

    private static final Set<String> WH = Set.of("what", "which", "who", "where", "how", "whose");

    private static final Set<String> BE = Set.of("is", "are", "was", "were");

    /** Words that start the subject of an embedded question: "what color the car is". */
    private static final Set<String> SUBJECT_START = Set.of("the", "a", "an", "this", "that", "these", "those",
            "it", "he", "she", "they", "there");

    /** Attribute categories a bare noun phrase may start with: "color of the car". */
    private static final Set<String> ASKED = Set.of("color", "colour", "material", "size", "shape", "name",
            "type", "kind");

    /** Words for the picture as a place: "is this room a kitchen". */
    private static final Set<String> THIS_PLACE = Set.of("place", "room", "area", "spot", "setting", "location",
            "scene", "picture", "photo", "image");

    private static final Set<String> PLACE_SIDES = Set.of("inside", "outside", "indoors", "outdoors");

    private static final Set<String> SIDES = Set.of("left", "right");

    /** Categories a value may be followed by: "white in color". */
    private static final Set<String> IN_KIND = Set.of("color", "colour", "shape", "size");

    /** Verbs of wearing or having something on: "what is he wearing on his head". */
    private static final Set<String> WORN = Set.of("wearing", "have", "has", "having", "got", "carrying");

    /** The possessive of a pronoun subject: "does he have a hat": is there his hat. */
    private static final Map<String, String> POSSESSIVE_OF = Map.of("he", "his", "she", "her",
            "it", "its", "they", "their");

    private static final Set<String> POSSESSIVES = Set.copyOf(POSSESSIVE_OF.values());

    /** What may stand before the thing had: "a hat", "any pillows". */
    private static final Set<String> ARTICLES = Set.of("a", "an", "any", "some");

    /** The rewritings, tried in this order; each gives the questions a request may stand for, or none. */
    private static final List<Function<List<String>, List<List<String>>>> RULES = List.of(
            Requests::embeddedYesNo, Requests::embeddedWh, Requests::finalThere, Requests::barePhrase,
            Requests::whichSideOf, Requests::sideWithoutOn, Requests::doesHave, Requests::onTheSide,
            Requests::leftOrRightOf, Requests::allOfThe, Requests::finalAdditions, Requests::doingLast,
            Requests::wornOnPart, Requests::whatColorCar, Requests::dogColor, Requests::beingPassive,
            Requests::thisPlace, Requests::insideOrOutside, Requests::bareIs);

    /** The words the rewritings know beyond those of the question forms. */
    static final Set<String> WORDS = words();

    private Requests() {
    }

    private static Set<String> words() {
        Set<String> all = new TreeSet<>();
        OPENERS.forEach(all::addAll);
        all.addAll(List.of("if", "whether", "count", "more", "fewer", "being", "have", "no", "none", "yes"));
        all.addAll(THIS_PLACE);
        all.addAll(PLACE_SIDES);
        all.remove(",");
        return Collections.unmodifiableSet(all);
    }

    /** A rewriting: the words to read and what was done, for the parse's note. */
    record Rewriting(List<String> words, String how) {
    }

    /** Returns the rewritings of a request, best first; empty when none applies. */
    static List<Rewriting> of(List<String> words) {
        Set<List<String>> seen = new LinkedHashSet<>();
        seen.add(words);
        List<Rewriting> out = new ArrayList<>();
        List<String> base = stripOpeners(words);
        if (!base.equals(words) && !base.isEmpty()) {
            add(out, seen, base);
        }
        if (base.isEmpty()) {
            return out;
        }
        for (List<String> w : reordered(base)) {
            add(out, seen, w);
        }
        return out;
    }

    private static void add(List<Rewriting> out, Set<List<String>> seen, List<String> words) {
        if (seen.add(words)) {
            out.add(new Rewriting(List.copyOf(words), "read as: " + String.join(" ", words)));
        }
    }

    private static List<String> stripOpeners(List<String> words) {
        List<String> w = new ArrayList<>(words);
        boolean changed = true;
        while (changed && !w.isEmpty()) {
            changed = false;
            for (List<String> opener : OPENERS) {
                if (w.size() > opener.size() && w.subList(0, opener.size()).equals(opener)) {
                    w.subList(0, opener.size()).clear();
                    changed = true;
                    break;
                }
            }
            while (w.size() > 1 && (w.get(w.size() - 1).equals("please") || w.get(w.size() - 1).equals(","))) {
                w.remove(w.size() - 1);
                changed = true;
            }
        }
        return w;
    }

    /** The question orders a request may stand for, best first. */
    private static List<List<String>> reordered(List<String> w) {
        List<List<String>> out = new ArrayList<>();
        RULES.forEach(rule -> out.addAll(rule.apply(w)));
        return out;
    }

    /**
     * "if there are any dogs": are there any dogs; a statement left by an opener, "(do you think) the table is
     * wooden": is the table wooden.
     */
    private static List<List<String>> embeddedYesNo(List<String> w) {
        // "that there are dogs": what an opener such as "do you think" leaves
        boolean embedded = w.get(0).equals("if") || w.get(0).equals("whether")
                || w.get(0).equals("that") && w.size() > 1 && SUBJECT_START.contains(w.get(1));
        if (!(embedded || SUBJECT_START.contains(w.get(0))) || w.size() <= 2) {
            return List.of();
        }
        List<String> rest = new ArrayList<>(w.subList(embedded ? 1 : 0, w.size()));
        int be = firstOf(rest, BE, 0);
        if (be <= 0) {
            return List.of();
        }
        rest.add(0, rest.remove(be));
        return List.of(rest);
    }

    /** "what color the car is": the verb moves to before the subject, where a subject may start first. */
    private static List<List<String>> embeddedWh(List<String> w) {
        if (!WH.contains(w.get(0)) || w.size() <= 2 || BE.contains(w.get(1))) {
            return List.of();
        }
        int be = firstOf(w, BE, 2);
        if (be <= 0) {
            return List.of();
        }
        List<Integer> places = new ArrayList<>();
        for (int k = 1; k < be; k++) {
            if (SUBJECT_START.contains(w.get(k))) {
                places.add(k);
            }
        }
        for (int k = 1; k < be; k++) {
            if (!places.contains(k)) {
                places.add(k);
            }
        }
        List<List<String>> out = new ArrayList<>();
        for (int k : places) {
            List<String> q = new ArrayList<>(w);
            q.add(k, q.remove(be));
            out.add(q);
        }
        return out;
    }

    /** "what animals are there": what animals are (in the picture). */
    private static List<List<String>> finalThere(List<String> w) {
        int n = w.size();
        if (WH.contains(w.get(0)) && n > 3 && w.get(n - 1).equals("there") && BE.contains(w.get(n - 2))) {
            return List.of(new ArrayList<>(w.subList(0, n - 1)));
        }
        return List.of();
    }

    /** A bare noun phrase: "the color of the car", "color of the car", "any dogs", "anything on the table". */
    private static List<List<String>> barePhrase(List<String> w) {
        String first = w.get(0);
        if (first.equals("the") && w.size() > 1) {
            return List.of(prepend(List.of("what", "is"), w));
        } else if (ASKED.contains(first) && w.size() > 2 && w.get(1).equals("of")) {
            return List.of(prepend(List.of("what", "is", "the"), w));
        } else if (first.equals("any")) {
            return List.of(prepend(List.of("are", "there"), w));
        } else if (GqaText.INDEFINITES.contains(first)) {
            return List.of(prepend(List.of("is", "there"), w));
        }
        return List.of();
    }

    /** "which side is the lamp": which side is the lamp on. */
    private static List<List<String>> sideWithoutOn(List<String> w) {
        int n = w.size();
        if (n < 4 || !(w.get(0).equals("which") || w.get(0).equals("what")) || !w.get(1).equals("side")
                || !BE.contains(w.get(2)) || w.get(n - 1).equals("on") || w.contains("of")) {
            return List.of();
        }
        List<String> q = new ArrayList<>(w);
        q.add("on");
        return List.of(q);
    }

    /** "which side of the plate is the fork on": is the fork to the left or to the right of the plate. */
    private static List<List<String>> whichSideOf(List<String> w) {
        String first = w.get(0);
        if (!(first.equals("which") || first.equals("what")) || w.size() <= 5 || !w.get(1).equals("side")
                || !w.get(2).equals("of") || !w.get(w.size() - 1).equals("on")) {
            return List.of();
        }
        int be = firstOf(w, BE, 3);
        if (be <= 3 || be + 1 >= w.size() - 1) {
            return List.of();
        }
        List<String> q = new ArrayList<>();
        q.add(w.get(be));
        q.addAll(w.subList(be + 1, w.size() - 1));
        q.addAll(List.of("to", "the", "left", "or", "to", "the", "right", "of"));
        q.addAll(w.subList(3, be));
        return List.of(q);
    }

    /**
     * "does the woman have long hair": is the woman's hair long; "does the man have a hat": is there a hat of the
     * man (GQA's possessive relation, which the theory also finds in what he wears, holds or has with him).
     */
    private static List<List<String>> doesHave(List<String> w) {
        int have = w.indexOf("have");
        if (!(w.get(0).equals("does") || w.get(0).equals("do")) || have <= 1 || have + 1 >= w.size()) {
            return List.of();
        }
        if (have + 2 == w.size() || ARTICLES.contains(w.get(have + 1))) {
            String last = w.get(w.size() - 1);
            boolean plural = last.endsWith("s") && !last.endsWith("ss") || w.get(have + 1).equals("some");
            List<String> q = new ArrayList<>(List.of(plural ? "are" : "is", "there"));
            List<String> subject = w.subList(1, have);
            String possessive = subject.size() == 1 ? POSSESSIVE_OF.get(subject.get(0)) : null;
            if (possessive != null) {
                q.add(possessive);
                q.addAll(w.subList(ARTICLES.contains(w.get(have + 1)) ? have + 2 : have + 1, w.size()));
            } else {
                q.addAll(w.subList(have + 1, w.size()));
                q.add("of");
                q.addAll(subject);
            }
            return List.of(q);
        }
        if (have + 2 >= w.size() || SUBJECT_START.contains(w.get(have + 1))) {
            return List.of();
        }
        List<String> q = new ArrayList<>();
        q.add("is");
        q.addAll(w.subList(1, have));
        q.add("'s");
        q.add(w.get(w.size() - 1));
        q.addAll(w.subList(have + 1, w.size() - 1));
        return List.of(q);
    }

    /** "is the fork on the left or on the right of the plate": to the left or to the right of it. */
    private static List<List<String>> onTheSide(List<String> w) {
        List<String> to = new ArrayList<>(w);
        for (int k = 0; k + 3 < to.size(); k++) {
            if (to.get(k).equals("on") && to.get(k + 1).equals("the") && SIDES.contains(to.get(k + 2))
                    && (to.get(k + 3).equals("of") || to.get(k + 3).equals("or"))) {
                to.set(k, "to");
            }
        }
        return !to.equals(w) && to.contains("of") ? List.of(to) : List.of();
    }

    /** "is the woman left or right of the man": to the left or to the right of. */
    private static List<List<String>> leftOrRightOf(List<String> w) {
        List<List<String>> out = new ArrayList<>();
        for (int k = 0; k + 3 < w.size(); k++) {
            List<String> sides = w.subList(k, k + 4);
            boolean either = sides.equals(List.of("left", "or", "right", "of"))
                    || sides.equals(List.of("right", "or", "left", "of"));
            if (either && (k == 0 || !w.get(k - 1).equals("the"))) {
                List<String> q = new ArrayList<>(w.subList(0, k));
                q.addAll(List.of("to", "the", sides.get(0), "or", "to", "the", sides.get(2), "of"));
                q.addAll(w.subList(k + 4, w.size()));
                out.add(q);
            }
        }
        return out;
    }

    /** "are all of the animals zebras": are all the animals zebras. */
    private static List<List<String>> allOfThe(List<String> w) {
        int all = w.indexOf("all");
        if (all >= 0 && all + 2 < w.size() && w.get(all + 1).equals("of") && w.get(all + 2).equals("the")) {
            List<String> q = new ArrayList<>(w);
            q.remove(all + 1);
            return List.of(q);
        }
        return List.of();
    }

    /**
     * "is the man wearing a hat or not", "..., yes or no": the question without them; so too a final "in color",
     * "in shape" after the value it names ("is the cup white in color").
     */
    private static List<List<String>> finalAdditions(List<String> w) {
        int n = w.size();
        int cut = n > 3 && w.subList(n - 2, n).equals(List.of("or", "not")) ? 2
                : n > 4 && w.subList(n - 3, n).equals(List.of("yes", "or", "no")) ? 3
                : n > 4 && w.get(n - 2).equals("in") && IN_KIND.contains(w.get(n - 1)) ? 2 : 0;
        if (cut == 0) {
            return List.of();
        }
        List<String> q = new ArrayList<>(w.subList(0, n - cut));
        while (q.size() > 1 && q.get(q.size() - 1).equals(",")) {
            q.remove(q.size() - 1);
        }
        return List.of(q);
    }

    /** "what is the man doing in front of the building": what is the man in front of the building doing. */
    private static List<List<String>> doingLast(List<String> w) {
        int doing = w.indexOf("doing");
        if (w.size() < 6 || !w.get(0).equals("what") || !BE.contains(w.get(1)) || doing < 3
                || doing >= w.size() - 2) {
            return List.of();
        }
        List<String> q = new ArrayList<>(w);
        q.add(q.remove(doing));
        return List.of(q);
    }

    /**
     * "what is the man wearing on his head", "what does she have on her head": what is on the man's (her) head;
     * the part of the body says which of the things worn is asked for.
     */
    private static List<List<String>> wornOnPart(List<String> w) {
        int n = w.size();
        if (n < 7 || !w.get(0).equals("what") || !(BE.contains(w.get(1)) || w.get(1).equals("does")
                || w.get(1).equals("do"))) {
            return List.of();
        }
        int verb = -1;
        for (int k = 3; k < n - 3; k++) {
            if (WORN.contains(w.get(k)) && (w.get(k + 1).equals("on") || w.get(k + 1).equals("in"))
                    && POSSESSIVES.contains(w.get(k + 2))) {
                verb = k;
                break;
            }
        }
        if (verb < 0) {
            return List.of();
        }
        List<String> subject = w.subList(2, verb);
        List<String> q = new ArrayList<>(List.of("what", "is", w.get(verb + 1)));
        if (subject.size() == 1 && SUBJECT_START.contains(subject.get(0))) {
            q.add(w.get(verb + 2));
        } else {
            q.addAll(subject);
            q.add("'s");
        }
        q.addAll(w.subList(verb + 3, n));
        return List.of(q);
    }

    /** "is the sky visible" (its last word dropped as saying only that it is pictured): is there the sky. */
    private static List<List<String>> bareIs(List<String> w) {
        if (w.size() < 3 || !BE.contains(w.get(0)) || !SUBJECT_START.contains(w.get(1)) || w.get(1).equals("there")
                || w.get(1).equals("it")) {
            return List.of();
        }
        return List.of(prepend(List.of(w.get(0), "there"), w.subList(1, w.size())));
    }

    /** "what color car": what color is the car. */
    private static List<List<String>> whatColorCar(List<String> w) {
        String first = w.get(0);
        if (w.size() > 2 && (first.equals("what") || first.equals("which")) && ASKED.contains(w.get(1))
                && BE.stream().noneMatch(w::contains)) {
            return List.of(prepend(List.of(first, w.get(1), "is", "the"), w.subList(2, w.size())));
        }
        return List.of();
    }

    /** "dog color?": what color is the dog. */
    private static List<List<String>> dogColor(List<String> w) {
        int n = w.size();
        String first = w.get(0);
        if (n <= 1 || !ASKED.contains(w.get(n - 1)) || WH.contains(first) || BE.contains(first)
                || BE.stream().anyMatch(w::contains)) {
            return List.of();
        }
        List<String> q = new ArrayList<>(List.of("what", w.get(n - 1), "is"));
        if (!SUBJECT_START.contains(first)) {
            q.add("the");
        }
        q.addAll(w.subList(0, n - 1));
        return List.of(q);
    }

    /** "is the horse being ridden by a man": is the horse ridden by a man. */
    private static List<List<String>> beingPassive(List<String> w) {
        int being = w.indexOf("being");
        if (being > 1 && being + 1 < w.size()) {
            List<String> q = new ArrayList<>(w);
            q.remove(being);
            return List.of(q);
        }
        return List.of();
    }

    /** "is this room a kitchen": is this a kitchen. */
    private static List<List<String>> thisPlace(List<String> w) {
        int at = w.indexOf("this");
        if (at >= 0 && at + 2 < w.size() && THIS_PLACE.contains(w.get(at + 1))
                && (w.get(at + 2).equals("a") || w.get(at + 2).equals("an"))) {
            List<String> q = new ArrayList<>(w);
            q.remove(at + 1);
            return List.of(q);
        }
        return List.of();
    }

    /** "is it inside or outside": indoors or outdoors (GqaText has already made a final "outside" outdoors). */
    private static List<List<String>> insideOrOutside(List<String> w) {
        int or = w.indexOf("or");
        if (or > 0 && or + 1 < w.size() && PLACE_SIDES.contains(w.get(or - 1)) && PLACE_SIDES.contains(w.get(or + 1))
                && (w.contains("inside") || w.contains("outside"))) {
            List<String> q = new ArrayList<>(w);
            q.replaceAll(x -> x.equals("inside") ? "indoors" : x.equals("outside") ? "outdoors" : x);
            return List.of(q);
        }
        return List.of();
    }

    /**
     * Returns whether a request asks for a count, which GQA never does: {@code how many}, {@code how much},
     * {@code the number of dogs}, {@code count the dogs}, {@code are there more cats than dogs}.
     */
    static boolean asksForCount(List<String> words) {
        List<String> w = stripOpeners(words);
        if (w.isEmpty()) {
            return false;
        }
        if (w.get(0).equals("count") || w.size() > 1 && w.get(0).equals("how")
                && (w.get(1).equals("many") || w.get(1).equals("much"))) {
            return true;
        }
        int number = w.indexOf("number");
        if (number >= 0 && number + 2 < w.size() && w.get(number + 1).equals("of")
                && !SUBJECT_START.contains(w.get(number + 2)) && w.get(w.size() - 1).endsWith("s")
                && !w.contains("'s")) {
            return true;
        }
        boolean existence = w.size() > 2 && (BE.contains(w.get(0)) && w.get(1).equals("there")
                || w.get(0).equals("do") && w.get(1).equals("you"));
        return existence && comparesCounts(w);
    }

    /** Returns whether words compare two counts: "more cats than dogs", "fewer ... than". */
    private static boolean comparesCounts(List<String> w) {
        int more = Math.max(w.indexOf("more"), w.indexOf("fewer"));
        return more >= 0 && w.subList(more, w.size()).contains("than");
    }

    /**
     * Returns the existence question whose objects a request for a count counts, or null (a comparison of counts):
     * "how many dogs are there": are there dogs; "how many pillows are on the sofa": are there pillows that are on
     * the sofa; "how many dogs do you see": do you see dogs; "how many hats does the man have": does the man have
     * hats; "count the dogs", "the number of dogs": are there dogs.
     */
    static List<String> existenceOfCount(List<String> words) {
        List<String> w = stripOpeners(words);
        if (w.isEmpty() || comparesCounts(w)) {
            return null;
        }
        List<String> there = new ArrayList<>(List.of("are", "there"));
        if (w.get(0).equals("count")) {
            there.addAll(withoutArticle(w.subList(1, w.size())));
            return there;
        }
        int number = w.indexOf("number");
        if (number >= 0 && number + 2 < w.size() && w.get(number + 1).equals("of")) {
            there.addAll(withoutArticle(w.subList(number + 2, w.size())));
            return there;
        }
        if (w.size() < 3 || !w.get(0).equals("how")) {
            return null;
        }
        List<String> rest = w.subList(2, w.size());
        for (int k = 1; k < rest.size(); k++) {
            String v = rest.get(k);
            List<String> noun = rest.subList(0, k);
            List<String> tail = rest.subList(k + 1, rest.size());
            if (BE.contains(v)) {
                // "how many cats there are": the embedded order
                there.addAll(noun.get(noun.size() - 1).equals("there") && noun.size() > 1
                        ? noun.subList(0, noun.size() - 1) : noun);
                if (!tail.isEmpty() && tail.get(0).equals("there")) {
                    there.addAll(tail.subList(1, tail.size()));
                } else if (!tail.isEmpty()) {
                    there.addAll(List.of("that", "are"));
                    there.addAll(tail);
                }
                return there;
            }
            if ((v.equals("do") || v.equals("can")) && tail.size() >= 2 && tail.get(0).equals("you")) {
                List<String> q = new ArrayList<>(List.of(v, "you"));
                q.add(tail.get(1));
                q.addAll(noun);
                q.addAll(tail.subList(2, tail.size()));
                return q;
            }
            if ((v.equals("does") || v.equals("do")) && !tail.isEmpty() && tail.get(tail.size() - 1).equals("have")) {
                List<String> q = new ArrayList<>(List.of("does"));
                q.addAll(tail);
                q.addAll(noun);
                return q;
            }
        }
        there.addAll(rest);
        return there;
    }

    /** Words without a leading "the" or "all the": "count the dogs". */
    private static List<String> withoutArticle(List<String> w) {
        int from = w.size() > 2 && w.get(0).equals("all") && w.get(1).equals("the") ? 2
                : w.size() > 1 && w.get(0).equals("the") ? 1 : 0;
        return w.subList(from, w.size());
    }

    private static int firstOf(List<String> w, Set<String> words, int from) {
        for (int i = from; i < w.size(); i++) {
            if (words.contains(w.get(i))) {
                return i;
            }
        }
        return -1;
    }

    private static List<String> prepend(List<String> head, List<String> w) {
        List<String> q = new ArrayList<>(head);
        q.addAll(w);
        return q;
    }
}
