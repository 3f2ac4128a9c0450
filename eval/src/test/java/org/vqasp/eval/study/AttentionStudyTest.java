package org.vqasp.eval.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AttentionStudyTest {

    @Test
    void should_give_exact_two_sided_mcnemar_p_values() {
        // 10 discordant questions all one way: 2 * (1/2)^10
        assertEquals(2.0 / 1024, AttentionStudy.mcNemar(10, 0), 1e-12);
        assertEquals(2.0 / 1024, AttentionStudy.mcNemar(0, 10), 1e-12);
        // 3 against 1: 2 * (C(4,0) + C(4,1)) / 16
        assertEquals(10.0 / 16, AttentionStudy.mcNemar(3, 1), 1e-12);
        // balanced and empty: no evidence
        assertEquals(1.0, AttentionStudy.mcNemar(5, 5), 1e-12);
        assertEquals(1.0, AttentionStudy.mcNemar(0, 0), 1e-12);
        // large counts stay finite
        double p = AttentionStudy.mcNemar(600, 500);
        assertTrue(p > 0 && p < 0.01, "p " + p);
    }

    @Test
    void should_write_rows_with_their_paired_comparison() {
        AttentionStudy.Row row = new AttentionStudy.Row("MQA", null, 0.991, 3000,
                Map.of("all", 0.9958), 1.0, 0.9979, 0.45, 70_000_000L, 100_000, 1_000_000, 14_400, 600, 20.5, 70.25);
        String md = AttentionStudy.markdown(List.of(row),
                Map.of("MQA", new AttentionStudy.Paired("GQA-2", 30, 20, AttentionStudy.mcNemar(30, 20))), true);
        assertTrue(md.contains("| vs GQA-2: better / worse (p) |"), md);
        assertTrue(md.contains("| MQA | 99.10% | 30 / 20 (0.20) | 0.9958 | 1.0000 / 0.9979 | 70.00 | 100,000 | "
                + "1,000,000 | 14,400 | 20.5 | 70.3 | 10.0 |"), md);
    }
}
