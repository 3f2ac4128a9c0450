package org.vqasp.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * One line of a run's {@code predictions.jsonl}, read tolerantly: the keys of {@code docs/CLI.md} plus those newer
 * runs add ({@code parser}, {@code parser_confidence}, {@code program}, {@code gold_program}); unknown keys are
 * ignored and missing ones are null.
 *
 * @param id the question's identifier
 * @param image the image
 * @param question the question text
 * @param gold the expected answer, or null
 * @param predicted the answer given, or null
 * @param correct whether it was right, or null without a gold answer
 * @param errorKind the error kind, or null
 * @param errorMessage the error message, or null
 * @param families the report groups
 * @param parser the parser that produced the program, or null
 * @param parserConfidence its confidence, or NaN
 * @param program the program the run used, as written in the row (text or JSON), or null
 * @param goldProgram the dataset's program, as written in the row, or null
 */
public record PredictionRow(String id, String image, String question, String gold, String predicted, Boolean correct,
        String errorKind, String errorMessage, List<String> families, String parser, double parserConfidence,
        JsonNode program, JsonNode goldProgram) {

    /** Copies the families. */
    public PredictionRow {
        families = List.copyOf(families);
    }

    /** Returns whether the row counts as a failure: answered wrongly, or not answered. */
    public boolean failed() {
        return Boolean.FALSE.equals(correct) || correct == null && errorKind != null;
    }

    /** Returns the first report group, or {@code "unknown"}. */
    public String family() {
        return families.isEmpty() ? "unknown" : families.get(0);
    }

    /**
     * Reads every complete row of a predictions file; a line that is not a prediction (cut short by a kill) is
     * skipped.
     *
     * @param file the predictions file
     * @return the rows in file order
     */
    public static List<PredictionRow> readAll(Path file) {
        List<PredictionRow> rows = new ArrayList<>();
        try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
            lines.forEach(line -> {
                JsonNode n = line.isBlank() ? null : JsonFields.parse(line);
                if (n != null && n.isObject() && n.hasNonNull("id")) {
                    rows.add(of(n));
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return rows;
    }

    static PredictionRow of(JsonNode n) {
        JsonNode e = JsonFields.get(n, "error");
        List<String> families = new ArrayList<>();
        JsonNode f = JsonFields.get(n, "family");
        if (f.isArray()) {
            f.forEach(x -> families.add(x.asText()));
        } else if (f.isTextual()) {
            families.add(f.asText());
        }
        JsonNode correct = JsonFields.get(n, "correct");
        return new PredictionRow(n.get("id").asText(), JsonFields.text(n, "image"), JsonFields.text(n, "question"),
                JsonFields.text(n, "gold"), JsonFields.text(n, "predicted"),
                correct.isBoolean() ? correct.asBoolean() : null,
                e.isObject() ? JsonFields.text(e, "kind") : e.isTextual() ? e.asText() : null,
                e.isObject() ? JsonFields.text(e, "message") : null, families, JsonFields.text(n, "parser"),
                JsonFields.number(n, "parser_confidence"), present(JsonFields.get(n, "program")),
                present(JsonFields.get(n, "gold_program")));
    }

    private static JsonNode present(JsonNode n) {
        return n.isMissingNode() || n.isNull() ? null : n;
    }
}
