package org.vqasp.language.gqa;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.vqasp.language.gqa.FormPattern.Slots;
import org.vqasp.language.gqa.NounPhrase.Filter;
import org.vqasp.language.gqa.NounPhrase.Kind;

/**
 * The question forms of GQA's question engine, each a word pattern and how its program is written. The forms
 * follow the engine's families (GQA's {@code types.detailed}: relS, relO, categoryThat, verifyAttrs, chooseAttr,
 * relChooser, existOr, twoSame, compare, ...); their programs follow the conventions of the released
 * {@code semantic} lists. Earlier forms win when two read a question equally well.
 */
final class QuestionForms {

    /** How one form writes its program. */
    @FunctionalInterface
    interface Writer {
        /**
         * Writes the program of a match.
         *
         * @throws IllegalArgumentException when the match does not make a program of this form
         */
        void write(Slots m, ProgramBuilder b);
    }

    /**
     * One question form.
     *
     * @param name the family it belongs to ({@code relS})
     * @param pattern its words
     * @param writer how its program is written
     */
    record Form(String name, FormPattern pattern, Writer writer) {
    }

    private static final Set<String> SCENE_WEATHER = Set.of("weather");

    /** The categories a question names a second time: "the color of X ... the color of Y". */
    private static final String CATEGORIES = "color|colour|material|size|shape|height|length";
    private static final Set<String> LOCATIONS = Set.of("indoors", "outdoors");

    private final List<Form> forms = new ArrayList<>();

    QuestionForms() {
        scene();
        compare();
        logical();
        choose();
        verify();
        query();
        people();
    }

    /**
     * Forms GQA's engine does not write but people do, tried after all of GQA's: "Is the animal a dog?" (GQA asks
     * "Is the animal a dog or a cat?"), a check of the class, which the theory answers through the class hierarchy.
     */
    private void people() {
        f("verifyName", "is|are {np} a|an {noun}", (m, b) -> {
            NounPhrase noun = m.np("noun");
            if (noun.kind() != NounPhrase.Kind.OBJECT || !noun.filters().isEmpty() || noun.link() != null) {
                fail("not a name");
            }
            if (Places.category(noun.name()) != null) {
                fail("a place: is this room a kitchen");
            }
            b.add("verify name", noun.name(), b.ref(m.np("np")));
        });
    }

    List<Form> forms() {
        return forms;
    }

    private void f(String name, String pattern, Writer w) {
        forms.add(new Form(name, FormPattern.compile(pattern), w));
    }

    private static void fail(String why) {
        throw new IllegalArgumentException(why);
    }

    // ------------------------------------------------------------------ query

