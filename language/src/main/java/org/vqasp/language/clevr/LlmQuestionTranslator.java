package org.vqasp.language.clevr;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.vqasp.core.ErrorKind;
import org.vqasp.core.VqaspException;
import org.vqasp.core.clevr.ClevrJson;
import org.vqasp.core.clevr.Program;
import org.vqasp.language.ProgramCheck;
import org.vqasp.llm.LlmClient;
import org.vqasp.llm.LlmException;
import org.vqasp.world.questions.ClevrMetadata;
import org.vqasp.world.questions.TemplateLibrary;

/**
 * Asks a language model to translate a CLEVR question that the template parser did not understand into a
 * functional program. The reply is untrusted: only a JSON array of steps is read from it (nothing is run),
 * replies over {@link #MAX_REPLY} characters are refused, and the program must pass a {@link ProgramCheck} (the
 * reasoner's check against the theory, supplied by the caller) before it is returned.
 */
public final class LlmQuestionTranslator {

    /** The longest reply read, in characters. */
    public static final int MAX_REPLY = 20_000;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Questions the parser reads, shown to the model as worked examples. */
    private static final List<String> EXAMPLES = List.of(
            "How many red cubes are there?",
            "What material is the big thing left of the cyan sphere?",
            "Are there more rubber cylinders than small metal things?");

    private final LlmClient client;
    private final ProgramCheck<Program> check;
    private final String instructions;

    /**
     * Creates a translator.
     *
     * @param client the language model
     * @param check the check every program must pass (the reasoner's, against the theory)
     */
    public LlmQuestionTranslator(LlmClient client, ProgramCheck<Program> check) {
        this.client = Objects.requireNonNull(client, "client");
        this.check = Objects.requireNonNull(check, "check");
        this.instructions = instructions(TemplateLibrary.load());
    }

    /**
     * Translates a question.
     *
     * @param question the question, as the user typed it
     * @return the program the model proposes, checked
     * @throws LlmException when the model cannot answer (after retries)
     * @throws VqaspException of kind {@link ErrorKind#LLM_BAD_REPLY} when its reply holds no program, or
     *     {@link ErrorKind#LLM_PROGRAM_REFUSED} when the program fails the check
     */
    public Program translate(String question) {
        Program program = parseReply(client.chat(instructions + "\nQ: " + question.strip() + "\nA:").text());
        Optional<VqaspException> problem = check.check(program);
        if (problem.isPresent()) {
            throw new VqaspException(ErrorKind.LLM_PROGRAM_REFUSED, "the language model's program was refused: "
                    + problem.get().getMessage(), problem.get());
        }
        return program;
    }

    /**
     * Reads the program out of a reply: the first JSON array of steps in it.
     *
     * @throws VqaspException of kind {@link ErrorKind#LLM_BAD_REPLY} naming what was wrong
     */
    static Program parseReply(String reply) {
        if (reply == null || reply.isBlank()) {
            throw badReply("the language model gave an empty reply");
        }
        if (reply.length() > MAX_REPLY) {
            throw badReply("the reply has " + reply.length() + " characters, more than " + MAX_REPLY);
        }
        int from = reply.indexOf('[');
        int to = reply.lastIndexOf(']');
        if (from < 0 || to < from) {
            throw badReply("the reply holds no JSON array of program steps");
        }
        try {
            JsonNode steps = MAPPER.readTree(reply.substring(from, to + 1));
            return ClevrJson.program(steps);
        } catch (JsonProcessingException e) {
            throw badReply("the reply's program is not valid JSON: " + e.getOriginalMessage());
        } catch (IllegalArgumentException e) {
            throw badReply("the reply's program is malformed: " + e.getMessage());
        }
    }

    private static VqaspException badReply(String message) {
        return new VqaspException(ErrorKind.LLM_BAD_REPLY, message);
    }

    private static String instructions(TemplateLibrary library) {
        ClevrMetadata meta = library.metadata();
        StringBuilder sb = new StringBuilder();
        sb.append("Translate a question about a CLEVR scene into a CLEVR functional program.\n")
                .append("A program is a JSON array of steps {\"function\": F, \"inputs\": [earlier step indices], ")
                .append("\"value_inputs\": [values]}; the last step gives the answer. Reply with the JSON array only.\n")
                .append("Functions (inputs -> output):\n");
        for (Map.Entry<String, ClevrMetadata.Signature> e : meta.functions().entrySet()) {
            ClevrMetadata.Signature s = e.getValue();
            if (s.templateOnly()) {
                continue;
            }
            sb.append("  ").append(s.name());
            if (!s.sideInputs().isEmpty()) {
                sb.append(s.sideInputs());
            }
            sb.append(" (").append(String.join(", ", s.inputs())).append(") -> ").append(s.output()).append('\n');
        }
        sb.append("Values: ").append(meta.values().entrySet().stream()
                .filter(v -> v.getValue() != null && !v.getValue().isEmpty())
                .map(v -> v.getKey() + " = " + String.join("|", v.getValue())).collect(Collectors.joining("; ")))
                .append('\n');
        ClevrQuestionParser parser = new ClevrQuestionParser(library);
        for (String q : EXAMPLES) {
            ParseResult r = parser.parse(q);
            if (r instanceof ParseResult.Parsed p) {
                sb.append("Q: ").append(q).append("\nA: ").append(json(p.program())).append('\n');
            }
        }
        return sb.toString();
    }

    private static String json(Program p) {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(w)) {
            ClevrJson.writeProgram(g, p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }
}
