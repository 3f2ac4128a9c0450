package org.vqasp.language.clevr;

import java.util.List;
import java.util.Objects;
import org.vqasp.core.clevr.Program;
import org.vqasp.language.Parse;
import org.vqasp.language.QuestionParser;

/**
 * The exact CLEVR template parser ({@link ClevrQuestionParser}) as the first stage of a parser chain: a match
 * is certain (confidence 1, the template named in the note); anything else is declined with the parser's reason.
 */
public final class TemplateStage implements QuestionParser<Program> {

    /** The stage's name in predictions. */
    public static final String NAME = "template";

    private final ClevrQuestionParser parser;

    /** Wraps a template parser. */
    public TemplateStage(ClevrQuestionParser parser) {
        this.parser = Objects.requireNonNull(parser, "parser");
    }

    /** Returns the template parser underneath (its vocabulary, its closest-template suggestions). */
    public ClevrQuestionParser parser() {
        return parser;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Parse<Program> parse(String question) {
        ParseResult.Parsed p = parser.match(question);
        if (p != null) {
            String template = p.templateFilename().replace(".json", "") + "/" + p.templateIndex();
            return new Parse.Parsed<>(p.program(), NAME, 1.0, template);
        }
        // the reason without the closest template, which costs more than reading the question
        List<String> unknown = parser.unknownWords(question);
        return new Parse.NotUnderstood<>(NAME, "matches no CLEVR question template"
                + (unknown.isEmpty() ? "" : "; unknown words: " + String.join(", ", unknown)));
    }
}
