package org.vqasp.cli.ask;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.vqasp.core.ErrorKind;
import org.vqasp.core.clevr.ClevrObject;
import org.vqasp.core.clevr.ClevrScene;
import org.vqasp.core.clevr.Program;
import org.vqasp.core.clevr.ProgramStep;

/** Prints answers as text for people or as one JSON object per answer. */
public final class AskPrinter {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private AskPrinter() {
    }

    /** Prints the objects of a scene as a table. */
    public static void objects(PrintWriter out, ClevrScene scene, String name) {
        out.println("Objects in " + name + ":");
        out.printf("  %2s  %-6s %-7s %-8s %-9s %5s %5s %5s%n", "#", "size", "color", "material", "shape", "conf",
                "x", "y");
        List<ClevrObject> objects = scene.objects();
        for (int i = 0; i < objects.size(); i++) {
            ClevrObject o = objects.get(i);
            String x = o.pixelCoords() == null ? "-" : Long.toString(Math.round(o.pixelCoords().x()));
            String y = o.pixelCoords() == null ? "-" : Long.toString(Math.round(o.pixelCoords().y()));
            out.printf(Locale.ROOT, "  %2d  %-6s %-7s %-8s %-9s %5.2f %5s %5s%n", i, o.size(), o.color(),
                    o.material(), o.shape(), o.confidence(), x, y);
        }
        if (objects.isEmpty()) {
            out.println("  (no objects)");
        }
    }

    /** Prints a program on one line: {@code scene -> filter_color[red] -> unique -> query_shape}. */
    public static String program(Program p) {
        return p.describe();
    }

    /** Prints an answer for people: program, answer or why none, and the explanation when asked. */
    public static void text(PrintWriter out, AskResult r, boolean why) {
        if (r.program() != null) {
            out.println("Program: " + program(r.program()) + ("llm".equals(r.source()) ? "   (translated by the LLM)" : ""));
        }
        answer(out, r.answer(), r.errorKind(), r.errorReason() != null ? r.errorReason() : r.errorMessage(),
                r.suggestion() == null ? null : "Closest question form: " + r.suggestion(), r.errorMessage());
        if (r.answer() != null && r.note() != null) {
            out.println("Note:    " + r.note());
        }
        if (why) {
            why(out, r);
        }
        out.printf(Locale.ROOT, "(%.0f ms)%n", r.ms());
    }

    /**
     * Prints the answer line: the answer, why the question was not understood (and a hint), or why there is no
     * answer.
     */
    static void answer(PrintWriter out, String answer, String errorKind, String reason, String hint,
            String errorMessage) {
        if (answer != null) {
            out.println("Answer:  " + answer);
        } else if (ErrorKind.NOT_UNDERSTOOD.equals(errorKind)) {
            out.println("Not understood: " + reason);
            if (hint != null) {
                out.println(hint);
            }
        } else {
            out.println("No answer: " + errorMessage + " [" + errorKind + "]");
        }
    }

    /** Prints the explanation of an answer. */
    public static void why(PrintWriter out, AskResult r) {
        if (r.explanation() == null) {
            out.println("Why: nothing to explain" + (r.errorKind() != null ? " (" + r.errorKind() + ")" : ""));
            return;
        }
        out.println("Why:");
        for (String line : r.explanation().lines()) {
            out.println("  " + line);
        }
        out.println("  objects used: " + (r.explanation().usedObjects().isEmpty() ? "none"
                : String.join(", ", r.explanation().usedObjects().stream().sorted().map(String::valueOf).toList())));
    }

    /** Returns one answer as a JSON object: {@code answer, program, objects, explanation, ms} and more. */
    public static String json(AskResult r, ClevrScene scene) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("question", r.question());
        n.put("answer", r.answer());
        if (r.program() == null) {
            n.putNull("program");
        } else {
            ArrayNode steps = n.putArray("program");
            for (ProgramStep s : r.program().steps()) {
                ObjectNode st = steps.addObject();
                st.put("function", s.function());
                ArrayNode in = st.putArray("inputs");
                s.inputs().forEach(in::add);
                ArrayNode vi = st.putArray("value_inputs");
                s.valueInputs().forEach(vi::add);
            }
        }
        n.put("program_source", r.source());
        n.put("note", r.note());
        ArrayNode objects = n.putArray("objects");
        List<ClevrObject> os = scene.objects();
        for (int i = 0; i < os.size(); i++) {
            ClevrObject o = os.get(i);
            ObjectNode on = objects.addObject();
            on.put("index", i);
            on.put("size", o.size());
            on.put("color", o.color());
            on.put("material", o.material());
            on.put("shape", o.shape());
            on.put("confidence", Math.round(o.confidence() * 1000) / 1000.0);
            if (!o.probabilities().isEmpty()) {
                // the probability of each attribute's chosen value, in the order of the table
                ObjectNode ac = on.putObject("attribute_confidence");
                for (String attr : List.of("size", "color", "material", "shape")) {
                    Double p = o.probabilities().getOrDefault(attr, Map.of()).get(o.attribute(attr));
                    if (p != null) {
                        ac.put(attr, Math.round(p * 1000) / 1000.0);
                    }
                }
            }
            if (o.pixelCoords() != null) {
                on.put("x", Math.round(o.pixelCoords().x()));
                on.put("y", Math.round(o.pixelCoords().y()));
            }
        }
        if (r.explanation() == null) {
            n.putNull("explanation");
        } else {
            ObjectNode e = n.putObject("explanation");
            ArrayNode steps = e.putArray("steps");
            r.explanation().lines().forEach(steps::add);
            ArrayNode used = e.putArray("used_objects");
            r.explanation().usedObjects().stream().sorted().forEach(used::add);
        }
        n.put("ms", Math.round(r.ms() * 10) / 10.0);
        if (r.errorKind() == null) {
            n.putNull("error");
        } else {
            ObjectNode err = n.putObject("error");
            err.put("kind", r.errorKind());
            err.put("message", r.errorMessage());
        }
        if (r.suggestion() != null) {
            n.put("suggestion", r.suggestion());
        }
        return n.toString();
    }
}
