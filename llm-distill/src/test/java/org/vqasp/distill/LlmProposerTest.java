package org.vqasp.distill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.TimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LlmProposerTest extends AbstractRuleProposerTest {

    private static final String RULE = "```asp\nfilter_color(S,O) :- input(S,O), arg(S,0,V), has(O,color,V).\n```";

    private final List<Duration> slept = new ArrayList<>();

    @Override
    protected RuleProposer proposer() {
        return proposer(new ScriptedChatModel("Here is the rule:\n" + RULE), 3);
    }

    private LlmProposer proposer(ScriptedChatModel model, int retries) {
        return new LlmProposer(model, "scripted", new Backoff(retries, Duration.ofSeconds(2), 2.0, Duration.ofSeconds(60)),
                slept::add);
    }

    @Test
    void should_send_conventions_then_task_then_each_reply_and_its_feedback() {
        // given a dialogue with one repair turn
        ScriptedChatModel model = new ScriptedChatModel(RULE);
        Task task = task();
        Dialogue d = Dialogue.start(task, 0).then("first reply", new Feedback(Feedback.Kind.SYNTAX, "clingo said no"));

        // when the proposer is asked
        Proposal p = proposer(model, 0).propose(d);

        // then the chat is system, user (the task), ai (the reply), user (the feedback)
        List<ChatMessage> m = model.requests.get(0).messages();
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

    @Test
    void should_retry_rate_limits_and_server_errors_with_growing_waits() {
        // given a model that is rate-limited, then fails, then answers
        ScriptedChatModel model = new ScriptedChatModel(new RateLimitException("429"),
                new InternalServerException("500"), RULE);

        // when the proposer is asked
        Proposal p = proposer(model, 3).propose(Dialogue.start(task(), 0));

        // then it waited 2 s then 4 s, and counts three calls
        assertEquals(List.of(Duration.ofSeconds(2), Duration.ofSeconds(4)), slept);
        assertEquals(3, p.calls());
        assertEquals(RULE, p.reply());
    }

    @Test
    void should_give_up_on_time_outs_after_its_retries_with_a_retriable_error() {
        // given a model that always times out
        ScriptedChatModel model = new ScriptedChatModel(new TimeoutException("read timed out"));

        // when the proposer is asked, then it fails as retriable after 1 + 2 calls
        ProposerException e = assertThrows(ProposerException.class,
                () -> proposer(model, 2).propose(Dialogue.start(task(), 0)));
        assertTrue(e.retriable());
        assertEquals("llm_unavailable", e.kind());
        assertEquals(3, model.requests.size());
        assertTrue(e.getMessage().contains("after 3 calls"), e.getMessage());
    }

    @Test
    void should_not_retry_an_authentication_failure() {
        // given a model that refuses the key
        ScriptedChatModel model = new ScriptedChatModel(new AuthenticationException("invalid api key"));

        // then the first call fails as non-retriable, with no wait
        ProposerException e = assertThrows(ProposerException.class,
                () -> proposer(model, 3).propose(Dialogue.start(task(), 0)));
        assertFalse(e.retriable());
        assertEquals(1, model.requests.size());
        assertEquals(List.of(), slept);
    }
}
