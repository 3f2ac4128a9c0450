package org.vqasp.language.clevr.grammar;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.util.ArrayList;
import java.util.List;

/** Development aid (not a test): grammar parse speed, after warm-up. */
public final class GrammarSpeed {
    public static void main(String[] args) throws Exception {
        List<String> qs = new ArrayList<>();
        for (JsonNode q : new ObjectMapper().readTree(new File(args[0])).get("questions")) {
            qs.add(q.get("question").asText());
        }
        ClevrGrammarParser p = ClevrGrammarParser.load();
        for (int pass = 0; pass < 4; pass++) {
            long t0 = System.nanoTime();
            for (String q : qs) {
                p.parse(q);
            }
            System.out.printf("pass %d: %.0f questions/s%n", pass, qs.size() / ((System.nanoTime() - t0) / 1e9));
        }
    }
}
