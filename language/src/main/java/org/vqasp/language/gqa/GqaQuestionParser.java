package org.vqasp.language.gqa;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.vqasp.core.gqa.GqaOperation;
import org.vqasp.core.gqa.SemanticString;
import org.vqasp.language.EditDistance;

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

    private static final String COUNTING = "counts are read as \"how many X are there\", \"how many X are on the Y\","
            + " \"how many X do you see\"; comparing counts (more ... than) is not supported: ask how many of each";

    /** Readings of one form considered at most. */
    private static final int MATCHES_PER_FORM = 24;

    private static final Set<String> FUNCTION_WORDS = Stream.concat(GqaText.INDEFINITES.stream(), Stream.of(
            "the", "a", "an", "is", "are", "was", "were", "what", "which", "who", "whom", "where", "how", "do", "does",
            "did", "there", "this", "that", "these", "those", "it", "his", "of", "and", "or", "not", "to", "in", "on",
            "at", "by", "with", "you", "see", "have", "has", "any", "both", "either", "all", "kind", "type", "sort",
            "piece", "item", "called", "name", "made", "look", "looks", "seem", "seems", "appear", "appears", "be",
            "same", "different", "side", "part", "doing", "common", "than", "as", "he", "she", "him", "her", "they",
            "can", "could", "one", ",", "'s", "like", "used", "make", "for", "from", "out", "taken", "weather",
            "place", "scene", "left", "right", "top", "bottom", "middle", "pieces", "items", "kinds", "types", "shown",
            "pictured", "located", "many", "much", "number")).collect(Collectors.toUnmodifiableSet());

    private final GqaLexicon lexicon;
    private final QuestionForms forms;
    private final Set<String> vocabulary;
    private final Set<String> questionWords;

    /** Creates a parser over a lexicon. */
    public GqaQuestionParser(GqaLexicon lexicon) {
        this.lexicon = lexicon;
        this.forms = new QuestionForms();
        Set<String> all = new TreeSet<>(lexicon.words());
        all.addAll(FUNCTION_WORDS);
        forms.forms().forEach(f -> all.addAll(f.pattern().literals()));
        all.remove(",");
        all.remove("'s");
        this.vocabulary = Collections.unmodifiableSet(all);
        Set<String> question = new TreeSet<>(FUNCTION_WORDS);
        forms.forms().forEach(f -> question.addAll(f.pattern().literals()));
        this.questionWords = Collections.unmodifiableSet(question);
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
        return vocabulary;
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
            return new GqaParse.NotUnderstood(NAME, question == null || question.strip().replaceAll("[?!.,;:]", "")
                    .isEmpty() ? "the question is empty" : "the question has no English words (a-z, 0-9)");
        }
        if (Requests.asksForCount(words)) {
            return counted(words);
        }
        return read(words);
    }

    /**
     * Reads a request for a count, which GQA's programs never make: the existence question it stands for ("how
     * many pillows are on the sofa": are there pillows that are on the sofa), its final {@code exist} made a
     * {@code count} of the same objects, an operation of vqasp's GQA theory beyond GQA's own.
     */
    private GqaParse counted(List<String> words) {
        List<String> existence = Requests.existenceOfCount(words);
        if (existence != null && read(existence) instanceof GqaParse.Parsed p && endsInExist(p.program())
                && endsInExist(p.answering())) {
            // the form is "count"; the existence question's own notes (a rewriting, typos) follow
            int form = p.note().indexOf("; ");
            String notes = form < 0 ? "" : p.note().substring(form);
            return new GqaParse.Parsed(counting(p.program()), p.parser(), p.confidence(),
                    "count" + notes + "; counts the objects of: " + String.join(" ", existence),
                    counting(p.answering()));
        }
        return new GqaParse.NotUnderstood(NAME, COUNTING);
    }

    private static boolean endsInExist(List<GqaOperation> program) {
        return program.get(program.size() - 1).operation().equals("exist");
    }

    /** The program with its final {@code exist} made a {@code count}. */
    private static List<GqaOperation> counting(List<GqaOperation> program) {
        List<GqaOperation> out = new ArrayList<>(program);
        GqaOperation exist = out.remove(out.size() - 1);
        out.add(new GqaOperation("count", exist.argument(), exist.dependencies()));
        return out;
    }

    private GqaParse read(List<String> words) {
        GqaParse first = parse(words);
        Correction fix = correction(words);
        if (first instanceof GqaParse.Parsed) {
            // a word the lexicon does not know, read as a name, may rather be a typo of one it knows: "Are there
            // any pilows?" (GQA's own questions use the lexicon's names, so this changes none of them)
            if (fix != null && unknownWords(fix.words()).isEmpty()
                    && parse(fix.words()) instanceof GqaParse.Parsed p) {
                return p.with(p.confidence() * 0.8, p.note() + fix.note());
            }
            return first;
        }
        // a request worded otherwise; one with words the parser does not know may rather have typos
        GqaParse request = rewritten(words, "", r -> unknownWords(r).isEmpty());
        if (request != null) {
            return request;
        }
        // a question people typed may have typos: read it again with unknown words spelled as known ones
        if (fix != null) {
            GqaParse second = parse(fix.words());
            if (second instanceof GqaParse.Parsed p) {
                return p.with(p.confidence() * 0.8, p.note() + fix.note());
            }
            GqaParse third = rewritten(fix.words(), fix.note(), r -> true);
            if (third instanceof GqaParse.Parsed p) {
                return p.with(p.confidence() * 0.8, p.note());
            }
        }
        // a request with a name the lexicon does not know: "tell me what color the zorblax is" (the rewritings
        // with only known words were read above)
        GqaParse named = rewritten(words, "", r -> !unknownWords(r).isEmpty());
        return named != null ? named : first;
    }

    /** A question with its unknown words spelled as known ones, and the note that says so. */
    private record Correction(List<String> words, String note) {
    }

    /** Returns the question with each unknown word spelled as the known word it most likely stands for, or null. */
    private Correction correction(List<String> words) {
        List<String> corrected = new ArrayList<>(words);
        List<String> changes = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (w.length() >= 3 && Character.isLetter(w.charAt(0)) && !known(w)) {
                String fix = closest(w);
                if (fix != null) {
                    corrected.set(i, fix);
                    changes.add(w + " -> " + fix);
                }
            }
        }
        return changes.isEmpty() ? null : new Correction(corrected, "; corrected: " + String.join(", ", changes));
    }

    /**
     * Reads a request that is not worded as a GQA question ({@link Requests}): the first of the rewritings
     * {@code tried} that reads, with the rewriting in the note, or null.
     */
    private GqaParse rewritten(List<String> words, String noteTail, Predicate<List<String>> tried) {
        for (Requests.Rewriting r : Requests.of(words)) {
            if (!tried.test(r.words())) {
                continue;
            }
            if (parse(r.words()) instanceof GqaParse.Parsed p) {
                return p.with(p.confidence() * 0.9, p.note() + "; " + r.how() + noteTail);
            }
        }
        return null;
    }

    /**
     * Returns the known word a typo most likely stands for, or null: the fewest edits (at most one, two for long
     * words), then a dropped letter before an extra one before a wrong one, then question words before names,
     * then the same last letter; null when two words are equally likely.
     */
    private String closest(String w) {
        int limit = w.length() >= 7 ? 2 : 1;
        String best = null;
        int[] bestScore = null;
        boolean tie = false;
        for (String v : vocabulary) {
            if (Math.abs(v.length() - w.length()) > limit || v.contains(" ")) {
                continue;
            }
            int d = EditDistance.of(w, v, limit);
            if (d > limit) {
                continue;
            }
            int[] score = {d, v.length() > w.length() ? 0 : v.length() < w.length() ? 1 : 2,
                questionWords.contains(v) ? 0 : 1, v.charAt(v.length() - 1) == w.charAt(w.length() - 1) ? 0 : 1};
            int c = bestScore == null ? -1 : java.util.Arrays.compare(score, bestScore);
            if (c < 0) {
                best = v;
                bestScore = score;
                tie = false;
            } else if (c == 0) {
                tie = true;
            }
        }
        return best != null && !tie ? best : null;
    }

    private GqaParse parse(List<String> words) {
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
                found.add(new Candidate(form.name(), b.program(), b.answering(), unknown, m.pieces(),
                        m.unknownNames()));
                best[0] = Math.min(best[0], unknown);
            });
            bestUnknown = best[0];
        }
        if (found.isEmpty()) {
            List<String> unknown = unknownWords(words);
            boolean they = words.contains("they") || words.contains("them");
            return new GqaParse.NotUnderstood(NAME, "matches no GQA question form"
                    + (unknown.isEmpty() ? "" : "; unknown words: " + String.join(", ", unknown))
                    + (they ? "; \"they\" does not say who or what: name them (What are the people holding?)" : ""));
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
        return new GqaParse.Parsed(best.program(), NAME, Math.max(0.01, confidence), note, best.answering());
    }

    /** Whether a word is one the parser reads: of the vocabulary, or of a request ({@code tell}, {@code please}). */
    private boolean known(String w) {
        return vocabulary.contains(w) || Requests.WORDS.contains(w);
    }

    private List<String> unknownWords(List<String> words) {
        List<String> out = new ArrayList<>();
        for (String w : words) {
            if (!known(w) && !out.contains(w)
                    && Character.isLetter(w.charAt(0))) {
                out.add(w);
            }
        }
        return out;
    }

    private record Candidate(String form, List<GqaOperation> program, List<GqaOperation> answering, int unknown,
            int pieces, List<String> names) {
    }
}