    private void query() {
        // relations asked about by a class: What kind of furniture is the cat on?
        f("categoryRelO", "what|which {cls} is|are|does|do {np} {rel}", (m, b) -> relObj(m, b, m.np("cls"), "name"));
        f("categoryRelO", "what|which kind|type|sort|kinds|types of {noun} is|are|does|do {np} {rel}",
                (m, b) -> relObj(m, b, m.np("noun"), "name"));
        f("categoryRelS", "what|which {cls} is|are {rel} {np}", (m, b) -> relSubj(m, b, m.np("cls"), "name"));
        f("categoryRelS", "what|which {cls} {rel} {np}", (m, b) -> relSubj(m, b, m.np("cls"), "name"));
        f("categoryRelS", "what|which kind|type|sort|kinds|types of {noun} is|are {rel} {np}",
                (m, b) -> relSubj(m, b, m.np("noun"), "name"));
        f("categoryRelS", "what|which kind|type|sort|kinds|types of {noun} {rel} {np}",
                (m, b) -> relSubj(m, b, m.np("noun"), "name"));
        f("categoryThat", "what|which {cls} is|are {pred}", (m, b) -> classThat(m, b, m.np("cls")));
        f("categoryThat", "what|which kind|type|sort|kinds|types of {noun} is|are {pred}",
                (m, b) -> classThat(m, b, m.np("noun")));
        f("category", "what|which {cls} is|are this|it|that|these|those|they?", (m, b) -> name(b, m.np("cls")));
        f("category", "what|which kind|type|sort of {noun} is|are this|it|that|these|those|they?",
                (m, b) -> name(b, m.np("noun")));
        f("category", "what|which {cls} can|could be", (m, b) -> name(b, m.np("cls")));
        // the same value as something else: What is the same color as the cup?
        f("sameRelate", "what|which {cls} is|are|has|have the same {acat} as {np}",
                (m, b) -> sameRelate(m, b, m.np("cls")));
        f("sameRelate", "what|which kind|type of {noun} is|are|has|have the same {acat} as {np}",
                (m, b) -> sameRelate(m, b, m.np("noun")));
        f("sameRelate", "what|who is|are|has|have the same {acat} as {np}", (m, b) -> sameRelate(m, b, wh(m)));
        f("sameRelate", "what|which {cls} is|are made of the same {acat} as {np}",
                (m, b) -> sameRelate(m, b, m.np("cls")));
        f("sameRelate", "what|who is|are made of the same {acat} as {np}", (m, b) -> sameRelate(m, b, wh(m)));
        // relations asked about by "what" and "who"
        f("relS", "what|who is|are {rel} {np}", (m, b) -> relSubj(m, b, wh(m), "name"));
        f("relS", "what|who {rel} {np}", (m, b) -> relSubj(m, b, wh(m), "name"));
        f("relO", "what|who|whom is|are {np} {rel}", (m, b) -> {
            if (m.np("np").link() != null && !m.np("np").link().subject()) {
                // "What is the toy that the boy is playing with?" asks the toy's name: the relation is the
                // clause's ("playing with"), not "playing" in the clause and "with" after it
                fail("a relation after an object clause");
            }
            relObj(m, b, wh(m), "name");
        });
        f("relO", "what|who|whom does|do {np} {rel}", (m, b) -> relObj(m, b, wh(m), "name"));
        f("relO", "{np} is|are {rel} what|who|whom", (m, b) -> relObj(m, b, whLast(m), "name"));
        // the passive people write: What is held by the man? What kind of food is eaten by the girl?
        f("relO", "what|who|whom is|are {pas} {np}", (m, b) -> relObj(m, b, wh(m), m.text("pas"), "name"));
        f("categoryRelO", "what|which {cls} is|are {pas} {np}",
                (m, b) -> relObj(m, b, m.np("cls"), m.text("pas"), "name"));
        f("categoryRelO", "what|which kind|type|sort of {noun} is|are {pas} {np}",
                (m, b) -> relObj(m, b, m.np("noun"), m.text("pas"), "name"));
        f("relS", "what|who|whom is|are {np} {pas}", (m, b) -> relSubj(m, b, wh(m), m.text("pas"), "name"));
        // the preposition first: In front of what is the giraffe? Behind what kind of furniture is the window?
        f("relO", "{rel} what|whom is|are|does|do {np}", (m, b) -> relObj(m, b, whLast(m), "name"));
        f("categoryRelO", "{rel} what|which {cls} is|are|does|do {np}", (m, b) -> relObj(m, b, m.np("cls"), "name"));
        f("categoryRelO", "{rel} what|which kind|type|sort of {noun} is|are|does|do {np}",
                (m, b) -> relObj(m, b, m.np("noun"), "name"));
        f("relO", "what|who|whom {np} is|are|does|do {rel}", (m, b) -> relObj(m, b, wh(m), "name"));
        f("relO", "{np} {rel} what|who|whom", (m, b) -> relObj(m, b, whLast(m), "name"));
        // where a thing is: on what (GQA writes "Where is the woman standing on?" as the relation standing on)
        f("relO", "{np} is|are {rel}? where", (m, b) -> place(m, b));
        f("relO", "where is|are {np} {rel}?", (m, b) -> place(m, b));
        f("relO", "{np} is|are {verb} where", (m, b) -> place(m, b));
        f("relO", "where is|are {np} {verb}", (m, b) -> place(m, b));
        f("activityWho", "who is|are {pred}", QuestionForms::whoIs);
        f("activityWho", "who seems|appears|looks to? be? {pred}", QuestionForms::whoIs);
        // the name of a noun phrase
        f("categoryAttr", "what is|are the name|names of {np}", (m, b) -> name(b, m.np("np")));
        f("categoryAttr", "what is|are {np} called", (m, b) -> name(b, m.np("np")));
        f("categoryAttr", "how is|are {np} called", (m, b) -> name(b, m.np("np")));
        f("categoryAttr", "what is|are {np}", (m, b) -> name(b, m.np("np")));
        f("categoryAttr", "{np} is|are what", (m, b) -> name(b, m.np("np")));
        f("categoryAttr", "what|how {np} is|are called", (m, b) -> name(b, m.np("np")));
        // attributes of a noun phrase
        String acat = "what|which type|kind? of? {acat}";
        f("directWhich", acat + " is|are|was|were {np}", (m, b) -> attribute(m, b));
        f("directWhich", acat + " does|do {np} have", (m, b) -> attribute(m, b));
        f("directWhich", acat + " {np} is|are|has|have", (m, b) -> attribute(m, b));
        f("directOf", "what is|are the {acat} of {np}", (m, b) -> attribute(m, b));
        // people's shorter forms: "what is the man's shirt color", "what color shirt is the man wearing"
        f("directOf", "what is|are {np} {acat}", (m, b) -> attribute(m, b));
        f("directOf", "what is|are {np} 's {acat}", (m, b) -> attribute(m, b));
        f("relO", "what|which {acat} {noun} is|are|does|do {np} {rel}", (m, b) -> {
            String c = m.text("acat");
            relObj(m, b, m.np("noun"), c.equals("type") ? "name" : c);
        });
        f("directOf", "{np} is|are of? what|which {acat}", (m, b) -> attribute(m, b));
        f("directOf", "{np} has|have what|which {acat}", (m, b) -> attribute(m, b));
        f("directOf", "of|in what|which {acat} is|are? {np}", (m, b) -> attribute(m, b));
        f("material", "what|which type|kind? of? {acat} makes|make up {np}", (m, b) -> attribute(m, b));
        f("material", "what is|are {np} made of|from", (m, b) -> b.add("query", "material", b.ref(m.np("np"))));
        f("material", "what|which kind|type? of? material is|was|are|were used to make|build {np}",
                (m, b) -> b.add("query", "material", b.ref(m.np("np"))));
        f("material", "what is|are {np} made out of", (m, b) -> b.add("query", "material", b.ref(m.np("np"))));
        f("material", acat + " is|are {np} made of|from", (m, b) -> attribute(m, b));
        f("material", acat + " is|are {np} made out of", (m, b) -> attribute(m, b));
        f("how", "how {adj} is|are|does|do {np} look?", (m, b) -> b.add("query", m.text("adj"), b.ref(m.np("np"))));
        f("activity", "what is|are {np} doing", (m, b) -> b.add("query", "activity", b.ref(m.np("np"))));
        f("positionQuery", "what|which side is|are {np} on", (m, b) -> hposition(m, b));
        f("positionQuery", "on|in|at what|which side|part is|are {np} on?", (m, b) -> hposition(m, b));
        f("positionQuery", "what|which part is|are {np} in|on", (m, b) -> hposition(m, b));
        f("positionQuery", "where in the|this photo|picture|image|photograph is|are {np}", (m, b) -> hposition(m, b));
        // any object with an attribute, as people ask it: What is white? What is made of wood? (GQA names a class)
        f("categoryThat", "what is|are {pred}",
                (m, b) -> b.add("query", "name", b.ref(NounPhrase.any().withFilters(m.filters("pred")))));
    }

