package org.vqasp.cli.ask;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import org.vqasp.core.gqa.GqaObject;
import org.vqasp.core.gqa.GqaOperation;
import org.vqasp.core.gqa.GqaRelation;
import org.vqasp.core.gqa.GqaSceneGraph;
import org.vqasp.core.gqa.SemanticString;

/** Prints GQA answers as text for people or as one JSON object per answer. */
public final class GqaAskPrinter {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private GqaAskPrinter() {
    }

    /** Prints the objects of a scene graph as a table. */
    public static void objects(PrintWriter out, GqaSceneGraph g, String name) {
        out.println("Objects in " + name + " (" + g.width() + "x" + g.height()
                + (g.location() != null ? ", " + g.location() : "") + (g.weather() != null ? ", " + g.weather() : "")
                + "):");
        out.printf("  %-8s %-16s %-30s %4s %4s %4s %4s%n", "id", "name", "attributes", "x", "y", "w", "h");
        for (GqaObject o : g.objects().values()) {
            out.printf(Locale.ROOT, "  %-8s %-16s %-30s %4d %4d %4d %4d%n", o.id(), cut(o.name(), 16),
                    cut(String.join(", ", o.attributes()), 30), o.x(), o.y(), o.w(), o.h());
        }
        if (g.objects().isEmpty()) {
            out.println("  (no objects)");
        }
    }

    /** Prints the relations of a scene graph, one object per line. */
    public static void relations(PrintWriter out, GqaSceneGraph g) {
        for (GqaObject o : g.objects().values()) {
            if (o.relations().isEmpty()) {
                continue;
            }
            StringBuilder sb = new StringBuilder();
            for (GqaRelation r : o.relations()) {
                GqaObject t = g.objects().get(r.object());
                sb.append(sb.length() == 0 ? "" : "; ").append(r.name()).append(' ')
                        .append(t == null ? r.object() : t.name() + " " + r.object());
            }
            out.println("  " + o.id() + " " + o.name() + ": " + sb);
        }
    }

    /** Returns a program on one line, as a GQA {@code semanticStr} with blanks around the arrows. */
    public static String program(List<GqaOperation> p) {
        return SemanticString.withoutIds(SemanticString.format(p)).replace("->", " -> ").replaceAll("\\s+", " ");
    }

    /** Prints an answer for people: program, answer or why none, and the explanation when asked. */
    public static void text(PrintWriter out, GqaAskSession.GqaAskResult r, boolean why) {
        if (r.program() != null) {
            out.println("Program: " + program(r.program()));
            if (!r.answered().equals(r.program())) {
                out.println("Answered as: " + program(r.answered()));
            }
        }
        if (r.program() != null && r.note() != null) {
            String[] parts = r.note().split("; ");
            for (int i = 1; i < parts.length; i++) {
                out.println("Note:    " + parts[i] + (parts[i].startsWith("unknown words")
                        ? " (not in GQA's vocabulary, read as names)" : ""));
            }
        }
        AskPrinter.answer(out, r.answer(), r.errorKind(), r.errorMessage(), null, r.errorMessage());
        if (why) {
            why(out, r);
        }
        out.printf(Locale.ROOT, "(%.0f ms)%n", r.ms());
    }

    /** Prints the explanation of an answer. */
    public static void why(PrintWriter out, GqaAskSession.GqaAskResult r) {
        if (r.explanation() == null) {
            out.println("Why: nothing to explain" + (r.errorKind() != null ? " (" + r.errorKind() + ")" : ""));
            return;
        }
        String form = r.note() == null ? "" : r.note().split(";")[0];
        String article = !form.isEmpty() && "aeiou".indexOf(Character.toLowerCase(form.charAt(0))) >= 0 ? "an" : "a";
        out.println("Why" + (form.isEmpty() ? "" : " (read as " + article + " " + form + " question, "
                + String.format(Locale.ROOT, "confidence %.2f", r.confidence()) + ")") + ":");
        for (String line : r.explanation().lines()) {
            out.println("  " + line);
        }
        out.println("  objects used: " + (r.explanation().usedObjects().isEmpty() ? "none"
                : String.join(", ", r.explanation().usedObjects())));
    }

    /**
     * Returns one answer as a JSON object: {@code question, answer, program, program_steps, parser,
     * parser_confidence, parser_note, objects, explanation, error, ms}.
     */
    public static String json(GqaAskSession.GqaAskResult r, GqaSceneGraph g) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("question", r.question());
        n.put("image", g.imageId());
        n.put("answer", r.answer());
        n.put("program", r.program() == null ? null : SemanticString.withoutIds(SemanticString.format(r.program())));
        if (r.program() == null) {
            n.putNull("program_steps");
        } else {
            ArrayNode steps = n.putArray("program_steps");
            for (GqaOperation op : r.program()) {
                ObjectNode s = steps.addObject();
                s.put("operation", op.operation());
                s.put("argument", op.argument().strip());
                ArrayNode d = s.putArray("dependencies");
                op.dependencies().forEach(d::add);
            }
        }
        n.put("parser", r.parser());
        if (r.confidence() == null) {
            n.putNull("parser_confidence");
        } else {
            n.put("parser_confidence", Math.round(r.confidence() * 1000) / 1000.0);
        }
        n.put("parser_note", r.note());
        ArrayNode objects = n.putArray("objects");
        for (GqaObject o : g.objects().values()) {
            ObjectNode on = objects.addObject();
            on.put("id", o.id());
            on.put("name", o.name());
            ArrayNode a = on.putArray("attributes");
            o.attributes().forEach(a::add);
            ArrayNode box = on.putArray("box");
            box.add(o.x()).add(o.y()).add(o.w()).add(o.h());
        }
        if (r.explanation() == null) {
            n.putNull("explanation");
        } else {
            ObjectNode e = n.putObject("explanation");
            ArrayNode steps = e.putArray("steps");
            r.explanation().lines().forEach(steps::add);
            ArrayNode used = e.putArray("used_objects");
            r.explanation().usedObjects().forEach(used::add);
        }
        if (r.errorKind() == null) {
            n.putNull("error");
        } else {
            ObjectNode e = n.putObject("error");
            e.put("kind", r.errorKind());
            e.put("message", r.errorMessage());
        }
        n.put("ms", Math.round(r.ms() * 1000) / 1000.0);
        return n.toString();
    }

    private static String cut(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "~";
    }
}
