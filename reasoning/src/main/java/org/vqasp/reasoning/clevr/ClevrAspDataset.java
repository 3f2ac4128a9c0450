package org.vqasp.reasoning.clevr;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vqasp.core.DatasetItem;
import org.vqasp.core.ErrorKind;
import org.vqasp.core.clevr.ClevrDataset;
import org.vqasp.core.clevr.ClevrQuestion;
import org.vqasp.core.clevr.ClevrScene;
import org.vqasp.core.clevr.Program;
import org.vqasp.core.json.DatasetReader;
import org.vqasp.reasoning.AspDataset;
import org.vqasp.reasoning.Facts;
import org.vqasp.reasoning.LabelledQuestion;
import org.vqasp.reasoning.Reasoner;
import org.vqasp.reasoning.Theory;
import org.vqasp.reasoning.clingo.Symbol;

/**
 * CLEVR as its theory ({@code asp-rules/clevr/theory.lp}) sees it: scenes through {@link ClevrSceneEncoder} (image
 * {@code w}'s objects are {@code w*100+i}, so any scenes can share a call), programs through
 * {@link ClevrProgramEncoder} (slot {@code j}'s steps are {@code j*1000+i}), answers as CLEVR writes them.
 */
public final class ClevrAspDataset implements AspDataset<ClevrScene, Program> {

    /** The one instance. */
    public static final ClevrAspDataset INSTANCE = new ClevrAspDataset();

    /** The error kinds of the theory that belong to the program, whatever the scene. */
    public static final Set<String> PROGRAM_ERRORS = Set.of(ErrorKind.BAD_PROGRAM, ErrorKind.UNKNOWN_FUNCTION,
            "unknown_value", "unknown_relation", "missing_value", "inputs", "type", "not_terminal");

    private static final ClevrScene EMPTY = new ClevrScene("check", 0, "", List.of(), Map.of(), Map.of());

    private ClevrAspDataset() {
    }

    @Override
    public String name() {
        return "clevr";
    }

    @Override
    public Theory theory() {
        return Theory.clevr();
    }

    @Override
    public int stride() {
        return ClevrProgramEncoder.STRIDE;
    }

    @Override
    public boolean scenesNumberedApart() {
        return true;
    }

    @Override
    public ClevrScene emptyScene() {
        return EMPTY;
    }

    @Override
    public void encodeScene(ClevrScene scene, int image, Facts facts) {
        ClevrSceneEncoder.encode(scene, image, facts);
    }

    @Override
    public void encodeProgram(Program program, int slot, int image, Facts facts) {
        ClevrProgramEncoder.encode(program, slot, image, facts);
    }

    @Override
    public int steps(Program program) {
        return program.size();
    }

    @Override
    public String answerText(Program program, Symbol value) {
        return value.asText();
    }

    @Override
    public boolean isProgramError(String kind) {
        return PROGRAM_ERRORS.contains(kind);
    }

    @Override
    public String describe(Reasoner.StepError e, int step, int slot, Program program) {
        String fn = step >= 0 && step < program.size() ? program.step(step).function() : "?";
        String where = "step " + step + " (" + fn + ")";
        return switch (e.kind()) {
            case ErrorKind.UNIQUE -> where + ": found " + e.detail() + " objects, expected exactly one";
            case ErrorKind.UNKNOWN_FUNCTION -> where + ": unknown function \"" + e.detail().asText() + "\"";
            case "unknown_value" -> where + ": unknown value \"" + e.detail().asText() + "\"";
            case "unknown_relation" -> where + ": unknown relation \"" + e.detail().asText() + "\"";
            case "missing_value" -> where + ": missing value input";
            case "inputs" -> where + ": takes " + e.detail() + " inputs, which is the wrong number for " + fn;
            case "type" -> where + ": the output of step "
                    + (e.detail().isNumber() ? e.detail().number() % ClevrProgramEncoder.STRIDE : -1)
                    + " has the wrong type for " + fn;
            case "not_terminal" -> where + ": the last step does not produce an answer";
            case "tie" -> where + ": " + (e.detail().asText().equals("0") ? "no objects to take the " + (fn.equals("least_common") ? "least" : "most") + " common value of"
                    : "no single " + (fn.equals("least_common") ? "least" : "most") + " common value (" + e.detail() + " tie)");
            case "no_position" -> where + ": object " + e.detail() + " has no position";
            case "pair" -> where + ": expected two objects to look between, found " + e.detail();
            default -> where + ": " + e.kind() + " " + e.detail();
        };
    }

    @Override
    public boolean matches(String predicted, String gold) {
        return predicted != null && predicted.equals(gold);
    }

    @Override
    public String programText(Program program) {
        return program.toString();
    }

    @Override
    public List<LabelledQuestion<ClevrScene, Program>> labelledQuestions(Path questions, Path scenes) {
        ClevrDataset.SceneIndex index = ClevrDataset.loadScenes(scenes);
        List<LabelledQuestion<ClevrScene, Program>> out = new ArrayList<>();
        try (DatasetReader<ClevrQuestion> r = ClevrDataset.questions(questions)) {
            while (r.hasNext()) {
                DatasetItem<ClevrQuestion> item = r.next();
                if (!item.ok()) {
                    continue;
                }
                ClevrQuestion q = item.value();
                ClevrScene s = index.get(q.imageIndex());
                if (s != null && q.program() != null && q.answer() != null) {
                    out.add(new LabelledQuestion<>(Long.toString(q.questionIndex()),
                            q.question() == null ? "" : q.question(), q.program(),
                            q.answer(), s));
                }
            }
        }
        return out;
    }
}