    private void scene() {
        // the scene
        f("place", "what|which place is|was this|it|the image|picture|photo|photograph in|at",
                (m, b) -> scene(b, "query", "place"));
        f("place", "what|which place was|is this|it|the image|picture|photo|photograph taken at|in",
                (m, b) -> scene(b, "query", "place"));
        f("place", "what is|does the|this image|picture|photo|photograph showing|show",
                (m, b) -> scene(b, "query", "place"));
        f("place", "what|which room is|was this|it", (m, b) -> scene(b, "query", "room"));
        f("place", "what|which type|kind|sort of room is|was this|it", (m, b) -> scene(b, "query", "room"));
        f("place", "what|which place is|was this|it", (m, b) -> scene(b, "query", "place"));
        f("place", "what|which type|kind|sort of place is|was this|it?", (m, b) -> scene(b, "query", "place"));
        f("place", "what|which place is|was it|this?", (m, b) -> scene(b, "query", "place"));
        f("place", "what|which place could|can|might this|it be", (m, b) -> scene(b, "query", "place"));
        f("place", "where is|was this|it|the photo|picture|image|photograph taken", (m, b) -> scene(b, "query", "place"));
        f("place", "where is|was the photo|picture|image|photograph taken", (m, b) -> scene(b, "query", "place"));
        f("place", "where is this|it", (m, b) -> scene(b, "query", "place"));
        f("weather", "how is|was the weather", (m, b) -> scene(b, "query", "weather"));
        f("weather", "how does the weather look", (m, b) -> scene(b, "query", "weather"));
        // the sky's look is GQA's weather: How does the sky look? (cloudy)
        f("weather", "how does|is the sky look?", (m, b) -> b.add("query", "weather", b.add("select", "sky")));
        f("weather", "what is|was the weather like?", (m, b) -> scene(b, "query", "weather"));
        f("weather", "what|which type|kind? of? weather is|was it|this|there?", (m, b) -> scene(b, "query", "weather"));
        f("weather", "what|which type|kind? of? weather do|can you see", (m, b) -> scene(b, "query", "weather"));
    }

    private static NounPhrase wh(Slots m) {
        return m.first().equals("what") ? NounPhrase.any() : NounPhrase.of("person", Kind.CLASS);
    }

    private static NounPhrase whLast(Slots m) {
        return m.contains("what") ? NounPhrase.any() : NounPhrase.of("person", Kind.CLASS);
    }

    /** The other phrase, then a relate to the asked-about objects as the relation's subject, then a query. */
    private static void relSubj(Slots m, ProgramBuilder b, NounPhrase asked, String category) {
        relSubj(m, b, asked, m.text("rel"), category);
    }

    /** The same, with the relation given (read from a passive: "Who is the horse ridden by?" is riding). */
    private static void relSubj(Slots m, ProgramBuilder b, NounPhrase asked, String relation, String category) {
        int at = b.ref(m.np("np"));
        at = b.add("relate", b.name(asked, true) + "," + relation + ",s", at);
        b.add("query", category, at);
    }

    /** The other phrase, then a relate to the asked-about objects as the relation's object, then a query. */
    private static void relObj(Slots m, ProgramBuilder b, NounPhrase asked, String category) {
        relObj(m, b, asked, m.text("rel"), category);
    }

    /** The same, with the relation given (read from a passive: "held by" is holding). */
    private static void relObj(Slots m, ProgramBuilder b, NounPhrase asked, String relation, String category) {
        int at = b.ref(m.np("np"));
        at = b.add("relate", b.name(asked, true) + "," + relation + ",o", at);
        b.add("query", category, at);
    }

    /** Who has the attributes: {@code select: person->filter ...->query: name}. */
    private static void whoIs(Slots m, ProgramBuilder b) {
        NounPhrase p = NounPhrase.of("person", Kind.CLASS).withFilters(m.filters("pred"));
        b.add("query", "name", b.ref(p));
    }

    /** The place a noun phrase is on (or standing on, parked in, ...): {@code relate: place,REL,o}. */
    private static void place(Slots m, ProgramBuilder b) {
        int at = b.ref(m.np("np"));
        String rel = m.has("rel") ? m.text("rel") : m.has("verb") ? m.text("verb") : "on";
        at = b.add("relate", "place," + rel + ",o", at);
        b.add("query", "name", at);
    }

    private static void sameRelate(Slots m, ProgramBuilder b, NounPhrase asked) {
        int at = b.ref(m.np("np"));
        at = b.add("relate", b.name(asked, true) + ",same " + m.text("acat") + ",s", at);
        b.add("query", "name", at);
    }

    private static void classThat(Slots m, ProgramBuilder b, NounPhrase cls) {
        NounPhrase p = NounPhrase.of(cls.name(), Kind.CLASS).withFilters(m.filters("pred"));
        b.add("query", "name", b.ref(p));
    }

    private static void name(ProgramBuilder b, NounPhrase np) {
        b.add("query", "name", b.ref(np));
    }

    private static void attribute(Slots m, ProgramBuilder b) {
        String c = m.text("acat");
        if (c.equals("type")) {
            c = "name";
        }
        b.add("query", c, b.ref(m.np("np")));
    }

    private static void hposition(Slots m, ProgramBuilder b) {
        b.add("query", "hposition", b.ref(m.np("np")));
    }

    private static void scene(ProgramBuilder b, String op, String arg) {
        b.add(op, arg, b.add("select", "scene"));
    }

    // ------------------------------------------------------------------ verify

