package org.vqasp.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.vqasp.core.io.AtomicFiles;

/**
 * {@code summary.json} of a check run: {@code {"questions", "compiled", "failed", "failures": [{"id", "kind",
 * "message"}]}}, computed from the whole predictions file.
 *
 * @param questions questions checked
 * @param compiled questions whose program compiled and grounded
 * @param failures the others, with why
 */
public record CheckSummary(long questions, long compiled, List<Failure> failures) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * One question that failed the check.
     *
     * @param id the question
     * @param kind the error kind
     * @param message what was wrong
     */
    public record Failure(String id, String kind, String message) {
    }

    /** Copies the failures. */
    public CheckSummary {
        failures = List.copyOf(failures);
    }

    /** Computes the summary of a check run's predictions file. */
    public static CheckSummary of(Path predictions) {
        long[] n = new long[2];
        List<Failure> failures = new ArrayList<>();
        PredictionLog.read(predictions, p -> {
            n[0]++;
            if (p.errorKind() == null && p.predicted() != null) {
                n[1]++;
            } else {
                failures.add(new Failure(p.id(), p.errorKind() == null ? "unknown" : p.errorKind(),
                        p.errorMessage() == null ? "" : p.errorMessage()));
            }
        });
        return new CheckSummary(n[0], n[1], failures);
    }

    /** Returns the number of failures. */
    public long failed() {
        return failures.size();
    }

    /** Returns the summary in the layout of CLI.md. */
    public ObjectNode toJson() {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("questions", questions);
        o.put("compiled", compiled);
        o.put("failed", failed());
        ArrayNode a = o.putArray("failures");
        for (Failure f : failures) {
            ObjectNode x = a.addObject();
            x.put("id", f.id());
            x.put("kind", f.kind());
            x.put("message", f.message());
        }
        return o;
    }

    /** Writes {@code summary.json} into a directory. */
    public void write(Path dir) {
        AtomicFiles.writeJson(dir.resolve("summary.json"), toJson());
    }
}
