package org.vqasp.core.clevr;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vqasp.core.json.Json;

/**
 * Converts CLEVR v1.0 JSON items to records and back, in the released layout.
 *
 * <p>Parsing throws {@link IllegalArgumentException} naming the key and what was expected; readers turn that
 * into an error item.
 */
public final class ClevrJson {

    private ClevrJson() {
    }

    /** Parses one scene of a released scenes file. */
    public static ClevrScene scene(JsonNode n) {
        List<ClevrObject> objects = new ArrayList<>();
        JsonNode objs = Json.array(n, "objects");
        for (int i = 0; i < objs.size(); i++) {
            try {
                objects.add(object(objs.get(i)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("object " + i + ": " + e.getMessage(), e);
            }
        }
        Map<String, List<List<Integer>>> rel = new LinkedHashMap<>();
        JsonNode r = n.get("relationships");
        if (r != null && !r.isNull()) {
            if (!r.isObject()) {
                throw new IllegalArgumentException("\"relationships\" should be an object, found " + Json.kind(r));
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = r.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getValue().isArray()) {
                    throw new IllegalArgumentException("relationships \"" + e.getKey() + "\" should be an array");
                }
                List<List<Integer>> lists = new ArrayList<>();
                for (JsonNode l : e.getValue()) {
                    lists.add(Json.ints(l, "relationships \"" + e.getKey() + "\""));
                }
                rel.put(e.getKey(), lists);
            }
        }
        Map<String, Vec3> dirs = new LinkedHashMap<>();
        JsonNode d = n.get("directions");
        if (d != null && d.isObject()) {
            for (Iterator<String> it = d.fieldNames(); it.hasNext();) {
                String k = it.next();
                dirs.put(k, vec(Json.numbers(d, k, 3)));
            }
        }
        Integer imageIndex = Json.optInt(n, "image_index");
        return new ClevrScene(Json.optText(n, "split"), imageIndex == null ? -1 : imageIndex,
                Json.optText(n, "image_filename"), objects, rel, dirs);
    }

    /** Parses one object of a scene. */
    public static ClevrObject object(JsonNode o) {
        Vec3 coords = o.has("3d_coords") ? vec(Json.numbers(o, "3d_coords", 3)) : null;
        Vec3 pixels = o.has("pixel_coords") ? vec(Json.numbers(o, "pixel_coords", 3)) : null;
        double rotation = o.has("rotation") ? Json.number(o, "rotation") : 0.0;
        double confidence = o.has("confidence") ? Json.number(o, "confidence") : 1.0;
        Map<String, Map<String, Double>> probs = new LinkedHashMap<>();
        JsonNode p = o.get("probabilities");
        if (p != null && p.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = p.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                Map<String, Double> dist = new LinkedHashMap<>();
                for (Iterator<Map.Entry<String, JsonNode>> vt = e.getValue().fields(); vt.hasNext();) {
                    Map.Entry<String, JsonNode> v = vt.next();
                    dist.put(v.getKey(), v.getValue().asDouble());
                }
                probs.put(e.getKey(), dist);
            }
        }
        return new ClevrObject(Json.text(o, "shape"), Json.text(o, "color"), Json.text(o, "material"),
                Json.text(o, "size"), coords, pixels, rotation, confidence, probs);
    }

    /** Parses one question of a released questions file. */
    public static ClevrQuestion question(String key, JsonNode n) {
        Program program = null;
        JsonNode p = n.get("program");
        if (p != null && !p.isNull()) {
            program = program(p);
        }
        Long qi = n.has("question_index") ? Json.integer(n, "question_index") : Long.valueOf(key);
        Integer image = Json.optInt(n, "image_index");
        return new ClevrQuestion(Json.optText(n, "split"), qi, image == null ? -1 : image,
                Json.optText(n, "image_filename"), Json.text(n, "question"), Json.optText(n, "answer"),
                Json.optInt(n, "question_family_index"), Json.optText(n, "template_filename"),
                Json.optInt(n, "template_index"), program);
    }

    /**
     * Parses a program: an array of steps with {@code function} (or the generator's {@code type}),
     * {@code inputs} and {@code value_inputs} (or {@code side_inputs}).
     */
    public static Program program(JsonNode p) {
        if (!p.isArray()) {
            throw new IllegalArgumentException("\"program\" should be an array of steps, found " + Json.kind(p));
        }
        List<ProgramStep> steps = new ArrayList<>(p.size());
        for (int i = 0; i < p.size(); i++) {
            JsonNode s = p.get(i);
            String fn = s.hasNonNull("function") ? Json.text(s, "function")
                    : s.hasNonNull("type") ? Json.text(s, "type") : null;
            if (fn == null) {
                throw new IllegalArgumentException("program step " + i + ": missing \"function\"");
            }
            List<Integer> inputs = s.has("inputs") ? Json.ints(s.get("inputs"), "program step " + i + " \"inputs\"")
                    : List.of();
            JsonNode vi = s.has("value_inputs") ? s.get("value_inputs") : s.get("side_inputs");
            List<String> values = vi == null || vi.isNull() ? List.of()
                    : Json.texts(vi, "program step " + i + " \"value_inputs\"");
            steps.add(new ProgramStep(fn, inputs, values));
        }
        return new Program(steps);
    }