    private void verify() {
        // existence
        f("exist", "is|are there {np}", (m, b) -> b.add("exist", "?", b.some(m.np("np"))));
        f("exist", "do|can you see {np}", (m, b) -> b.add("exist", "?", b.some(m.np("np"))));
        // the scene
        f("sceneVerify", "is|was it|this {attr}", (m, b) -> sceneVerify(m, b));
        f("weatherVerify", "is|was the weather {attr}", (m, b) -> sceneVerify(m, b));
        f("sceneVerify", "does|do it look|seem {attr}", (m, b) -> sceneVerify(m, b));
        f("weatherVerify", "does|do the weather look|seem {attr}", (m, b) -> sceneVerify(m, b));
        f("locationVerify", "is|was this|it|the scene|photo|picture|image taken? {attr} scene|place|photo|picture?",
                (m, b) -> sceneVerify(m, b));
        f("locationVerify", "is|was this|it taken {attr}", (m, b) -> sceneVerify(m, b));
        f("placeVerify", "is|does this|it look? like? a|an {noun}", (m, b) -> {
            String n = m.np("noun").name();
            String c = Places.category(n);
            if (c == null) {
                fail("not a place");
            }
            b.add("verify " + c, n, b.add("select", "scene"));
        });
        f("existThis", "is|are this|that|these|those|it a|an? {noun}", (m, b) -> {
            if (Places.category(m.np("noun").name()) != null) {
                fail("a place");
            }
            b.add("exist", "?", b.some(m.np("noun")));
        });
        f("verifyAttrThis", "is|are this|these|it a|an? {np}", (m, b) -> {
            NounPhrase np = m.np("np");
            if (np.filters().isEmpty() || np.link() != null) {
                fail("not an attribute of this");
            }
            NounPhrase bare = new NounPhrase(np.name(), np.kind(), List.of(), null, np.unknownWords());
            b.verify(b.ref(bare), np.filters(), np);
        });
        // attributes
        f("verifyAttr", "is|are {np} {pred}", (m, b) -> verifyAttributes(m, b, m.filters("pred")));
        f("verifyAttr", "does|do {np} look|seem|appear to? be? like? {pred}",
                (m, b) -> verifyAttributes(m, b, m.filters("pred")));
        f("verifyAttr", "is|are the {acat} of {np} {attr}", (m, b) -> verifyAttributes(m, b, List.of(
                categorised(m.attr("attr"), m.text("acat")))));
        f("verifyAttr", "does|do {np} have {attr} {acat}", (m, b) -> verifyAttributes(m, b, List.of(
                categorised(m.attr("attr"), m.text("acat")))));
        f("verifyAttr", "does|do {np} have {attr} {acat} and {attr2} {acat2}", (m, b) -> verifyAttributes(m, b,
                List.of(categorised(m.attr("attr"), m.text("acat")), categorised(m.attr("attr2"), m.text("acat2")))));
        f("verifyAttr", "does|do {np} have a|an {attr} {acat}", (m, b) -> verifyAttributes(m, b, List.of(
                categorised(m.attr("attr"), m.text("acat")))));
        // relations
        f("relVerify", "is|are {np} {rel} {np2}", (m, b) -> verifyRelation(m, b));
        f("relVerify", "does|do {np} {rel} {np2}", (m, b) -> verifyRelation(m, b));
        // the passive: Is the horse ridden by a man? (the man is the relation's subject)
        f("relVerify", "is|are {np} {pas} {np2}", (m, b) -> b.verifyRelation(b.ref(m.np("np")), m.np("np2"),
                m.text("pas"), "s"));
    }

    private static Filter categorised(Filter f, String category) {
        return new Filter(f.value(), List.of(category), f.negated());
    }

    private static void verifyAttributes(Slots m, ProgramBuilder b, List<Filter> filters) {
        NounPhrase np = m.np("np");
        boolean group = np.kind() == Kind.CLASS || "people".equals(np.name());
        if (group && filters.size() == 1 && filters.get(0).categories().contains("gender")
                && (np.name().equals("people") || np.name().equals("person"))) {
            // "Are the people female?" is asked as "are they all of one gender"
            b.add("same", "gender", b.ref(NounPhrase.of("person", Kind.CLASS).withFilters(np.filters())));
            return;
        }
        b.verify(b.ref(np), filters, np);
    }

    private static void verifyRelation(Slots m, ProgramBuilder b) {
        NounPhrase other = m.np("np2");
        String subject = m.np("np").name();
        if (m.madeOfAtEnd() && !other.filters().isEmpty() && !b.lexicon().isPerson(subject)
                && !b.lexicon().isAnimal(subject)) {
            // "Is the lid on top of the platter made of plastic?" checks the lid's material (the question has no
            // relative clause that would make the material the platter's, which verify rel would drop anyway);
            // a person or an animal is not made of anything, so there the material is the other object's
            fail("a material check of the subject");
        }
        int at = b.ref(m.np("np"));
        b.verifyRelation(at, other, m.text("rel"), "o");
    }

    private static void sceneVerify(Slots m, ProgramBuilder b) {
        Filter f = m.attr("attr");
        String c = f.categories().isEmpty() ? "" : f.categories().get(0);
        if (!SCENE_WEATHER.contains(c) && !LOCATIONS.contains(f.value())) {
            fail("not the weather or the location");
        }
        b.add("verify " + (LOCATIONS.contains(f.value()) ? "location" : "weather"), f.value(),
                b.add("select", "scene"));
    }

    // ------------------------------------------------------------------ choose

