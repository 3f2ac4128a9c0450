package org.vqasp.distill;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.vqasp.core.DatasetItem;
import org.vqasp.core.clevr.ClevrDataset;
import org.vqasp.core.clevr.ClevrQuestion;
import org.vqasp.core.clevr.ClevrScene;
import org.vqasp.core.clevr.Program;
import org.vqasp.core.json.DatasetReader;
import org.vqasp.reasoning.Facts;
import org.vqasp.reasoning.clevr.ClevrProgramEncoder;
import org.vqasp.reasoning.clevr.ClevrSceneEncoder;

/**
 * A CLEVR question with its scene, encoded for the CLEVR theory by {@link ClevrSceneEncoder} and
 * {@link ClevrProgramEncoder}: slot {@code j}'s steps are {@code j*1000+i}, image {@code w}'s objects
 * {@code w*100+i}, so any questions over any scenes can share a call.
 *
 * @param clevrQuestion the question, with its program and answer
 * @param clevrScene its scene
 */
public record ClevrExample(ClevrQuestion clevrQuestion, ClevrScene clevrScene) implements Example {

    /** Checks that the question has a program and an answer. */
    public ClevrExample {
        Objects.requireNonNull(clevrQuestion, "clevrQuestion");
        Objects.requireNonNull(clevrScene, "clevrScene");
        if (clevrQuestion.program() == null || clevrQuestion.answer() == null) {
            throw new IllegalArgumentException("question " + clevrQuestion.questionIndex()
                    + " has no program or no answer: it cannot be an example");
        }
    }

    /**
     * Reads the questions of a released-layout questions file that can be examples (a program, an answer and a
     * readable scene), in file order.
     *
     * @param questions the questions file
     * @param scenes the scenes file
     * @return the examples
     * @throws org.vqasp.core.InputException when a file is missing or not JSON
     */
    public static List<ClevrExample> load(Path questions, Path scenes) {
        ClevrDataset.SceneIndex index = ClevrDataset.loadScenes(scenes);
        List<ClevrExample> out = new ArrayList<>();
        try (DatasetReader<ClevrQuestion> r = ClevrDataset.questions(questions)) {
            while (r.hasNext()) {
                DatasetItem<ClevrQuestion> item = r.next();
                if (!item.ok()) {
                    continue;
                }
                ClevrQuestion q = item.value();
                ClevrScene s = index.get(q.imageIndex());
                if (s != null && q.program() != null && q.answer() != null) {
                    out.add(new ClevrExample(q, s));
                }
            }
        }
        return out;
    }

    @Override
    public String id() {
        return Long.toString(clevrQuestion.questionIndex());
    }

    @Override
    public String question() {
        return clevrQuestion.question();
    }

    @Override
    public String program() {
        return clevrQuestion.program().toString();
    }

    @Override
    public String expected() {
        return clevrQuestion.answer();
    }

    @Override
    public Object scene() {
        return clevrScene;
    }

    @Override
    public boolean scenesNumberedApart() {
        return true;
    }

    @Override
    public void encodeScene(int image, Facts facts) {
        ClevrSceneEncoder.encode(clevrScene, image, facts);
    }

    @Override
    public void encodeProgram(int slot, int image, Facts facts) {
        ClevrProgramEncoder.encode(clevrQuestion.program(), slot, image, facts);
    }

    @Override
    public Reading read(int slot, List<Term> atoms) {
        Program p = clevrQuestion.program();
        int base = slot * ClevrProgramEncoder.STRIDE;
        int goal = base + p.size() - 1;
        Set<String> answers = new LinkedHashSet<>();
        Term firstError = null;
        for (Term a : atoms) {
            if (a.is("answer", 2) && a.arg(0).isNumber() && a.arg(0).number() == goal) {
                answers.add(a.arg(1).asText());
            } else if (a.is("error", 3) && a.arg(0).isNumber()) {
                int s = a.arg(0).number();
                if (s >= base && s < base + ClevrProgramEncoder.STRIDE
                        && (firstError == null || s < firstError.arg(0).number())) {
                    firstError = a;
                }
            }
        }
        String error = null;
        if (firstError != null) {
            int step = firstError.arg(0).number() - base;
            String fn = step >= 0 && step < p.size() ? p.step(step).function() : "?";
            error = "step " + step + " (" + fn + ") fails: " + firstError;
        }
        return new Reading(answers, error);
    }

    @Override
    public boolean matches(String derived) {
        return clevrQuestion.answer().equals(derived);
    }
}
