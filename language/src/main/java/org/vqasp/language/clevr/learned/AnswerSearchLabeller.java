package org.vqasp.language.clevr.learned;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.vqasp.core.VqaspException;
import org.vqasp.core.clevr.ClevrQuestion;
import org.vqasp.core.clevr.ClevrScene;
import org.vqasp.core.clevr.Program;
import org.vqasp.language.clevr.learned.ProgramGrammar.Type;
import org.vqasp.world.ClevrVocabulary;
import org.vqasp.world.questions.ReferenceExecutor;

/**
 * Finds programs for questions that come with an answer and a gold scene but no program: it searches for programs
 * that give the right answer on the scene, with the {@link ReferenceExecutor} as the judge (learning from
 * denotations, as in Liang et al., "Learning Dependency-Based Compositional Semantics", ACL 2011).
 *
 * <p>Candidates are the {@link ProgramEnumerator}'s programs for the values and relations the question names, and
 * the beam of a model when one is given. A candidate counts only when
 * <ul>
 *   <li>its words agree with the question's ({@link Mentions#agree}: it filters by exactly the values the question
 *       names and relates only by the relations it names);</li>
 *   <li>its answer type is the answer's (a colour for "cyan", a count for "3", yes/no for "yes");</li>
 *   <li>it runs on the scene and gives the answer.</li>
 * </ul>
 * Among those, the one the scorer likes best wins (a model's log-probability; without a model, {@link #prior}: the
 * shortest, extension functions counting extra).
 * Because a yes/no answer is right by chance half of the time and a small count often, the winner must also be
 * nearly as probable as the best agreeing candidate of the right type whatever its answer: a program the model
 * finds much less likely than another reading, which happens to give the right answer, is rejected as an
 * accident. The margins are {@value #BOOL_MARGIN} nats for yes/no, {@value #COUNT_MARGIN} for counts and
 * {@value #VALUE_MARGIN} for attribute values. Stateless apart from its settings; thread-safe when the scorer is.
 */
public final class AnswerSearchLabeller {

    private static final java.util.Set<String> EXTENSIONS = ProgramGrammar.extensionSignatures().stream()
            .map(ProgramGrammar.Signature::name).collect(java.util.stream.Collectors.toUnmodifiableSet());

    /** Log-probability margin for yes/no answers. */
    public static final double BOOL_MARGIN = 2.0;
    /** Log-probability margin for counts. */
    public static final double COUNT_MARGIN = 3.0;
    /** Log-probability margin for attribute values. */
    public static final double VALUE_MARGIN = 6.0;

    /** What a model offers the labeller. */
    public interface Scorer {
        /** Returns the question's words as the model reads them (after typo correction). */
        List<String> read(String question);

        /** Returns the model's most probable programs for a question with their log-probabilities. */
        List<Scored> beam(String question, int beams);

        /** Returns the log-probability of each program for the question. */
        double[] logProbabilities(String question, List<Program> programs);
    }

    /**
     * A program with a score.
     *
     * @param program the program
     * @param score its log-probability (or the prior without a model)
     */
    public record Scored(Program program, double score) {
    }

    /**
     * What the labeller made of one question.
     *
     * @param question the question
     * @param program the chosen program, or null when rejected
     * @param score the chosen program's score
     * @param reason why it was rejected, or null
     * @param candidates agreeing candidates of the right type that ran
     * @param correct how many of those gave the answer
     */
    public record Outcome(ClevrQuestion question, Program program, double score, String reason, int candidates,
            int correct) {
        /** Returns whether a program was chosen. */
        public boolean labelled() {
            return program != null;
        }
    }

    private final ProgramEnumerator enumerator;
    private final ProgramGrammar grammar;
    private final ReferenceExecutor executor = new ReferenceExecutor();
    private final int beams;

    /**
     * Creates a labeller.
     *
     * @param enumerator the source of candidates from the question's words
     * @param grammar the grammar programs are written in
     * @param beams beam width asked of a model
     */
    public AnswerSearchLabeller(ProgramEnumerator enumerator, ProgramGrammar grammar, int beams) {
        this.enumerator = Objects.requireNonNull(enumerator, "enumerator");
        this.grammar = Objects.requireNonNull(grammar, "grammar");
        this.beams = beams;
    }