    private void choose() {
        String or = "or|, or?";
        f("locationChoose", "is|was this|it an? {attr} or {attr2} scene|place|photo|picture?", (m, b) -> {
            Filter a = m.attr("attr");
            Filter c = m.attr("attr2");
            if (!LOCATIONS.contains(a.value()) || !LOCATIONS.contains(c.value())) {
                fail("not indoors or outdoors");
            }
            b.add("choose location", a.value() + "|" + c.value(), b.add("select", "scene"));
        });
        f("weatherChoose", "is|was it|the weather? {attr} or {attr2}", (m, b) -> {
            Filter a = m.attr("attr");
            if (!a.categories().contains("weather")) {
                fail("not the weather");
            }
            b.add("choose weather", a.value() + "|" + m.attr("attr2").value(), b.add("select", "scene"));
        });
        // names: Is this a train or a bus?
        f("placeChoose", "is|was this|it a|an? {noun} " + or + " a|an? {noun2}", (m, b) -> choosePlace(m, b));
        f("placeChoose", "which|what place is|was this|it , a|an? {noun} " + or + " a|an? {noun2}",
                (m, b) -> choosePlace(m, b));
        f("objThisChoose", "is|are this|that|it|these|those a|an? {noun} " + or + " a|an? {noun2}",
                (m, b) -> chooseName(b, b.add("select", "this"), m));
        // "what" with two options asks for the class they share: What is the man holding, a cup or a plate?
        f("categoryRelOChoose", "what|who|whom is|are|does|do {np} {rel} , a|an|the? {noun} or a|an|the? {noun2}",
                (m, b) -> relChooseName(m, b, shared(m, b)));
        f("categoryRelOChoose", "{rel} what|whom is|are|does|do {np} , a|an|the? {noun} or a|an|the? {noun2}",
                (m, b) -> relChooseName(m, b, shared(m, b)));
        f("categoryRelSChoose", "what|which|who is|are {rel} {np} , a|an|the? {noun} or a|an|the? {noun2}",
                (m, b) -> relSubjChooseName(m, b, shared(m, b)));
        f("categoryRelSChoose", "what|who {rel} {np} , a|an|the? {noun} or a|an|the? {noun2}",
                (m, b) -> relSubjChooseName(m, b, shared(m, b)));
        f("objThisChoose", "what is this|that|it , a|an? {noun} " + or + " a|an? {noun2}",
                (m, b) -> chooseName(b, b.add("select", "this"), m));
        f("categoryThisChoose", "what|which kind|type? of? {noun3} is|are this|that|it , a|an? {noun} or a|an? {noun2}",
                (m, b) -> chooseName(b, b.add("select", b.name(m.np("noun3"), true)), m));
        String a = "the|a|an?";
        f("categoryThatChoose", "what|which {cls} is|are {pred} , " + a + " {noun} or " + a + " {noun2}",
                (m, b) -> chooseName(b, b.ref(NounPhrase.of(m.np("cls").name(), Kind.CLASS)
                        .withFilters(m.filters("pred"))), m));
        f("categoryThatChoose", "what|which kind|type of {noun3} is|are {pred} , " + a + " {noun} or " + a
                + " {noun2}", (m, b) -> chooseName(b, b.ref(NounPhrase.of(b.name(m.np("noun3"), true), Kind.CLASS)
                        .withFilters(m.filters("pred"))), m));
        // no class named: What is white, the table or the bowl? (the class both names share, as for a relation)
        f("categoryThatChoose", "what|which|who is|are {pred} , " + a + " {noun} or " + a + " {noun2}",
                (m, b) -> chooseName(b, b.ref(shared(m, b).withFilters(m.filters("pred"))), m));
        f("categoryRelSChoose", "what|which {cls} is|are {rel} {np} , " + a + " {noun} or " + a + " {noun2}",
                (m, b) -> relSubjChooseName(m, b, m.np("cls")));
        f("categoryRelSChoose", "what|which kind|type of {noun3} is|are {rel} {np} , " + a + " {noun} or " + a
                + " {noun2}", (m, b) -> relSubjChooseName(m, b, m.np("noun3")));
        f("categoryThisChoose", "is|are this|that|these|those {noun3} " + a + " {noun} or " + a + " {noun2}",
                (m, b) -> chooseName(b, b.add("select", b.name(m.np("noun3"), true)), m));
        f("categoryRelOChoose", "is|are|does|do {np} {rel} " + a + " {noun} or " + a + " {noun2}",
                (m, b) -> relChooseName(m, b, shared(m, b)));
        f("categoryRelOChoose", "what|which {cls} is|are|does|do {np} {rel} , a|an? {noun} or a|an? {noun2}",
                (m, b) -> relChooseName(m, b, m.np("cls")));
        f("categoryRelOChoose", "what|which kind|type of {noun3} is|are|does|do {np} {rel} , a|an? {noun} or a|an? {noun2}",
                (m, b) -> relChooseName(m, b, m.np("noun3")));
        // the class of a described object: Is the animal on the bed a cat or a dog? Is the person a man or a woman?
        f("categoryChoose", "is|are {np} a|an {noun} " + or + " a|an {noun2}",
                (m, b) -> chooseName(b, b.ref(m.np("np")), m));
        // relations: Is the cup to the left or to the right of the plate?
        f("relChooser", "is|are {np} {ropt} or {ropt2} {np2}", (m, b) -> {
            int at = b.ref(m.np("np2"));
            b.add("choose rel", b.bareName(m.np("np")) + "," + String.join("|", sideFirst(m))
                    + ",s", at);
        });
        // positions: Is the cup on the left or on the right?
        String side = "side|part|half|corner?";
        f("positionChoose", "is|are {np} on|in|at? the? {pos} " + side + " or on|in|at? the? {pos2} " + side,
                (m, b) -> choosePosition(m, b));
        f("positionChoose", "where in the|this photo|picture|image|photograph is|are {np} , on|in|at? the? {pos} "
                + side + " " + or + " on|in|at? the? {pos2} " + side, (m, b) -> choosePosition(m, b));
        f("positionChoose", "where|which|what side|part? is|are {np} , on|in|at? the? {pos} " + side + " "
                + or + " on|in|at? the? {pos2} " + side, (m, b) -> choosePosition(m, b));
        f("positionChoose", "which|what side|part is|are {np} on|in , on|in|at? the? {pos} " + side + " " + or
                + " on|in|at? the? {pos2} " + side, (m, b) -> choosePosition(m, b));
        f("positionChoose", "on|in|at which|what side|part is|are {np} , on|in|at? the? {pos} " + side + " " + or
                + " on|in|at? the? {pos2} " + side, (m, b) -> choosePosition(m, b));
        // attributes: Is the door open or closed?
        f("chooseAttr", "is|are {np} either? {attr} " + or + " {attr2}", (m, b) -> chooseAttribute(m, b, null));
        f("verifyAttrs", "is|are {np} made of {attr} and {attr2}", (m, b) -> b.verify(b.ref(m.np("np")),
                List.of(categorised(m.attr("attr"), "material"), m.attr("attr2")), m.np("np")));
        f("chooseAttr", "{np} is|are {attr} " + or + " {attr2}", (m, b) -> chooseAttribute(m, b, null));
        f("chooseAttr", "does|do {np} look|seem|appear to? be? {attr} " + or + " {attr2}",
                (m, b) -> chooseAttribute(m, b, null));
        f("chooseAttr", "how does|do {np} look|seem|appear to? be? like? , {attr} " + or + " {attr2}",
                (m, b) -> chooseAttribute(m, b, null));
        f("chooseAttr", "is|are {np} {attr} or is|are it|they|he|she {attr2}", (m, b) -> chooseAttribute(m, b, null));
        f("materialChoose", "is|are {np} made of|from {attr} " + or + " {attr2}",
                (m, b) -> chooseAttribute(m, b, "material"));
        f("materialChoose", "is|are {np} made out of {attr} " + or + " {attr2}",
                (m, b) -> chooseAttribute(m, b, "material"));
        f("materialChoose", "what|which material was|is used to make {np} , {attr} " + or + " {attr2}",
                (m, b) -> chooseAttribute(m, b, "material"));
        f("chooseAttr", "what|which {acat} is|are {np} , {attr} " + or + " {attr2}",
                (m, b) -> chooseAttribute(m, b, m.text("acat")));
        f("chooseAttr", "what|which {acat} is|are {np} made of , {attr} " + or + " {attr2}",
                (m, b) -> chooseAttribute(m, b, m.text("acat")));
        f("chooseAttr", "what|which {acat} does|do {np} have , {attr} " + or + " {attr2}",
                (m, b) -> chooseAttribute(m, b, m.text("acat")));
        f("chooseAttr", "what|which {acat} {np} is|are|has|have , {attr} " + or + " {attr2}",
                (m, b) -> chooseAttribute(m, b, m.text("acat")));
        f("chooseAttr", "what is|are the {acat} of {np} , {attr} " + or + " {attr2}",
                (m, b) -> chooseAttribute(m, b, m.text("acat")));
        f("materialChoose", "what is|are {np} made of|from , {attr} " + or + " {attr2}",
                (m, b) -> chooseAttribute(m, b, "material"));
        // a choice of two poses is a pose (What is the dog doing, sitting or walking?), else an activity
        f("activityChoose", "what is|are {np} doing , {attr} " + or + " {attr2}",
                (m, b) -> chooseAttribute(m, b, m.attr("attr").categories().contains("pose")
                        && m.attr("attr2").categories().contains("pose") ? "pose" : "activity"));
        f("how", "how {adj} is|are {np} , {attr} " + or + " {attr2}",
                (m, b) -> chooseAttribute(m, b, m.text("adj")));
    }

