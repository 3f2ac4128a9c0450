package org.vqasp.language.clevr.grammar;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.vqasp.core.clevr.Program;
import org.vqasp.language.Parse;
import org.vqasp.language.QuestionParser;

/**
 * Reads CLEVR questions by their grammar rather than by template: any composition of noun phrases, relative
 * clauses (nested to any depth, joined by "and", "or", "both ... and", "either ... or"), relations, "the same X
 * as", negation, superlatives and "next to", asked as a count, an existence test, an attribute query, a
 * comparison of attributes or counts, the most common value, the number of different values or whether all
 * objects agree; also in the words people use (synonyms, misspellings, filler such as "in the picture").
 *
 * <p>Programs use CLEVR's functions and, where the question needs them, the extension functions of
 * {@code docs/language.md} ({@code exclude}, {@code extreme}, {@code nearest}, {@code count_distinct},
 * {@code most_common}, {@code least_common}, {@code farthest}, {@code number}, {@code subtract}, {@code all_same}). A question the grammar cannot read is declined with
 * the words it does not know or does not read. The confidence falls with each correction and each dispreferred
 * reading, and when two readings of equal cost disagree. Immutable and thread-safe.
 */
public final class ClevrGrammarParser implements QuestionParser<Program> {

    /** The parser's name in predictions. */
    public static final String NAME = "grammar";

    private final Lexicon lexicon;
    private final ClevrGrammar grammar;
    private final Normalizer normalizer;
    private final Set<String> readable = new HashSet<>();

    private ClevrGrammarParser() {
        this.lexicon = Lexicon.load();
        this.grammar = new ClevrGrammar(lexicon);
        this.normalizer = new Normalizer(lexicon, grammar.literals());
        readable.addAll(grammar.literals());
    }

    /** Builds the parser from the bundled lexicon and rules. */
    public static ClevrGrammarParser load() {
        return new ClevrGrammarParser();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Parse<Program> parse(String question) {
        Normalizer.Words words = normalizer.normalize(question == null ? "" : question);
        if (words.words().isEmpty()) {
            return new Parse.NotUnderstood<>(NAME, "no words");
        }
        List<ClevrGrammar.Reading> readings = grammar.parse(words.words());
        if (readings.isEmpty()) {
            return new Parse.NotUnderstood<>(NAME, whyNot(words));
        }
        ClevrGrammar.Reading best = readings.get(0);
        Program program = ProgramCompiler.compile(best.answer());
        boolean ambiguous = false;
        for (int i = 1; i < readings.size() && readings.get(i).cost() == best.cost(); i++) {
            if (!ProgramCompiler.compile(readings.get(i).answer()).equals(program)) {
                ambiguous = true;
                break;
            }
        }
        double confidence = 0.9 - 0.05 * best.cost() - 0.05 * words.corrections().size();
        if (ambiguous) {
            confidence *= 0.8;
        }
        confidence = Math.max(0.05, Math.min(0.95, confidence));
        StringBuilder note = new StringBuilder();
        if (!words.corrections().isEmpty()) {
            note.append("corrected ").append(String.join(", ", words.corrections()));
        }
        if (ambiguous) {
            note.append(note.length() > 0 ? "; " : "").append("another reading as likely");
        }
        return new Parse.Parsed<>(program, NAME, Math.round(confidence * 100) / 100.0, note.toString());
    }

    /** Returns the readings of a question, cheapest first, as their answer types and programs (for tests). */
    List<ClevrGrammar.Reading> readings(String question) {
        return grammar.parse(normalizer.normalize(question).words());
    }

    /** Returns the normalized words of a question (for tests). */
    List<String> words(String question) {
        return normalizer.normalize(question).words();
    }

    /** Returns the type of the answer a program gives: integer, bool, or an attribute name. */
    public static String answerType(Program program) {
        String fn = program.step(program.size() - 1).function();
        if (fn.startsWith("query_")) {
            return fn.substring(6);
        }
        if (fn.equals("most_common") || fn.equals("least_common")) {
            return program.step(program.size() - 1).valueInputs().get(0);
        }
        return switch (fn) {
            case "count", "count_distinct", "subtract", "number" -> "integer";
            default -> "bool";
        };
    }

    private String whyNot(Normalizer.Words words) {
        List<String> unknown = new ArrayList<>(words.unknown());
        List<String> unread = new ArrayList<>();
        for (String w : words.words()) {
            if (unknown.contains(w) || unread.contains(w)) {
                continue;
            }
            boolean read = readable.contains(w) || lexicon.values(w) != null || lexicon.noun(w) != null
                    || lexicon.shapeAdjective(w) != null || lexicon.attributeName(w) != null
                    || lexicon.number(w) != null || w.endsWith("s") && lexicon.attributeName(w.substring(0, w.length() - 1)) != null;
            if (!read) {
                unread.add(w);
            }
        }
        StringBuilder sb = new StringBuilder();
        if (!unknown.isEmpty()) {
            sb.append("unknown words: ").append(String.join(", ", unknown));
        }
        if (!unread.isEmpty()) {
            sb.append(sb.length() > 0 ? "; " : "").append("words outside the CLEVR grammar: ")
                    .append(String.join(", ", unread));
        }
        if (sb.length() == 0) {
            sb.append("no reading of the sentence as a CLEVR question (\"")
                    .append(String.join(" ", words.words()).toLowerCase(Locale.ROOT)).append("\")");
        }
        return sb.toString();
    }
}
