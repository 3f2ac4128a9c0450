package org.vqasp.distill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vqasp.llm.Backoff;
import org.vqasp.llm.LlmClient;
import org.vqasp.llm.ScriptedChatBackend;

class LlmProposerTest extends AbstractRuleProposerTest {

    private static final String RULE = "```asp\nfilter_color(S,O) :- input(S,O), arg(S,0,V), has(O,color,V).\n```";

    @Override
    protected RuleProposer proposer() {
        return proposer(new ScriptedChatBackend("Here is the rule:\n" + RULE));
    }

    private static LlmProposer proposer(ScriptedChatBackend model) {
        return new LlmProposer(new LlmClient(model, "scripted", Backoff.DEFAULT, d -> { }));
    }

    @Test
    void should_send_conventions_then_task_then_each_reply_and_its_feedback() {
        // given a dialogue with one repair turn
        ScriptedChatBackend model = new ScriptedChatBackend(RULE);
        Task task = task();
        Dialogue d = Dialogue.start(task, 0).then("first reply", new Feedback(Feedback.Kind.SYNTAX, "clingo said no"));

        // when the proposer is asked
        Proposal p = proposer(model).propose(d);

        // then the chat is system, user (the task), ai (the reply), user (the feedback)
        List<ChatMessage> m = model.requests().get(0).messages();
        assertEquals(4, m.size());
        assertEquals(Prompts.CONVENTIONS, ((SystemMessage) m.get(0)).text());
        String prompt = ((UserMessage) m.get(1)).singleText();
        assertTrue(prompt.contains(task.theory().strip()), "the theory goes verbatim");
        Example e = task.examples().get(0);
        assertTrue(prompt.contains("Expected answer: " + e.expected()));
        assertTrue(prompt.contains(e.question()));
        assertTrue(prompt.contains("step(0,scene)."), "program facts");
        assertTrue(prompt.contains("has(0,color,"), "scene facts");
        assertEquals("first reply", ((AiMessage) m.get(2)).text());
        assertEquals("clingo said no", ((UserMessage) m.get(3)).singleText());
        // and the proposal carries the reply, the prompt sent and the model's token counts
        assertEquals(RULE, p.reply());
        assertEquals("clingo said no", p.prompt());
        assertEquals(1, p.calls());
        assertEquals(1000, p.tokensIn());
        assertEquals(25, p.tokensOut());
    }
}