    /**
     * Returns what "what" or "who" stands for before two named options: the most specific class both belong to
     * ({@code a computer or a cell phone}: device), else any object (or a person, for "who"). GQA writes a relation
     * followed by a choice of names only in its category families (categoryRelOChoose, categoryRelSChoose), so
     * "Is the woman wearing a hat or a helmet?" gets the class as well.
     */
    private static NounPhrase shared(Slots m, ProgramBuilder b) {
        String c = b.lexicon().commonClass(m.np("noun").name(), m.np("noun2").name());
        if (c != null) {
            return NounPhrase.of(c, Kind.CLASS);
        }
        return m.first().equals("who") || m.first().equals("whom") ? NounPhrase.of("person", Kind.CLASS)
                : NounPhrase.any();
    }

    private static void chooseName(ProgramBuilder b, int at, Slots m) {
        b.add("choose name", m.np("noun").name() + "|" + m.np("noun2").name(), at);
    }

    private static void choosePlace(Slots m, ProgramBuilder b) {
        String x = m.np("noun").name();
        String y = m.np("noun2").name();
        String cx = Places.category(x);
        if (cx == null || !cx.equals(Places.category(y))) {
            fail("not two places");
        }
        b.add("choose " + cx, x + "|" + y, b.add("select", "scene"));
    }

    private static void relSubjChooseName(Slots m, ProgramBuilder b, NounPhrase cls) {
        int at = b.ref(m.np("np"));
        at = b.add("relate", b.name(cls, true) + "," + m.text("rel") + ",s", at);
        chooseName(b, at, m);
    }

    private static void relChooseName(Slots m, ProgramBuilder b, NounPhrase cls) {
        int at = b.ref(m.np("np"));
        at = b.add("relate", b.name(cls, true) + "," + m.text("rel") + ",o", at);
        chooseName(b, at, m);
    }

    private static void choosePosition(Slots m, ProgramBuilder b) {
        String a = m.text("pos");
        String c = m.text("pos2");
        boolean h = Set.of("left", "right").contains(a);
        if (h != Set.of("left", "right").contains(c)) {
            fail("positions of two axes");
        }
        b.add(h ? "choose hposition" : "choose vposition", a + "|" + c, b.ref(m.np("np")));
    }

    private static void chooseAttribute(Slots m, ProgramBuilder b, String category) {
        NounPhrase np = m.np("np");
        Filter a = m.attr("attr");
        Filter c = m.attr("attr2");
        if (category != null && !category.equals("name")) {
            a = categorised(a, category);
            c = categorised(c, category);
        } else if (category == null && !a.categories().isEmpty() && !c.categories().isEmpty()
                && a.categories().stream().noneMatch(c.categories()::contains)) {
            // values of two categories are no choice but two checks: Is the cup white or small?
            b.verify(b.ref(np), List.of(a, c), np, "or");
            return;
        }
        b.choose(b.ref(np), a, c, np);
    }

    // ------------------------------------------------------------------ logical

