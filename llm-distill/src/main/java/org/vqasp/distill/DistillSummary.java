package org.vqasp.distill;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * The outcome of a distillation run, as {@code summary.json} holds it.
 *
 * @param seed the seed
 * @param deleted what was deleted ({@code "filter_color"}, {@code "30% of the rules"}, {@code "nothing"})
 * @param deletedRules how many statements were deleted
 * @param fullAccuracy the full theory's accuracy on the test questions
 * @param beforeAccuracy the theory's test accuracy before distillation (after the deletion)
 * @param afterAccuracy the test accuracy of the distilled theory
 * @param testQuestions the number of test questions
 * @param trainExamples the number of training examples
 * @param trainSolved how many of them the distilled theory answers
 * @param counters accepted rules, rejections by kind, model calls and tokens
 * @param proposer the proposer's name
 * @param seconds the seconds spent distilling (the loop, over all resumptions; the evaluations not counted)
 */
public record DistillSummary(long seed, String deleted, int deletedRules, double fullAccuracy, double beforeAccuracy,
        double afterAccuracy, int testQuestions, int trainExamples, int trainSolved, Counters counters, String proposer,
        double seconds) {

    /** Checks the fields. */
    public DistillSummary {
        Objects.requireNonNull(deleted, "deleted");
        Objects.requireNonNull(counters, "counters");
        Objects.requireNonNull(proposer, "proposer");
    }

    /** Returns the summary as {@code summary.json} writes it. */
    public ObjectNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("before_accuracy", beforeAccuracy);
        o.put("after_accuracy", afterAccuracy);
        o.put("full_accuracy", fullAccuracy);
        o.put("test_questions", testQuestions);
        ObjectNode c = counters.toJson();
        o.put("accepted_rules", counters.acceptedRules());
        o.set("rejected", c.get("rejected"));
        o.put("llm_calls", counters.llmCalls());
        o.put("tokens_in", counters.tokensIn());
        o.put("tokens_out", counters.tokensOut());
        o.put("seconds", Math.round(seconds * 10) / 10.0);
        o.put("seed", seed);
        o.put("deleted", deleted);
        o.put("deleted_rules", deletedRules);
        o.put("train_examples", trainExamples);
        o.put("train_solved", trainSolved);
        o.put("proposer", proposer);
        return o;
    }

    /** Reads a summary written by {@link #toJson()}. */
    public static DistillSummary fromJson(JsonNode o) {
        return new DistillSummary(o.path("seed").asLong(), o.path("deleted").asText(), o.path("deleted_rules").asInt(),
                o.path("full_accuracy").asDouble(), o.path("before_accuracy").asDouble(),
                o.path("after_accuracy").asDouble(), o.path("test_questions").asInt(), o.path("train_examples").asInt(),
                o.path("train_solved").asInt(), Counters.fromJson(o), o.path("proposer").asText(),
                o.path("seconds").asDouble());
    }
}
