package org.vqasp.core.gqa;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vqasp.core.json.Json;

/**
 * Converts items of the released GQA files to records.
 *
 * <p>Parsing throws {@link IllegalArgumentException} naming the key and what was expected; readers turn that
 * into an error item.
 */
public final class GqaJson {

    private GqaJson() {
    }

    /**
     * Parses one entry of a questions file.
     *
     * @param qid the entry's key
     * @param n the entry
     */
    public static GqaQuestion question(String qid, JsonNode n) {
        if (n == null || !n.isObject()) {
            throw new IllegalArgumentException("expected a JSON object, found " + Json.kind(n));
        }
        String semanticStr = Json.optText(n, "semanticStr");
        List<GqaOperation> semantic;
        JsonNode sem = n.get("semantic");
        if (sem != null && !sem.isNull()) {
            semantic = semantic(sem);
        } else if (semanticStr != null) {
            semantic = SemanticString.parse(semanticStr);
        } else {
            semantic = List.of();
        }
        String imageId = Json.optText(n, "imageId");
        if (imageId == null) {
            throw new IllegalArgumentException("missing \"imageId\"");
        }
        JsonNode t = n.get("types");
        GqaTypes types = t == null || !t.isObject() ? GqaTypes.NONE
                : new GqaTypes(Json.optText(t, "structural"), Json.optText(t, "semantic"), Json.optText(t, "detailed"));
        JsonNode g = n.get("groups");
        GqaGroups groups = g == null || !g.isObject() ? GqaGroups.NONE
                : new GqaGroups(Json.optText(g, "global"), Json.optText(g, "local"));
        JsonNode b = n.get("isBalanced");
        Boolean balanced = b == null || b.isNull() ? null : b.asBoolean();
        JsonNode annotations = n.get("annotations");
        return new GqaQuestion(qid, imageId, Json.text(n, "question"), Json.optText(n, "answer"),
                Json.optText(n, "fullAnswer"), semantic, semanticStr, types, groups, balanced,
                optTexts(n, "entailed"), optTexts(n, "equivalent"),
                annotations == null || annotations.isNull() ? null : annotations, n);
    }

    /** Parses a {@code semantic} list: objects with {@code operation}, {@code argument}, {@code dependencies}. */
    public static List<GqaOperation> semantic(JsonNode a) {
        if (!a.isArray()) {
            throw new IllegalArgumentException("\"semantic\" should be an array of steps, found " + Json.kind(a));
        }
        List<GqaOperation> out = new ArrayList<>(a.size());
        for (int i = 0; i < a.size(); i++) {
            JsonNode s = a.get(i);
            try {
                String argument = Json.optText(s, "argument");
                JsonNode deps = s.get("dependencies");
                out.add(new GqaOperation(Json.text(s, "operation"), argument == null ? "" : argument,
                        deps == null || deps.isNull() ? List.of() : Json.ints(deps, "\"dependencies\"")));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("semantic step " + i + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    /**
     * Parses one entry of a scene-graphs file.
     *
     * @param imageId the entry's key
     * @param n the entry
     */
    public static GqaSceneGraph sceneGraph(String imageId, JsonNode n) {
        int width = (int) Json.integer(n, "width");
        int height = (int) Json.integer(n, "height");
        JsonNode objs = Json.required(n, "objects");
        if (!objs.isObject()) {
            throw new IllegalArgumentException("\"objects\" should be an object of objects by id, found "
                    + Json.kind(objs));
        }
        Map<String, GqaObject> objects = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = objs.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            try {
                objects.put(e.getKey(), object(e.getKey(), e.getValue()));
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException("object " + e.getKey() + ": " + ex.getMessage(), ex);
            }
        }
        return new GqaSceneGraph(imageId, width, height, Json.optText(n, "location"), Json.optText(n, "weather"),
                objects);
    }

    /** Parses one object of a scene graph. */
    public static GqaObject object(String id, JsonNode o) {
        List<GqaRelation> relations = new ArrayList<>();
        JsonNode rels = o.get("relations");
        if (rels != null && !rels.isNull()) {
            if (!rels.isArray()) {
                throw new IllegalArgumentException("\"relations\" should be an array, found " + Json.kind(rels));
            }
            for (int i = 0; i < rels.size(); i++) {
                JsonNode r = rels.get(i);
                try {
                    relations.add(new GqaRelation(Json.text(r, "name"), Json.optText(r, "object")));
                } catch (IllegalArgumentException | NullPointerException ex) {
                    throw new IllegalArgumentException("relation " + i + ": "
                            + (ex instanceof NullPointerException ? "missing \"object\"" : ex.getMessage()), ex);
                }
            }
        }
        return new GqaObject(id, Json.text(o, "name"), coordinate(o, "x"), coordinate(o, "y"),
                coordinate(o, "w"), coordinate(o, "h"), optTexts(o, "attributes"), relations);
    }

    private static int coordinate(JsonNode o, String key) {
        return (int) Math.round(Json.number(o, key));
    }

    private static List<String> optTexts(JsonNode n, String key) {
        JsonNode v = n.get(key);
        return v == null || v.isNull() ? List.of() : Json.texts(v, "\"" + key + "\"");
    }
}
