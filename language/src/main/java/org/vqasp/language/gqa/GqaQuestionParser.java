package org.vqasp.language.gqa;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.vqasp.core.gqa.GqaOperation;
import org.vqasp.core.gqa.SemanticString;

/**
 * Reads a GQA question in English into its GQA semantic program, offline and in well under a millisecond: the
 * question's words ({@link GqaText}) are matched against the forms of GQA's question engine
 * ({@link QuestionForms}), whose noun phrases are read with the scene-graph vocabulary ({@link GqaLexicon},
 * {@link NounPhraseReader}) and written by GQA's program conventions ({@link ProgramBuilder}).
 *
 * <p>When several readings cover the question, the one with the fewest words the lexicon does not know wins, then
 * the earlier form; the confidence falls with unknown words and with readings that disagree. Object ids are not
 * predicted. Immutable and thread-safe.
 */
public final class GqaQuestionParser {

    /** The name rows of {@code predictions.jsonl} give this parser ({@code parser}). */
    public static final String NAME = "gqa-grammar";

    /** Readings of one form considered at most. */
    private static final int MATCHES_PER_FORM = 24;

    private static final Set<String> FUNCTION_WORDS = Set.of("the", "a", "an", "is", "are", "was", "were", "what",
            "which", "who", "whom", "where", "how", "do", "does", "did", "there", "this", "that", "these", "those",
            "it", "of", "and", "or", "not", "to", "in", "on", "at", "by", "with", "you", "see", "have", "has", "any",
            "both", "either", "all", "kind", "type", "sort", "piece", "item", "called", "name", "made", "look",
            "looks", "seem", "seems", "appear", "appears", "be", "same", "different", "side", "part", "doing",
            "common", "than", "as", "he", "she", "him", "her", "they", "can", "could", "one", ",", "'s", "like",
            "used", "make", "for", "from", "out", "taken", "weather", "place", "scene", "left", "right", "top",
            "bottom", "middle", "pieces", "items", "kinds", "types", "shown", "pictured", "located");

    private final GqaLexicon lexicon;
    private final QuestionForms forms;

    /** Creates a parser over a lexicon. */
    public GqaQuestionParser(GqaLexicon lexicon) {
        this.lexicon = lexicon;
        this.forms = new QuestionForms();
    }

    /** Returns the parser over the bundled lexicon. */
    public static GqaQuestionParser load() {
        return new GqaQuestionParser(GqaLexicon.bundled());
    }

    /** Returns the lexicon. */
    public GqaLexicon lexicon() {
        return lexicon;
    }

    /** Returns every word the parser knows, for completion: the lexicon's and those of the question forms. */
    public Set<String> vocabulary() {
        Set<String> all = new TreeSet<>(lexicon.words());
        all.addAll(FUNCTION_WORDS);
        all.remove(",");
        all.remove("'s");
        return Collections.unmodifiableSet(all);
    }

    /**
     * Reads a question.
     *
     * @param question the question, in any casing, with or without {@code ?}
     * @return the program, or why the question was not understood
     */
    public GqaParse parse(String question) {
        List<String> words = GqaText.words(question);
        if (words.isEmpty()) {
            return new GqaParse.NotUnderstood(NAME, "the question is empty");
        }
        NounPhraseReader reader = new NounPhraseReader(words, lexicon);
        List<Candidate> found = new ArrayList<>();
        int bestUnknown = Integer.MAX_VALUE;
        String first = words.get(0);
        for (QuestionForms.Form form : forms.forms()) {
            Set<String> starts = form.pattern().firstWords();
            if (starts != null && !starts.contains(first)) {
                continue;
            }
            int[] best = {bestUnknown};
            form.pattern().match(reader, lexicon, MATCHES_PER_FORM, m -> {
                int unknown = m.unknown();
                if (unknown > best[0]) {
                    return;
                }
                ProgramBuilder b = new ProgramBuilder(lexicon);
                try {
                    form.writer().write(m, b);
                } catch (IllegalArgumentException e) {
                    return;
                }
                found.add(new Candidate(form.name(), b.program(), unknown, m.pieces(), m.unknownNames()));
                best[0] = Math.min(best[0], unknown);
            });
            bestUnknown = best[0];
        }
        if (found.isEmpty()) {
            List<String> unknown = unknownWords(words);
            return new GqaParse.NotUnderstood(NAME, "matches no GQA question form"
                    + (unknown.isEmpty() ? "" : "; unknown words: " + String.join(", ", unknown)));
        }
        int min = found.stream().mapToInt(Candidate::unknown).min().orElseThrow();
        Candidate best = null;
        for (Candidate c : found) {
            // the reading with the fewest pieces: "standing on" as one relation, not "standing" and "on"
            if (c.unknown() == min && (best == null || c.pieces() < best.pieces())) {
                best = c;
            }
        }
        // readings as good as the best one that give another program make it less sure
        Set<String> programs = new LinkedHashSet<>();
        for (Candidate c : found) {
            if (c.unknown() == min && c.pieces() == best.pieces()) {
                programs.add(SemanticString.format(c.program()));
            }
        }
        double confidence = (min == 0 ? 0.95 : 0.6 / min) / Math.sqrt(programs.size());
        String note = best.names().isEmpty() ? best.form()
                : best.form() + "; unknown words: " + String.join(", ", best.names());
        return new GqaParse.Parsed(best.program(), NAME, Math.max(0.01, confidence), note);
    }

    private List<String> unknownWords(List<String> words) {
        Set<String> known = lexicon.words();
        List<String> out = new ArrayList<>();
        for (String w : words) {
            if (!known.contains(w) && !FUNCTION_WORDS.contains(w) && !out.contains(w)
                    && Character.isLetter(w.charAt(0))) {
                out.add(w);
            }
        }
        return out;
    }

    private record Candidate(String form, List<GqaOperation> program, int unknown, int pieces, List<String> names) {
    }
}
