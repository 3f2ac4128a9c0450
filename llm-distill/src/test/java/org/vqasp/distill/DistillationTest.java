package org.vqasp.distill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vqasp.core.InputException;
import org.vqasp.core.Progress;
import org.vqasp.core.Samples;
import org.vqasp.llm.Backoff;
import org.vqasp.llm.LlmClient;
import org.vqasp.llm.ScriptedChatBackend;
import org.vqasp.reasoning.clingo.GuardedClingo;

class DistillationTest {

    @TempDir
    Path tmp;

    private static DistillConfig.Builder config(Path out, int train, int test, int batch) {
        return DistillConfig.builder()
                .setData(DistillConfig.Dataset.CLEVR, Samples.path("clevr/gen-dev/questions.json"),
                        Samples.path("clevr/gen-dev/scenes.json"))
                .setOut(out)
                .optDeletePredicate(PredicateSelector.parse("filter_color"))
                .optSeed(1)
                .optTrain(train)
                .optTest(test)
                .optLoop(new Distiller.Options(batch, 2, 2, 100))
                .optLimits(new GuardedClingo.Limits(Duration.ofSeconds(10), 1L << 30, 64L << 20));
    }

    private static List<JsonNode> events(Path out, String name) {
        return RunLog.read(out.resolve(Distillation.RUN_LOG)).stream()
                .filter(e -> name.equals(e.path("event").asText())).toList();
    }

