package org.vqasp.reasoning.gqa;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.vqasp.core.gqa.GqaNames;
import org.vqasp.core.gqa.GqaObject;
import org.vqasp.core.gqa.GqaRelation;
import org.vqasp.core.gqa.GqaSceneGraph;
import org.vqasp.core.gqa.GqaVocabulary;
import org.vqasp.reasoning.Facts;

/**
 * Encodes a GQA scene graph as facts for the GQA theory ({@code asp-rules/gqa/theory.lp}): {@code image(W,H)},
 * {@code object(O)}, {@code label(O,N)} (the name as annotated), {@code name(O,N)} (its singular form),
 * {@code class(O,C)} (the name and its super-classes), {@code has(O,V)}, {@code rel(O,R,P)},
 * {@code box(O,X,Y,W,H)}, and {@code cat(V,C)} for the attribute values that occur. The image itself is the
 * pseudo-object {@code scene} with its location and weather.
 *
 * <p>Only the hierarchy facts the graph needs are emitted: clingo's cost grows with every fact, and the full
 * hierarchies hold thousands. Names and values are untrusted text and go through {@link Facts}.
 */
public final class GqaSceneEncoder {

    /** The pseudo-object standing for the whole image. */
    public static final String SCENE = "scene";

    private static final Pattern SMALL_NUMBER = Pattern.compile("0|[1-9][0-9]{0,8}");

    private GqaSceneEncoder() {
    }

    /** Returns the facts of a scene graph. */
    public static String encode(GqaSceneGraph graph, GqaVocabulary vocabulary) {
        return encode(graph, vocabulary, new Facts()).toString();
    }

    /**
     * Appends the facts of a scene graph to a fact list.
     *
     * @param graph the scene graph
     * @param vocabulary the hierarchies
     * @param facts the fact list
     * @return the fact list
     */
    public static Facts encode(GqaSceneGraph graph, GqaVocabulary vocabulary, Facts facts) {
        facts.add("image", graph.width(), graph.height());
        Map<String, Set<String>> categories = new LinkedHashMap<>();
        facts.add("class", SCENE, SCENE);
        if (graph.location() != null) {
            String loc = GqaNames.clean(graph.location());
            facts.add("has", SCENE, loc);
            categories.computeIfAbsent(loc, k -> new LinkedHashSet<>()).add("location");
        }
        if (graph.weather() != null) {
            String w = GqaNames.clean(graph.weather());
            facts.add("has", SCENE, w);
            categories.computeIfAbsent(w, k -> new LinkedHashSet<>()).add("weather");
        }
        for (GqaObject o : graph.objects().values()) {
            Object id = id(o.id());
            String single = GqaNames.singular(o.name());
            facts.add("object", id);
            facts.add("label", id, GqaNames.clean(o.name()));
            facts.add("name", id, single);
            facts.add("class", id, single);
            for (String parent : vocabulary.parents(o.name())) {
                facts.add("class", id, parent);
            }
            Set<String> values = new LinkedHashSet<>();
            for (String a : o.attributes()) {
                values.add(GqaNames.clean(a));
            }
            values.addAll(vocabulary.impliedAttributes(o.name()));
            for (String v : values) {
                facts.add("has", id, v);
                categories.computeIfAbsent(v, k -> new LinkedHashSet<>()).addAll(vocabulary.categories(v));
            }
            facts.add("box", id, o.x(), o.y(), o.w(), o.h());
            for (GqaRelation r : o.relations()) {
                facts.add("rel", id, GqaNames.clean(r.name()), id(r.object()));
            }
        }
        categories.forEach((v, cs) -> cs.forEach(c -> facts.add("cat", v, c)));
        return facts;
    }

    /**
     * Returns an object id as a term: a number when it is one (GQA ids are), else the text.
     *
     * @param id the id
     * @return an {@link Integer} or the string
     */
    public static Object id(String id) {
        return SMALL_NUMBER.matcher(id).matches() ? (Object) Integer.valueOf(id) : id;
    }
}
