package org.vqasp.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vqasp.core.ErrorKind;
import org.vqasp.core.InputException;
import org.vqasp.core.Progress;
import org.vqasp.core.VqaspException;

class EvalRunnerTest {

    @TempDir
    Path tmp;

    /** Items 0..n-1 over images of three questions each; the gold answer of item i is its index. */
    private static List<EvalItem<Integer>> items(int n) {
        List<EvalItem<Integer>> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new EvalItem<>(Integer.toString(i), "image-" + i / 3, "q" + i, Integer.toString(i),
                    List.of("family-" + i % 2), i, null));
        }
        return out;
    }

    @Test
    void should_answer_in_batches_that_keep_an_images_questions_together_and_write_every_row() {
        // given nine items (three images) and an answerer that records its batches and answers i, except 4 wrong
        List<List<String>> batches = Collections.synchronizedList(new ArrayList<>());
        BatchAnswerer<Integer> answerer = b -> {
            batches.add(b.stream().map(EvalItem::id).toList());
            return b.stream().map(i -> Outcome.of(i.payload() == 4 ? "wrong" : Integer.toString(i.payload()), 1))
                    .toList();
        };
        // when run with batches of 2 on two threads
        EvalRunner.Run r = EvalRunner.run(items(9).iterator(), 9, answerer, String::equals,
                new EvalRunner.Options(tmp, 2, 0, 2), Progress.NONE);
        // then a batch grew past 2 rather than split an image's questions, every row is written, and the summary
        // counts them
        assertEquals(Set.of(List.of("0", "1", "2"), List.of("3", "4", "5"), List.of("6", "7", "8")),
                new HashSet<>(batches));
        assertEquals(9, r.processed());
        EvalSummary s = r.evalSummary();
        assertEquals(9, s.questions());
        assertEquals(8, s.correct());
        assertEquals(5, s.byFamily().get("family-0")[0]);
        assertEquals(4, s.byFamily().get("family-0")[1]);
    }

    @Test
    void should_turn_failures_into_error_rows_and_go_on() {
        // given an unreadable item, and an answerer that fails one image's batch with a kind and another's with a bug
        List<EvalItem<Integer>> items = new ArrayList<>(items(9));
        items.set(1, new EvalItem<>("1", "image-0", "", null, List.of(), null,
                new InputException(ErrorKind.BAD_ITEM, "questions.json: question 1: no program")));
        BatchAnswerer<Integer> answerer = b -> {
            int image = b.get(0).payload() / 3;
            if (image == 1) {
                throw new VqaspException(ErrorKind.MISSING_SCENE, "no scene 1");
            }
            if (image == 2) {
                throw new IllegalStateException("a bug");
            }
            return b.stream().map(i -> Outcome.of(Integer.toString(i.payload()), 1)).toList();
        };
        // when run with batches of 3
        EvalRunner.Run r = EvalRunner.run(items.iterator(), 9, answerer, String::equals,
                new EvalRunner.Options(tmp, 1, 0, 3), Progress.NONE);
        // then every item has a row: 2 answered, the rest errors by kind
        Map<String, String> kinds = new TreeMap<>();
        PredictionLog.read(r.predictions(), p -> kinds.put(p.id(), p.errorKind()));
        assertEquals(9, kinds.size());
        assertEquals(ErrorKind.BAD_ITEM, kinds.get("1"));
        assertEquals(ErrorKind.MISSING_SCENE, kinds.get("4"));
        assertEquals(ErrorKind.INTERNAL, kinds.get("7"));
        EvalSummary s = r.evalSummary();
        assertEquals(2, s.correct());
        assertEquals(Map.of(ErrorKind.BAD_ITEM, 1L, ErrorKind.MISSING_SCENE, 3L, ErrorKind.INTERNAL, 3L), s.errors());
    }

    @Test
    void should_stop_at_the_limit_and_resume_the_rest_in_the_same_directory() {
        BatchAnswerer<Integer> answerer = b -> b.stream().map(i -> Outcome.of(Integer.toString(i.payload()), 1))
                .toList();
        // given a first run of the first 4 items
        EvalRunner.Run first = EvalRunner.run(items(9).iterator(), 9, answerer, String::equals,
                new EvalRunner.Options(tmp, 2, 4, 2), Progress.NONE);
        assertEquals(4, first.processed());
        // when the run is made again without the limit
        List<Long> progress = Collections.synchronizedList(new ArrayList<>());
        EvalRunner.Run second = EvalRunner.run(items(9).iterator(), 9, answerer, String::equals,
                new EvalRunner.Options(tmp, 2, 0, 2), (done, total, detail) -> progress.add(done));
        // then it skips the 4 answered and answers the 5 others; the summary covers all 9
        assertEquals(4, second.resumed());
        assertEquals(5, second.processed());
        assertEquals(9, second.evalSummary().questions());
        assertTrue(progress.contains(9L), progress.toString());
    }
}
