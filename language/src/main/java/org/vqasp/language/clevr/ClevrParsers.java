package org.vqasp.language.clevr;

import java.util.ArrayList;
import java.util.List;
import org.vqasp.core.clevr.Program;
import org.vqasp.language.ParserChain;
import org.vqasp.language.QuestionParser;
import org.vqasp.language.clevr.grammar.ClevrGrammarParser;
import org.vqasp.language.clevr.learned.LearnedStage;

/**
 * The one CLEVR parser chain every command uses: the exact template parser (confidence 1), the grammar parser,
 * then, when given, a learned model ({@link LearnedStage}: it declines below its model's threshold; its programs
 * are well-typed by construction) and a language model (checked against the theory before its program is used).
 */
public final class ClevrParsers {

    private ClevrParsers() {
    }

    /** Returns the default chain: template, grammar, and the bundled learned parser when the build bundles one. */
    public static ParserChain<Program> chain() {
        return chain(LearnedStage.bundledOrNull(), null, null);
    }

    /**
     * Returns the chain: template, grammar, then the optional stages.
     *
     * @param learned a learned parser ({@code learned}), or null
     * @param llm a language-model translator as a parser ({@code llm}), or null
     * @param check checks the language-model stage's programs (compiles them against the theory); required
     *     when it is given
     */
    public static ParserChain<Program> chain(QuestionParser<Program> learned, QuestionParser<Program> llm,
            ParserChain.ProgramCheck<Program> check) {
        return chain(ClevrQuestionParser.load(), learned, llm, check);
    }

    /**
     * Returns the chain over a template parser already loaded.
     *
     * @param templates the template parser
     * @param learned a learned parser, or null
     * @param llm a language-model translator as a parser, or null
     * @param check checks the language-model stage's programs; required when it is given
     */
    public static ParserChain<Program> chain(ClevrQuestionParser templates, QuestionParser<Program> learned,
            QuestionParser<Program> llm, ParserChain.ProgramCheck<Program> check) {
        List<ParserChain.Stage<Program>> stages = new ArrayList<>();
        stages.add(ParserChain.Stage.of(new TemplateStage(templates)));
        stages.add(ParserChain.Stage.of(ClevrGrammarParser.load()));
        if (learned != null) {
            stages.add(ParserChain.Stage.of(learned));
        }
        if (llm != null) {
            stages.add(new ParserChain.Stage<>(llm, 0, true));
        }
        return new ParserChain<>(stages, check);
    }
}