    /** Writes a program as a JSON array of steps with {@code inputs}, {@code function}, {@code value_inputs}. */
    public static void writeProgram(JsonGenerator g, Program program) throws IOException {
        g.writeStartArray();
        for (ProgramStep s : program.steps()) {
            g.writeStartObject();
            g.writeArrayFieldStart("inputs");
            for (int i : s.inputs()) {
                g.writeNumber(i);
            }
            g.writeEndArray();
            g.writeStringField("function", s.function());
            g.writeArrayFieldStart("value_inputs");
            for (String v : s.valueInputs()) {
                g.writeString(v);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    /** Writes a question in the released layout. */
    public static void writeQuestion(JsonGenerator g, ClevrQuestion q) throws IOException {
        g.writeStartObject();
        g.writeNumberField("image_index", q.imageIndex());
        if (q.imageFilename() != null) {
            g.writeStringField("image_filename", q.imageFilename());
        }
        if (q.split() != null) {
            g.writeStringField("split", q.split());
        }
        g.writeNumberField("question_index", q.questionIndex());
        if (q.familyIndex() != null) {
            g.writeNumberField("question_family_index", q.familyIndex());
        }
        if (q.templateFilename() != null) {
            g.writeStringField("template_filename", q.templateFilename());
        }
        if (q.templateIndex() != null) {
            g.writeNumberField("template_index", q.templateIndex());
        }
        g.writeStringField("question", q.question());
        if (q.answer() != null) {
            g.writeStringField("answer", q.answer());
        }
        if (q.program() != null) {
            g.writeFieldName("program");
            writeProgram(g, q.program());
        }
        g.writeEndObject();
    }

    /** Writes a scene in the released layout (plus {@code confidence} and {@code probabilities} when set). */
    public static void writeScene(JsonGenerator g, ClevrScene s) throws IOException {
        g.writeStartObject();
        if (s.split() != null) {
            g.writeStringField("split", s.split());
        }
        g.writeNumberField("image_index", s.imageIndex());
        if (s.imageFilename() != null) {
            g.writeStringField("image_filename", s.imageFilename());
        }
        g.writeArrayFieldStart("objects");
        for (ClevrObject o : s.objects()) {
            writeObject(g, o);
        }
        g.writeEndArray();
        g.writeObjectFieldStart("relationships");
        for (String key : inOrder(s.relationships().keySet(), ClevrScene.RELATIONS)) {
            g.writeArrayFieldStart(key);
            for (List<Integer> l : s.relationships().get(key)) {
                g.writeStartArray();
                for (int j : l) {
                    g.writeNumber(j);
                }
                g.writeEndArray();
            }
            g.writeEndArray();
        }
        g.writeEndObject();
        if (!s.directions().isEmpty()) {
            g.writeObjectFieldStart("directions");
            for (String key : inOrder(s.directions().keySet(), DIRECTIONS)) {
                g.writeFieldName(key);
                writeVec(g, s.directions().get(key));
            }
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    /** Writes one object. */
    public static void writeObject(JsonGenerator g, ClevrObject o) throws IOException {
        g.writeStartObject();
        g.writeStringField("shape", o.shape());
        g.writeStringField("color", o.color());
        g.writeStringField("material", o.material());
        g.writeStringField("size", o.size());
        if (o.coords() != null) {
            g.writeFieldName("3d_coords");
            writeVec(g, o.coords());
        }
        if (o.pixelCoords() != null) {
            g.writeFieldName("pixel_coords");
            g.writeStartArray();
            g.writeNumber(Math.round(o.pixelCoords().x()));
            g.writeNumber(Math.round(o.pixelCoords().y()));
            g.writeNumber(o.pixelCoords().z());
            g.writeEndArray();
        }
        g.writeNumberField("rotation", o.rotation());
        if (o.confidence() != 1.0 || !o.probabilities().isEmpty()) {
            g.writeNumberField("confidence", o.confidence());
            g.writeObjectFieldStart("probabilities");
            for (Map.Entry<String, Map<String, Double>> e : o.probabilities().entrySet()) {
                g.writeObjectFieldStart(e.getKey());
                for (Map.Entry<String, Double> v : e.getValue().entrySet()) {
                    g.writeNumberField(v.getKey(), v.getValue());
                }
                g.writeEndObject();
            }
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    /** The released files' order of the direction keys. */
    private static final List<String> DIRECTIONS = List.of("right", "behind", "above", "below", "left", "front");

    /** Returns keys in a fixed order (the known ones first, the rest sorted), so that output is reproducible. */
    private static List<String> inOrder(java.util.Set<String> keys, List<String> known) {
        List<String> out = new ArrayList<>();
        for (String k : known) {
            if (keys.contains(k)) {
                out.add(k);
            }
        }
        keys.stream().filter(k -> !known.contains(k)).sorted().forEach(out::add);
        return out;
    }

    private static void writeVec(JsonGenerator g, Vec3 v) throws IOException {
        g.writeStartArray();
        g.writeNumber(v.x());
        g.writeNumber(v.y());
        g.writeNumber(v.z());
        g.writeEndArray();
    }

    private static Vec3 vec(double[] a) {
        return new Vec3(a[0], a[1], a[2]);
    }
}
