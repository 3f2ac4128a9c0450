package org.vqasp.reasoning.clevr;

import java.util.List;
import java.util.Map;
import org.vqasp.core.ErrorKind;
import org.vqasp.core.InputException;
import org.vqasp.core.clevr.ClevrObject;
import org.vqasp.core.clevr.ClevrScene;
import org.vqasp.core.clevr.ObjectPositions;
import org.vqasp.reasoning.Facts;

/**
 * Encodes a scene predicted with probabilities as weighted choices for the CLEVR theory: each object is
 * present or not, each attribute takes one of its likely values, and weak constraints charge
 * {@code round(-1000 ln p)} for every choice, so the optimal answer set is the most likely scene.
 * Relations hold between present objects only.
 *
 * <p>Gold objects (confidence 1, no distributions) become plain facts. Values below {@link #MIN_PROBABILITY}
 * are left out (the most likely value of each attribute is always kept).
 *
 * <p>Encoding, for image {@code W}: {@code candidate(W,O)}, {@code presence_cost(O,C)},
 * {@code absence_cost(O,C)}, {@code hyp(O,A,V)}, {@code hyp_cost(O,A,V,C)}, {@code rel(R,O,P)}, and the rules
 * below that choose {@code object/2}, {@code has/3} and {@code related/3} from them.
 */
public final class ProbabilisticSceneEncoder {

    /** Values less likely than this are not considered. */
    public static final double MIN_PROBABILITY = 0.01;

    /** The choice rules and weak constraints, added once per call. */
    public static final String RULES = String.join("\n",
            "{ object(W,O) } :- candidate(W,O).",
            ":~ object(W,O), presence_cost(O,C). [C,O,present]",
            ":~ candidate(W,O), not object(W,O), absence_cost(O,C). [C,O,absent]",
            "hyp_attr(O,A) :- hyp(O,A,_).",
            "1 { has(O,A,V) : hyp(O,A,V) } 1 :- object(_,O), hyp_attr(O,A).",
            ":~ has(O,A,V), hyp_cost(O,A,V,C). [C,O,A]",
            "related(R,O,P) :- rel(R,O,P), object(W,O), object(W,P).",
            "");

    /**
     * The question's presuppositions as constraints: no step fails (e.g. {@code unique} finds exactly one
     * object) and the question has an answer. With them, the optimum is the most likely scene in which the
     * question makes sense.
     */
    public static final String PRESUPPOSITIONS = String.join("\n",
            ":- error(_,_,_).",
            "answered(S) :- answer(S,_).",
            ":- goal(S), not answered(S).",
            "");

    private ProbabilisticSceneEncoder() {
    }

    /**
     * Appends the weighted facts of image {@code w} (objects numbered as {@link ClevrSceneEncoder} does);
     * the caller adds {@link #RULES} once.
     *
     * @throws InputException when the scene has too many objects
     */
    public static Facts encode(ClevrScene scene, int w, Facts facts) {
        List<ClevrObject> objects = scene.objects();
        if (objects.size() >= ClevrSceneEncoder.STRIDE) {
            throw new InputException(ErrorKind.SCENE_TOO_LARGE, "scene has " + objects.size() + " objects, at most "
                    + (ClevrSceneEncoder.STRIDE - 1) + " are supported");
        }
        int base = w * ClevrSceneEncoder.STRIDE;
        for (int i = 0; i < objects.size(); i++) {
            ClevrObject o = objects.get(i);
            int id = base + i;
            if (o.confidence() >= 1.0) {
                facts.add("object", w, id);
            } else {
                facts.add("candidate", w, id);
                facts.add("presence_cost", id, cost(o.confidence()));
                facts.add("absence_cost", id, cost(1 - o.confidence()));
            }
            for (String a : ClevrSceneEncoder.ATTRIBUTES) {
                Map<String, Double> dist = o.probabilities().get(a);
                String best = o.attribute(a);
                if (dist == null || dist.isEmpty()) {
                    facts.add("hyp", id, a, best);
                    facts.add("hyp_cost", id, a, best, 0);
                    continue;
                }
                for (Map.Entry<String, Double> v : dist.entrySet()) {
                    if (v.getValue() >= MIN_PROBABILITY || v.getKey().equals(best)) {
                        facts.add("hyp", id, a, v.getKey());
                        facts.add("hyp_cost", id, a, v.getKey(), cost(v.getValue()));
                    }
                }
            }
        }
        for (Map.Entry<String, List<List<Integer>>> e : scene.relationships().entrySet()) {
            List<List<Integer>> lists = e.getValue();
            for (int o = 0; o < lists.size(); o++) {
                for (int p : lists.get(o)) {
                    facts.add("rel", e.getKey(), base + o, base + p);
                }
            }
        }
        // positions do not depend on the choices: plain facts, read by extreme and nearest
        ClevrSceneEncoder.positions(scene, base, facts);
        return facts;
    }

    /** Returns the cost of a probability: {@code round(-1000 ln p)}, with p clamped to [1e-6, 1]. */
    static int cost(double p) {
        double q = Math.max(1e-6, Math.min(1.0, p));
        return (int) Math.round(-1000 * Math.log(q));
    }
}