    @Test
    @Tag("slow") // a whole distillation run
    void should_restore_test_accuracy_after_deleting_a_filter_predicate() throws Exception {
        // given the theory without filter_color's rule, 20 training examples in one batch, 150 test questions
        Path out = tmp.resolve("run");
        DistillConfig c = config(out, 20, 150, 20).build();

        // when the enumerative proposer distils
        DistillSummary s = Distillation.of(c, Map.of()).run(Progress.NONE);

        // then test accuracy drops without the rule and comes back to the full theory's
        assertEquals(1.0, s.fullAccuracy());
        assertTrue(s.beforeAccuracy() < 0.5, "before " + s.beforeAccuracy());
        assertEquals(s.fullAccuracy(), s.afterAccuracy());
        assertEquals(20, s.trainSolved());
        assertEquals(1, s.counters().acceptedRules());
        // and the run directory holds the log, the snapshots, the final theory and the summary
        for (String f : List.of("run.jsonl", "theory-000.lp", "theory-001.lp", "theory.lp", "deleted.lp",
                "provenance.json", "summary.json")) {
            assertTrue(Files.exists(out.resolve(f)), f);
        }
        assertEquals(Files.readString(out.resolve("theory-001.lp")), Files.readString(out.resolve("theory.lp")));
        assertTrue(Files.readString(out.resolve("deleted.lp")).contains("filter_color(S,O) :- step(S,filter_color)"));
        JsonNode summary = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.resolve("summary.json").toFile());
        for (String k : List.of("before_accuracy", "after_accuracy", "test_questions", "accepted_rules", "rejected",
                "llm_calls", "tokens_in", "tokens_out", "seconds")) {
            assertTrue(summary.has(k), k);
        }
        assertEquals(4, summary.get("rejected").size());
        // and running again with the same directory does not run again
        assertEquals(s.toJson(), Distillation.of(c, Map.of()).run(Progress.NONE).toJson());
        assertEquals(1, events(out, "end").size());
    }

    @Test
    @Tag("slow") // a whole distillation run
    void should_resume_a_killed_run_to_the_same_theory_as_an_uninterrupted_one() throws Exception {
        // given an uninterrupted run: 12 examples in batches of 6
        Path whole = tmp.resolve("whole");
        DistillSummary a = Distillation.of(config(whole, 12, 40, 6).build(), Map.of()).run(Progress.NONE);

        // and the same run killed twice: in the middle of its first proposal, then between two batches after
        // resuming, with its last log line cut short
        Path killed = tmp.resolve("killed");
        DistillConfig c = config(killed, 12, 40, 6).build();
        Distillation crashing = new Distillation(c, (judge, modes) -> new RuleProposer() {
            @Override
            protected Proposal doPropose(Dialogue dialogue) {
                throw new IllegalStateException("killed while proposing");
            }

            @Override
            public String name() {
                return "enumerative";
            }
        }, Map.of());
        assertThrows(IllegalStateException.class, () -> crashing.run(Progress.NONE));
        Files.writeString(killed.resolve(Distillation.RUN_LOG), "{\"event\":\"proposal\",\"rep",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        Progress killAfterABatch = (done, total, detail) -> {
            if (detail.startsWith("accepted")) {
                throw new IllegalStateException("killed between batches");
            }
        };
        assertThrows(IllegalStateException.class, () -> Distillation.of(c, Map.of()).run(killAfterABatch));
        assertFalse(Files.exists(killed.resolve("theory.lp")));

        // when it is run again with the same directory
        DistillSummary b = Distillation.of(c, Map.of()).run(Progress.NONE);

        // then it resumed twice, from the start and then from its second batch, and ends with the same theory
        List<JsonNode> resumed = events(killed, "resumed");
        assertEquals(List.of(0, 1), resumed.stream().map(r -> r.path("from_batch").asInt()).toList());
        assertEquals(Files.readString(whole.resolve("theory.lp")), Files.readString(killed.resolve("theory.lp")));
        assertEquals(a.afterAccuracy(), b.afterAccuracy());
        assertEquals(a.counters().acceptedRules(), b.counters().acceptedRules());
        assertEquals(a.trainSolved(), b.trainSolved());
    }

    @Test
    void should_refuse_a_directory_that_holds_a_different_run() {
        // given a finished run
        Path out = tmp.resolve("run");
        Distillation.of(config(out, 3, 10, 3).build(), Map.of()).run(Progress.NONE);

        // when another seed is run in the same directory, then it is refused as an input error
        InputException e = assertThrows(InputException.class,
                () -> Distillation.of(config(out, 3, 10, 3).optSeed(2).build(), Map.of()).run(Progress.NONE));
        assertEquals("different_run", e.kind());
    }

    @Test
    @Tag("slow") // a whole distillation run
    void should_refuse_unsafe_proposals_log_why_and_go_on() throws Exception {
        // given a language model whose replies are, in turn: a script, an inclusion, an external call, an
        // oversized reply, a grounding that explodes, one that never ends, a syntax error, and the right rule
        String pwned = tmp.resolve("pwned").toString();
        ScriptedChatBackend model = new ScriptedChatBackend(
                "```asp\n#script (python)\nimport os\nos.system('touch " + pwned + "')\n#end.\n```",
                "```asp\n#include \"/etc/passwd\".\n```",
                "```asp\nfilter_color(S,O) :- input(S,O), @check(O).\n```",
                "```asp\n" + "% padding\n".repeat(3_000) + "```",
                "```asp\nn(1..3000).\np(X,Y,Z) :- n(X), n(Y), n(Z).\nfilter_color(S,O) :- input(S,O), p(1,1,1).\n```",
                "```asp\nq(0).\nq(X+1) :- q(X).\nfilter_color(S,O) :- input(S,O), q(0).\n```",
                "```asp\nfilter_color(S,O) :- input(S,O), arg(S,0,V) has(O,color,V).\n```",
                "```asp\nfilter_color(S,O) :- step(S,filter_color), input(S,O), arg(S,0,V), has(O,color,V).\n```");
        Path out = tmp.resolve("run");
        DistillConfig c = config(out, 4, 30, 4)
                .optLoop(new Distiller.Options(4, 6, 1, 100))
                .optLimits(new GuardedClingo.Limits(Duration.ofSeconds(2), 512L << 20, 16L << 20))
                .build();
        Distillation d = new Distillation(c, (judge, modes) -> new LlmProposer(new LlmClient(model, "scripted",
                new Backoff(0, Duration.ZERO, 1, Duration.ZERO), x -> { })), Map.of());

        // when it distils
        long t0 = System.nanoTime();
        DistillSummary s = d.run(Progress.NONE);
        double seconds = (System.nanoTime() - t0) / 1e9;

        // then the six unsafe replies were refused and logged with their reasons, the syntax error was repaired
        // with clingo's message, the right rule was accepted and the run went on to its end
        List<JsonNode> rejected = events(out, "rejected");
        List<String> reasons = rejected.stream().map(r -> r.path("reason").asText()).toList();
        assertEquals(6, rejected.size(), reasons.toString());
        assertTrue(rejected.stream().allMatch(r -> r.path("kind").asText().equals("unsafe")));
        assertTrue(reasons.get(0).contains("#script"), reasons.get(0));
        assertTrue(reasons.get(1).contains("#include"), reasons.get(1));
        assertTrue(reasons.get(2).contains("external function"), reasons.get(2));
        assertTrue(reasons.get(3).startsWith("oversized"), reasons.get(3));
        assertTrue(reasons.get(4).contains("limit"), reasons.get(4));
        assertTrue(reasons.get(5).contains("limit"), reasons.get(5));
        assertEquals(6, s.counters().unsafe());
        List<JsonNode> feedback = events(out, "feedback");
        assertEquals(1, feedback.size());
        assertTrue(feedback.get(0).path("text").asText().contains("candidate.lp:1:"), feedback.get(0).toString());
        assertEquals(1, s.counters().acceptedRules());
        assertEquals(s.fullAccuracy(), s.afterAccuracy());
        assertEquals(8, s.counters().llmCalls());
        assertEquals(8 * 1000, s.counters().tokensIn());
        assertFalse(Files.exists(Path.of(pwned)), "the script never ran");
        assertTrue(seconds < 60, "took " + seconds + " s");
        assertEquals(1, events(out, "end").size());
    }

    @Test
    void should_never_write_an_api_key() throws Exception {
        // given a key in the environment and a model that echoes it
        String key = "sk-test-0123456789abcdef";
        ScriptedChatBackend model = new ScriptedChatBackend("my key is " + key + "\n```asp\nfilter_color(S,O) :- "
                + "step(S,filter_color), input(S,O), arg(S,0,V), has(O,color,V).\n```");
        Path out = tmp.resolve("run");
        DistillConfig c = config(out, 4, 10, 4).build();

        // when it distils
        new Distillation(c, (judge, modes) -> new LlmProposer(new LlmClient(model, "scripted", Backoff.DEFAULT, x -> { })),
                Map.of("OPENAI_API_KEY", key)).run(Progress.NONE);

        // then no file of the run directory holds the key
        try (var files = Files.list(out)) {
            for (Path f : files.toList()) {
                assertFalse(Files.readString(f).contains(key), f.toString());
            }
        }
        assertTrue(Files.readString(out.resolve(Distillation.RUN_LOG)).contains("my key is ***"));
    }
}
