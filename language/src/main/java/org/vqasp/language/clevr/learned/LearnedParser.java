package org.vqasp.language.clevr.learned;

import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.vqasp.core.clevr.Program;

/**
 * The learned stage of the parser chain: reads a question of any wording into a CLEVR program with a
 * {@link ParserModel}, or declines.
 *
 * <p>The question is split into words ({@link QuestionWords}); a word the model does not know is read as its
 * nearest known word or as {@code <unk>} ({@link WordVocabulary}). Beam search under the grammar gives the most
 * probable well-formed programs ({@link ProgramBeamSearch}), of the answer type the question's form fixes when it
 * fixes one ({@link #answerType}); the best one is the reading and its probability the confidence. Below the
 * model's threshold the parser declines, saying why and what it would have read.
 *
 * <p>Thread-safe: each call works in its own NDManager.
 */
public final class LearnedParser implements AutoCloseable {

    /** The name this stage writes into prediction rows. */
    public static final String NAME = "learned";

    /**
     * A program the model reads, with its probability.
     *
     * @param program the program, steps in post-order
     * @param probability its probability under the model
     */
    public record Candidate(Program program, double probability) {
        /** Checks the fields. */
        public Candidate {
            Objects.requireNonNull(program, "program");
        }
    }

    /**
     * What the parser made of a question.
     *
     * @param program the best program, or null when the parser could not read anything at all
     * @param confidence the best program's probability (0 without a program)
     * @param declineReason null when the program is to be used; otherwise one line saying why not
     * @param candidates the beam's programs, most probable first
     * @param unknownWords words of the question the vocabulary does not hold and could not correct
     */
    public record Result(Program program, double confidence, String declineReason, List<Candidate> candidates,
            List<String> unknownWords) {
        /** Copies the lists. */
        public Result {
            candidates = List.copyOf(candidates);
            unknownWords = List.copyOf(unknownWords);
        }

        /** Returns whether the program is to be used. */
        public boolean accepted() {
            return declineReason == null;
        }
    }

    /**
     * A question as the network reads it.
     *
     * @param words the words as read (after correction)
     * @param wordIds their ids
     * @param conceptIds their concept ids
     * @param unknownWords the words read as {@code <unk>}
     */
    public record Encoded(List<String> words, long[] wordIds, long[] conceptIds, List<String> unknownWords) {
    }

    private final ParserModel model;
    private final ProgramBeamSearch search;

    /** Creates the stage over a loaded model, which it then owns. */
    public LearnedParser(ParserModel model) {
        this.model = Objects.requireNonNull(model, "model");
        this.search = new ProgramBeamSearch(model.net(), model.grammar());
    }

    /**
     * Loads a model directory.
     *
     * @throws org.vqasp.core.InputException when the model cannot be read
     */
    public static LearnedParser load(Path dir) {
        return new LearnedParser(ParserModel.read(dir));
    }

    /**
     * Loads the bundled model.
     *
     * @throws org.vqasp.core.InputException when no model is bundled
     */
    public static LearnedParser bundled() {
        return new LearnedParser(ParserModel.bundled());
    }

    /** Returns the model. */
    public ParserModel model() {
        return model;
    }

    /** Returns the confidence below which the parser declines. */
    public double threshold() {
        return model.threshold();
    }

    /** Splits and encodes a question for the network. */
    public Encoded encode(String question) {
        return encode(QuestionWords.split(question), model.vocabulary(), model.net().config().maxWords());
    }

    /** Encodes words with a vocabulary, keeping at most {@code maxWords} of them. */
    static Encoded encode(List<String> raw, WordVocabulary vocabulary, int maxWords) {
        List<String> words = raw.size() > maxWords ? raw.subList(0, maxWords) : raw;
        List<String> read = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        long[] ids = new long[words.size()];
        long[] concepts = new long[words.size()];
        for (int i = 0; i < words.size(); i++) {
            String r = vocabulary.read(words.get(i));
            if (r.equals("<unk>")) {
                unknown.add(words.get(i));
            }
            read.add(r);
            ids[i] = vocabulary.id(words.get(i));
            concepts[i] = HumanLexicon.conceptId(r);
        }
        return new Encoded(read, ids, concepts, unknown);
    }

    private static final java.util.Set<String> AUXILIARIES = java.util.Set.of("is", "are", "does", "do", "did", "can",
            "could", "has", "have", "was", "were", "will", "would", "should");

    /**
     * Returns the answer type a question's form fixes, or {@link ProgramGrammar.Type#ANSWER} when it fixes none: a
     * question that opens with an auxiliary verb ("Is ...", "Are there ...", "Does ...") and offers no choice (no
     * "or") is answered yes or no; one that opens with "how many" by a number.
     */
    static ProgramGrammar.Type answerType(List<String> words) {
        if (words.isEmpty() || words.contains("or")) {
            return ProgramGrammar.Type.ANSWER;
        }
        if (AUXILIARIES.contains(words.get(0))) {
            return ProgramGrammar.Type.BOOL;
        }
        if (words.size() > 1 && words.get(0).equals("how") && words.get(1).equals("many")) {
            return ProgramGrammar.Type.INTEGER;
        }
        return ProgramGrammar.Type.ANSWER;
    }

    /** Reads a question with the model's beam width and threshold. */
    public Result parse(String question) {
        return parse(question, model.beams(), model.threshold());
    }

    /**
     * Reads a question.
     *
     * @param question the text
     * @param beams beam width
     * @param threshold least confidence to accept
     */
    public Result parse(String question, int beams, double threshold) {
        Encoded e = encode(question);
        if (e.wordIds().length == 0) {
            return new Result(null, 0, "the question has no words", List.of(), List.of());
        }
        if (e.unknownWords().size() == e.wordIds().length) {
            return new Result(null, 0, "no word of the question is known: " + String.join(" ", e.unknownWords()),
                    List.of(), e.unknownWords());
        }
        List<ProgramBeamSearch.Hypothesis> hyps;
        try (NDManager m = model.manager().newSubManager()) {
            ParameterStore ps = new ParameterStore(m, false);
            hyps = search.search(m, ps, e.wordIds(), e.conceptIds(), beams, answerType(e.words()));
        }
        List<Candidate> candidates = new ArrayList<>();
        for (ProgramBeamSearch.Hypothesis h : hyps) {
            candidates.add(new Candidate(h.program(), h.probability()));
        }
        if (candidates.isEmpty()) {
            return new Result(null, 0, "no program fits within " + model.net().config().maxTokens() + " steps",
                    List.of(), e.unknownWords());
        }
        Candidate best = candidates.get(0);
        String reason = null;
        if (best.probability() < threshold) {
            reason = String.format(Locale.ROOT, "the learned parser is unsure (confidence %.2f, below %.2f)%s",
                    best.probability(), threshold, e.unknownWords().isEmpty() ? ""
                            : "; unknown words: " + String.join(", ", e.unknownWords()));
        }
        return new Result(best.program(), best.probability(), reason, candidates, e.unknownWords());
    }

    @Override
    public void close() {
        model.close();
    }
}
