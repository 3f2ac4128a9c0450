package org.vqasp.language.clevr.learned;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.vqasp.core.ErrorKind;
import org.vqasp.core.InputException;

/**
 * The architecture of a {@link ParserNet}.
 *
 * @param words word ids, padding and {@code <unk>} included
 * @param tokens program tokens of the grammar
 * @param dim width D of every layer
 * @param layers encoder layers
 * @param heads attention heads H (head size D / H)
 * @param kvHeads key/value heads G of every attention block (grouped-query attention when 1 &lt; G &lt; H)
 * @param mlpDim hidden width of the encoder and decoder MLPs
 * @param maxWords longest question read, in words (longer questions are cut)
 * @param maxTokens longest program written, in tokens
 * @param dropout drop rate in training
 */
public record ParserNetConfig(int words, int tokens, int dim, int layers, int heads, int kvHeads, int mlpDim,
        int maxWords, int maxTokens, float dropout) {

    /** Checks every value, naming the bad one. */
    public ParserNetConfig {
        positive("words", words);
        positive("tokens", tokens);
        positive("dim", dim);
        positive("layers", layers);
        positive("heads", heads);
        positive("kvHeads", kvHeads);
        positive("mlpDim", mlpDim);
        positive("maxWords", maxWords);
        positive("maxTokens", maxTokens);
        if (dim % heads != 0) {
            throw new IllegalArgumentException("dim " + dim + " not divisible by heads " + heads);
        }
        if (heads % kvHeads != 0) {
            throw new IllegalArgumentException("heads " + heads + " not divisible by kvHeads " + kvHeads);
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
        }
    }

    private static void positive(String name, int v) {
        if (v <= 0) {
            throw new IllegalArgumentException(name + " must be positive, got " + v);
        }
    }

    /** Returns the configuration as JSON. */
    public ObjectNode toJson(ObjectMapper mapper) {
        ObjectNode n = mapper.createObjectNode();
        n.put("words", words);
        n.put("tokens", tokens);
        n.put("dim", dim);
        n.put("layers", layers);
        n.put("heads", heads);
        n.put("kv_heads", kvHeads);
        n.put("mlp_dim", mlpDim);
        n.put("max_words", maxWords);
        n.put("max_tokens", maxTokens);
        n.put("dropout", dropout);
        return n;
    }

    /**
     * Reads a configuration written by {@link #toJson}.
     *
     * @param source names the file in messages
     * @throws InputException when a field is missing or out of range
     */
    public static ParserNetConfig fromJson(JsonNode n, String source) {
        try {
            return new ParserNetConfig(need(n, "words", source), need(n, "tokens", source), need(n, "dim", source),
                    need(n, "layers", source), need(n, "heads", source), need(n, "kv_heads", source),
                    need(n, "mlp_dim", source), need(n, "max_words", source), need(n, "max_tokens", source),
                    (float) n.path("dropout").asDouble(0));
        } catch (IllegalArgumentException e) {
            throw new InputException(ErrorKind.BAD_MODEL, source + ": " + e.getMessage(), e);
        }
    }

    private static int need(JsonNode n, String key, String source) {
        if (!n.path(key).canConvertToInt()) {
            throw new InputException(ErrorKind.BAD_MODEL, source + ": \"" + key + "\" should be an integer, found "
                    + n.path(key));
        }
        return n.path(key).asInt();
    }
}