    private void logical() {
        String or = "or|, or?";
        f("existOr", "is|are there either? {np} " + or + " {np2}", (m, b) -> existBoth(m, b, "or"));
        f("existOr", "do|can you see either? {np} " + or + " {np2}", (m, b) -> existBoth(m, b, "or"));
        f("existAnd", "is|are there both? {np} and {np2}", (m, b) -> existBoth(m, b, "and"));
        f("existAnd", "do|can you see both? {np} and {np2}", (m, b) -> existBoth(m, b, "and"));
        f("verifyAttrAnd", "is|are {np} {attr} and {np2} {attr2}", (m, b) -> {
            int x = b.verify(b.ref(m.np("np")), List.of(m.attr("attr")), m.np("np"));
            int y = b.verify(b.ref(m.np("np2")), List.of(m.attr("attr2")), m.np("np2"));
            b.add("and", "", x, y);
        });
        f("verifyAttrAnd", "is|are {np} made of {attr} and {np2} made of {attr2}",
                (m, b) -> twoMaterials(m, b, "and"));
        f("verifyAttrOr", "is|are {np} made of {attr} or {np2} made of {attr2}",
                (m, b) -> twoMaterials(m, b, "or"));
        f("verifyAttrAnd", "are|is both {np} and {np2} {pred}", (m, b) -> bothVerify(m, b, "and"));
        f("verifyAttrOr", "is|are either {np} or {np2} {pred}", (m, b) -> bothVerify(m, b, "or"));
        f("verifyAttrOr", "is|are {np} or {np2} {pred}", (m, b) -> bothVerify(m, b, "or"));
        f("verifyAttrAnd", "are|is {np} and {np2} both? {pred}", (m, b) -> bothVerify(m, b, "and"));
        f("verifyAttrAnd", "do|does both {np} and {np2} look|seem {pred}", (m, b) -> bothVerify(m, b, "and"));
        f("verifyAttrAnd", "do|does {np} and {np2} both look|seem {pred}", (m, b) -> bothVerify(m, b, "and"));
        f("verifyAttrAnd", "do|does {np} and {np2} look|seem|appear to? be? {pred}",
                (m, b) -> bothVerify(m, b, "and"));
        // two relation checks of one object: Is the man wearing a hat and glasses? Is the cup on the table or on
        // the counter? Is the man wearing a hat and holding a bat? ("Is the man wearing a hat or a helmet?" is a
        // choice of name, read by the choose forms)
        f("relVerifyAnd", "is|are|does|do {np} {rel} {np2} and {np3}",
                (m, b) -> twoRelations(m, b, m.text("rel"), "and"));
        f("relVerifyOr", "is|are|does|do {np} {rel} {np2} or {rel2} {np3}",
                (m, b) -> twoRelations(m, b, m.text("rel2"), "or"));
        f("relVerifyAnd", "is|are|does|do {np} {rel} {np2} and {rel2} {np3}",
                (m, b) -> twoRelations(m, b, m.text("rel2"), "and"));
        f("verifyAttrOr", "is|are {np} {attr} or {np2} {attr2}", (m, b) -> {
            int x = b.verify(b.ref(m.np("np")), List.of(m.attr("attr")), m.np("np"));
            int y = b.verify(b.ref(m.np("np2")), List.of(m.attr("attr2")), m.np("np2"));
            b.add("or", "", x, y);
        });
    }

    /**
     * The two relations of a choice, the likelier answer first, as GQA writes its answer first: left and right
     * are put the way a side named in the question points ("the man on the right" has things to its left; "the
     * cup on the left" is to the left of things); otherwise the option named last first, which is GQA's answer
     * more often than the one named first (23 of 38 development questions).
     */
    private static List<String> sideFirst(Slots m) {
        List<String> options = List.of(m.text("ropt"), m.text("ropt2"));
        List<String> reversed = List.of(options.get(1), options.get(0));
        if (!options.contains("to the left of") || !options.contains("to the right of")) {
            return reversed;
        }
        String other = side(m.np("np2"));
        String own = side(m.np("np"));
        String first = other != null ? (other.equals("left") ? "to the right of" : "to the left of")
                : own != null ? "to the " + own + " of" : reversed.get(0);
        return first.equals(options.get(0)) ? options : reversed;
    }

    /** The side of the picture a phrase is placed on ({@code the man on the left}), or null. */
    private static String side(NounPhrase np) {
        for (NounPhrase.Filter f : np.filters()) {
            if (!f.negated() && f.categories().contains("hposition")
                    && (f.value().equals("left") || f.value().equals("right"))) {
                return f.value();
            }
        }
        return null;
    }

    private static void existBoth(Slots m, ProgramBuilder b, String op) {
        NounPhrase x = m.np("np");
        NounPhrase y = m.np("np2");
        // "white fences or hats", "women or men that are not young", "cars or trucks on the street": the
        // attributes and the relation are shared
        if (x.filters().isEmpty() && !y.filters().isEmpty()) {
            x = x.withFilters(y.filters());
        } else if (y.filters().isEmpty() && !x.filters().isEmpty()) {
            y = y.withFilters(x.filters());
        }
        if (x.link() == null && y.link() != null) {
            x = x.withLink(y.link());
        } else if (y.link() == null && x.link() != null) {
            y = y.withLink(x.link());
        }
        // GQA writes the object the picture has first. Both are there for most "both ... and" questions that GQA
        // balances (the "yes" half), which it writes in the question's order; for "either ... or", the object
        // named last is first more often (20 of 30 development questions)
        NounPhrase first = op.equals("and") ? x : y;
        NounPhrase second = op.equals("and") ? y : x;
        int e1 = b.add("exist", "?", b.some(first));
        int e2 = b.add("exist", "?", b.some(second));
        b.add(op, "", e1, e2);
    }

    /** Is the table made of wood and the chair made of metal? */
    private static void twoMaterials(Slots m, ProgramBuilder b, String op) {
        int x = b.verify(b.ref(m.np("np")), List.of(categorised(m.attr("attr"), "material")), m.np("np"));
        int y = b.verify(b.ref(m.np("np2")), List.of(categorised(m.attr("attr2"), "material")), m.np("np2"));
        b.add(op, "", x, y);
    }

    private static void twoRelations(Slots m, ProgramBuilder b, String second, String op) {
        int at = b.ref(m.np("np"));
        int x = b.verifyRelation(at, m.np("np2"), m.text("rel"), "o");
        int y = b.verifyRelation(at, m.np("np3"), second, "o");
        b.add(op, "", x, y);
    }

    private static void bothVerify(Slots m, ProgramBuilder b, String op) {
        int x = b.verify(b.ref(m.np("np")), m.filters("pred"), m.np("np"));
        int y = b.verify(b.ref(m.np("np2")), m.filters("pred"), m.np("np2"));
        b.add(op, "", x, y);
    }

    // ------------------------------------------------------------------ compare

