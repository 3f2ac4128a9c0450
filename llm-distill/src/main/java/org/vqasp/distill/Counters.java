package org.vqasp.distill;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What a distillation run has counted so far: rules accepted, proposals refused by each check, model calls and
 * tokens. Mutable; owned by one run.
 */
public final class Counters {

    int acceptedRules;
    int unsafe;
    int syntax;
    int semantic;
    int regression;
    int llmCalls;
    long tokensIn;
    long tokensOut;

    /** Returns the rules accepted so far. */
    public int acceptedRules() {
        return acceptedRules;
    }

    /** Returns the proposals refused as unsafe (forbidden text, size, time or memory limits). */
    public int unsafe() {
        return unsafe;
    }

    /** Returns the proposals refused because clingo could not use them, after the repairs. */
    public int syntax() {
        return syntax;
    }

    /** Returns the proposals refused because an example kept a wrong answer, after the repairs. */
    public int semantic() {
        return semantic;
    }

    /** Returns the proposals refused because an earlier accepted example lost its answer. */
    public int regression() {
        return regression;
    }

    /** Returns the model calls made. */
    public int llmCalls() {
        return llmCalls;
    }

    /** Returns the input tokens counted. */
    public long tokensIn() {
        return tokensIn;
    }

    /** Returns the output tokens counted. */
    public long tokensOut() {
        return tokensOut;
    }

    void add(Proposal p) {
        llmCalls += p.calls();
        tokensIn += p.tokensIn();
        tokensOut += p.tokensOut();
    }

    /** Returns the counters as JSON. */
    public ObjectNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("accepted_rules", acceptedRules);
        ObjectNode r = o.putObject("rejected");
        r.put("unsafe", unsafe);
        r.put("syntax", syntax);
        r.put("semantic", semantic);
        r.put("regression", regression);
        o.put("llm_calls", llmCalls);
        o.put("tokens_in", tokensIn);
        o.put("tokens_out", tokensOut);
        return o;
    }

    /** Reads counters written by {@link #toJson()}. */
    public static Counters fromJson(JsonNode o) {
        Counters c = new Counters();
        c.acceptedRules = o.path("accepted_rules").asInt();
        JsonNode r = o.path("rejected");
        c.unsafe = r.path("unsafe").asInt();
        c.syntax = r.path("syntax").asInt();
        c.semantic = r.path("semantic").asInt();
        c.regression = r.path("regression").asInt();
        c.llmCalls = o.path("llm_calls").asInt();
        c.tokensIn = o.path("tokens_in").asLong();
        c.tokensOut = o.path("tokens_out").asLong();
        return c;
    }
}
