package org.vqasp.core.clevr.questions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vqasp.core.clevr.ClevrQuestion;

class ClevrQuestionParserTest {

    private static ClevrQuestionParser parser;

    @BeforeAll
    static void compile() {
        parser = ClevrQuestionParser.load();
    }

    /** Parses every question and returns the failures, one line each. */
    private static List<String> failures(List<ClevrQuestion> questions, boolean checkTemplate) {
        List<String> bad = new ArrayList<>();
        for (ClevrQuestion q : questions) {
            ParseResult r = parser.parse(q.question());
            if (!(r instanceof ParseResult.Parsed p)) {
                bad.add(q.questionIndex() + " " + q.family() + " \"" + q.question() + "\": "
                        + ((ParseResult.NotUnderstood) r).message());
                continue;
            }
            if (!p.program().equals(q.program())) {
                bad.add(q.questionIndex() + " " + q.family() + " \"" + q.question() + "\": parsed " + p.program()
                        + " as " + p.templateFilename() + "/" + p.templateIndex() + ", released " + q.program());
            } else if (checkTemplate && !(p.templateFilename().equals(q.templateFilename())
                    && p.templateIndex() == q.templateIndex())
                    && parser.readings(q.question()).stream().noneMatch(x -> x.templateFilename()
                            .equals(q.templateFilename()) && x.templateIndex() == q.templateIndex())) {
                // a different template is fine only where two templates share the text and the program
                bad.add(q.questionIndex() + " " + q.family() + " \"" + q.question() + "\": template "
                        + p.templateFilename() + "/" + p.templateIndex());
            }
        }
        return bad;
    }

    @Test
    void should_recover_every_program_of_gen_dev() {
        // given 3,200 questions of the original generator
        List<ClevrQuestion> questions = Fixtures.questions(Fixtures.GEN_DEV_QUESTIONS);

        // when each text is parsed
        List<String> bad = failures(questions, true);

        // then every program is the released one, and so is every template but where two share the text
        // (same_relate k and k + 8 with an empty second filter: "How many other things are the same ...")
        assertEquals(3200, questions.size());
        assertTrue(bad.isEmpty(), bad.size() + " of " + questions.size() + " wrong:\n"
                + String.join("\n", bad.subList(0, Math.min(40, bad.size()))));
    }

    @Test
    void should_recover_every_program_of_real_dev_and_val_sample() {
        // given real CLEVR questions (too_clevr's, with "right it" phrases) and val question 0
        List<ClevrQuestion> questions = new ArrayList<>(Fixtures.questions(Fixtures.REAL_DEV_QUESTIONS));
        questions.addAll(Fixtures.questions(Fixtures.VAL_QUESTIONS));

        // when each text is parsed
        List<String> bad = failures(questions, false);

        // then every program is the released one
        assertEquals(21, questions.size());
        assertTrue(bad.isEmpty(), String.join("\n", bad));
    }
}