    private void compare() {
        f("common", "what do|does {np} and {np2} have in common", (m, b) -> two(m, b, "common", ""));
        f("common", "what do|does both {np} and {np2} have in common", (m, b) -> two(m, b, "common", ""));
        f("common", "what is|do common to|between both? {np} and {np2}", (m, b) -> two(m, b, "common", ""));
        f("common", "what do|does {np} have in common with {np2}", (m, b) -> two(m, b, "common", ""));
        f("common", "what do|does {np} share with {np2}", (m, b) -> two(m, b, "common", ""));
        f("common", "what do|does {np} and {np2} share", (m, b) -> two(m, b, "common", ""));
        // same and different, two phrases
        f("twoSame", "do|does both? {np} and {np2} have the same {acat}", (m, b) -> twoCategory(m, b, "same"));
        f("twoSame", "are|is both? {np} and {np2} the same {acat}", (m, b) -> twoCategory(m, b, "same"));
        f("twoSame", "are|is both? {np} and {np2} of the same {acat}", (m, b) -> twoCategory(m, b, "same"));
        f("twoSame", "are|is both? {np} and {np2} made of the same {acat}", (m, b) -> twoCategory(m, b, "same"));
        f("twoSame", "is|are {np} the same {acat} as {np2}", (m, b) -> twoCategory(m, b, "same"));
        f("twoSame", "is|are the {acat} of {np} the same as that|those? of? {np2}",
                (m, b) -> twoCategory(m, b, "same"));
        f("twoDifferent", "is|are the {acat} of {np} different than|from that|those? of? {np2}",
                (m, b) -> twoCategory(m, b, "different"));
        // the category named twice: Is the color of the shirt different from the color of the pants?
        f("twoSame", "is|are the {acat} of {np} the same as the " + CATEGORIES + " of {np2}",
                (m, b) -> twoCategory(m, b, "same"));
        f("twoDifferent", "is|are the {acat} of {np} different than|from the " + CATEGORIES + " of {np2}",
                (m, b) -> twoCategory(m, b, "different"));
        f("twoSame", "is|are {np} of the same {acat} as {np2}", (m, b) -> twoCategory(m, b, "same"));
        f("twoSame", "is|are {np} made of the same {acat} as {np2}", (m, b) -> twoCategory(m, b, "same"));
        f("twoSame", "does|do {np} have the same {acat} as {np2}", (m, b) -> twoCategory(m, b, "same"));
        f("twoDifferent", "do|does both? {np} and {np2} have a? different {acat}", (m, b) -> twoCategory(m, b,
                "different"));
        f("twoDifferent", "are|is both? {np} and {np2} a? different {acat}", (m, b) -> twoCategory(m, b,
                "different"));
        f("twoDifferent", "are|is both? {np} and {np2} of a? different {acat}", (m, b) -> twoCategory(m, b,
                "different"));
        f("twoDifferent", "are|is both? {np} and {np2} different in {acat}", (m, b) -> twoCategory(m, b,
                "different"));
        f("twoDifferent", "are|is both? {np} and {np2} made of a? different {acat}", (m, b) -> twoCategory(m, b,
                "different"));
        f("twoDifferent", "does|do {np} have a? different {acat} than|from {np2}", (m, b) -> twoCategory(m, b,
                "different"));
        f("twoDifferent", "is|are {np} a? different {acat} than|from {np2}", (m, b) -> twoCategory(m, b,
                "different"));
        f("twoDifferent", "is|are {np} made of a? different {acat} than|from {np2}", (m, b) -> twoCategory(m, b,
                "different"));
        f("twoDifferent", "is|are {np} different in {acat} than|from {np2}", (m, b) -> twoCategory(m, b,
                "different"));
        f("twoSame", "is|are {np} the same in {acat} as {np2}", (m, b) -> twoCategory(m, b, "same"));
        f("twoSame", "is|are {np} similar in {acat} to {np2}", (m, b) -> twoCategory(m, b, "same"));
        // same and different within one phrase: Are all the animals the same species?
        f("sameAll", "are|is {np} all? the same {acat}", (m, b) -> oneCategory(m, b, "same"));
        f("sameAll", "are|is {np} all? of the same {acat}", (m, b) -> oneCategory(m, b, "same"));
        f("sameAll", "do|does {np} all? have the same {acat}", (m, b) -> oneCategory(m, b, "same"));
        f("sameAll", "are|is {np} all? made of the same {acat}", (m, b) -> oneCategory(m, b, "same"));
        f("diffAll", "are|is {np} all? a? different {acat}", (m, b) -> oneCategory(m, b, "different"));
        f("diffAll", "are|is {np} all? of a? different {acat}", (m, b) -> oneCategory(m, b, "different"));
        f("diffAll", "do|does {np} all? have a? different {acat}", (m, b) -> oneCategory(m, b, "different"));
        f("diffAll", "are|is {np} all? made of a? different {acat}", (m, b) -> oneCategory(m, b, "different"));
        f("sameAnimals", "are|is {np} {noun}", (m, b) -> {
            NounPhrase np = m.np("np");
            if (!(np.kind() == Kind.CLASS && np.name().equals("animal"))) {
                fail("not animals");
            }
            b.add("same", "type", b.ref(np));
        });
        // comparatives: Which is older, the fence or the bench?
        f("compare", "which|who|what one? is|are {comp} , {np} or {np2}", (m, b) -> two(m, b, "choose "
                + m.text("comp"), ""));
        f("compare", "is|are {np} or {np2} {comp}", (m, b) -> two(m, b, "choose " + m.text("comp"), ""));
        f("compare", "which|what {cls} is|are {comp} , {np} or {np2}", (m, b) -> two(m, b, "choose "
                + m.text("comp"), ""));
        f("compare", "which|what kind|type of {noun} is|are {comp} , {np} or {np2}", (m, b) -> two(m, b, "choose "
                + m.text("comp"), ""));
        f("compare", "who|which|what is|are {comp} , {np} or {np2}", (m, b) -> two(m, b, "choose "
                + m.text("comp"), ""));
        f("compare", "which|who|what one? looks|seems|appears {comp} , {np} or {np2}", (m, b) -> two(m, b,
                "choose " + m.text("comp"), ""));
        f("compare", "does|do {np} or {np2} look|seem {comp}", (m, b) -> two(m, b, "choose " + m.text("comp"), ""));
    }

    private static void two(Slots m, ProgramBuilder b, String op, String arg) {
        int x = b.ref(m.np("np"));
        int y = b.ref(m.np("np2"));
        b.add(op, arg, x, y);
    }

    private static void twoCategory(Slots m, ProgramBuilder b, String op) {
        String c = m.text("acat");
        two(m, b, op + " " + c, "");
    }

    private static void oneCategory(Slots m, ProgramBuilder b, String op) {
        NounPhrase np = m.np("np");
        b.add(op, m.text("acat"), b.ref(np.kind() == Kind.CLASS || np.name().equals("people")
                ? np.named(np.name().equals("people") ? "person" : np.name(), Kind.CLASS) : np));
    }
}