    /** Returns the answer type of an answer string, or null when it is none of CLEVR's. */
    public static Type answerType(String answer) {
        if (answer == null) {
            return null;
        }
        if (answer.equals("yes") || answer.equals("no")) {
            return Type.BOOL;
        }
        if (!answer.isEmpty() && answer.chars().allMatch(Character::isDigit)) {
            return Type.INTEGER;
        }
        if (ClevrVocabulary.SIZES.contains(answer)) {
            return Type.SIZE;
        }
        if (ClevrVocabulary.COLORS.contains(answer)) {
            return Type.COLOR;
        }
        if (ClevrVocabulary.MATERIALS.contains(answer)) {
            return Type.MATERIAL;
        }
        if (ClevrVocabulary.SHAPES.contains(answer)) {
            return Type.SHAPE;
        }
        return null;
    }

    /** Returns the output type of a program in this grammar, or null when its last step is not a token. */
    public Type outputType(Program p) {
        var s = p.step(p.size() - 1);
        String text = s.valueInputs().isEmpty() ? s.function() : s.function() + "[" + s.valueInputs().get(0) + "]";
        ProgramGrammar.Token t = grammar.token(text);
        return t == null ? null : t.output();
    }

    /**
     * Labels one question.
     *
     * @param q the question with its answer
     * @param scene its gold scene
     * @param scorer a model, or null to rank by length alone
     */
    public Outcome label(ClevrQuestion q, ClevrScene scene, Scorer scorer) {
        Type type = answerType(q.answer());
        if (type == null) {
            return new Outcome(q, null, 0, "answer \"" + q.answer() + "\" is not a CLEVR answer", 0, 0);
        }
        List<String> words = scorer != null ? scorer.read(q.question()) : QuestionWords.split(q.question());
        Mentions mentions = Mentions.of(words);
        Map<String, Program> pool = new LinkedHashMap<>(enumerator.enumerate(mentions));
        Map<String, Double> beamScore = new LinkedHashMap<>();
        if (scorer != null) {
            for (Scored s : scorer.beam(q.question(), beams)) {
                String key = key(s.program());
                pool.putIfAbsent(key, s.program());
                beamScore.put(key, s.score());
            }
        }
        List<Program> typed = new ArrayList<>();
        List<Boolean> right = new ArrayList<>();
        for (Program p : pool.values()) {
            if (outputType(p) != type || !mentions.agree(p)) {
                continue;
            }
            String answer;
            try {
                answer = executor.answer(p, scene);
            } catch (VqaspException e) {
                continue;
            }
            typed.add(p);
            right.add(answer.equals(q.answer()));
        }
        int correct = (int) right.stream().filter(b -> b).count();
        if (correct == 0) {
            return new Outcome(q, null, 0, typed.isEmpty() ? "no candidate program of type " + type
                    + " names the question's values " + mentions.values() : "none of " + typed.size()
                    + " candidate programs gives the answer", typed.size(), 0);
        }
        double[] scores;
        if (scorer != null) {
            scores = scorer.logProbabilities(q.question(), typed);
        } else {
            scores = new double[typed.size()];
            for (int i = 0; i < scores.length; i++) {
                scores[i] = prior(typed.get(i));
            }
        }
        int best = -1;
        double reference = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < typed.size(); i++) {
            reference = Math.max(reference, scores[i]);
            if (right.get(i) && (best < 0 || scores[i] > scores[best])) {
                best = i;
            }
        }
        double margin = type == Type.BOOL ? BOOL_MARGIN : type == Type.INTEGER ? COUNT_MARGIN : VALUE_MARGIN;
        if (scores[best] < reference - margin) {
            return new Outcome(q, null, scores[best], String.format(java.util.Locale.ROOT,
                    "the best right program scores %.2f, %.2f below the best reading (a likely accident)",
                    scores[best], reference - scores[best]), typed.size(), correct);
        }
        return new Outcome(q, typed.get(best), scores[best], null, typed.size(), correct);
    }

    /**
     * The score of a program without a model: shorter is better, and a step of an extension function costs as much
     * as three steps of CLEVR's own functions, so that the common reading wins a tie ("the small shiny ball" is the
     * unique one, not the most common colour of a set of one).
     */
    static double prior(Program p) {
        double score = 0;
        for (int i = 0; i < p.size(); i++) {
            score -= EXTENSIONS.contains(p.step(i).function()) ? 1.5 : 0.5;
        }
        return score;
    }

    private String key(Program p) {
        return ProgramGrammar.text(grammar.tokens(p));
    }
}
