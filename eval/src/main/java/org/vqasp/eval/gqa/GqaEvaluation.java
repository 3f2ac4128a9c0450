package org.vqasp.eval.gqa;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.vqasp.core.InputException;
import org.vqasp.core.Progress;
import org.vqasp.core.gqa.GqaDataset;
import org.vqasp.core.gqa.GqaQuestion;
import org.vqasp.core.gqa.GqaSceneGraphFile;
import org.vqasp.core.json.DatasetReader;
import org.vqasp.eval.BatchAnswerer;
import org.vqasp.eval.EvalItem;
import org.vqasp.eval.EvalRunner;
import org.vqasp.eval.EvalSummary;
import org.vqasp.language.gqa.GqaQuestionParser;
import org.vqasp.reasoning.gqa.GqaAnswers;
import org.vqasp.reasoning.gqa.GqaReasoner;

/**
 * Batch evaluation and checking of files in the released GQA layout: the whole pipeline that
 * {@code vqa eval gqa} and {@code vqa check gqa} run. Programs are the gold ones (the {@code semantic} list, or
 * the one parsed from {@code semanticStr} when the file has no list) or those the question parser reads from
 * the question text, which are also scored against the gold ones.
 */
public final class GqaEvaluation {

    /** Where programs come from. */
    public enum Programs {
        /** The programs in the questions file. */
        GOLD,
        /** Programs parsed from the question text. */
        PARSED
    }

    /**
     * What a run's summary holds.
     *
     * @param answers the answers' summary, or null when only programs were scored
     * @param programs the programs' summary, or null for gold programs
     * @param json {@code summary.json} as written
     */
    public record Report(EvalSummary answers, GqaProgramSummary programs, ObjectNode json) {
    }

    private GqaEvaluation() {
    }

    /**
     * Answers every question over its image's gold scene graph, with the file's programs or parsed ones, and
     * writes predictions (see {@link GqaProgramSource#parsed} for the keys parsed programs add).
     *
     * @param questions the questions file
     * @param sceneGraphs the scene-graphs file
     * @param programs where programs come from
     * @param reasoner the reasoner
     * @param options output directory, threads, limit
     * @param progress receives progress
     * @return what the run did
     * @throws InputException when a file is missing or malformed
     */
    public static EvalRunner.Run evaluate(Path questions, Path sceneGraphs, Programs programs, GqaReasoner reasoner,
            EvalRunner.Options options, Progress progress) {
        // where each graph starts, not the graphs: each image's graph is read when its questions are answered
        GqaSceneGraphFile graphs = GqaSceneGraphFile.index(sceneGraphs);
        return run(questions, new GqaAnswerer(graphs, sceneGraphs.getFileName().toString(), reasoner,
                source(programs)), true, options, progress);
    }

    /**
     * Parses every question and scores the programs alone against the gold ones (no scene graphs, no answers).
     *
     * @param questions the questions file ({@code semantic} or {@code semanticStr} give the gold programs)
     * @param parser the question parser
     * @param options output directory, threads, limit
     * @param progress receives progress
     * @return what the run did
     * @throws InputException when the file is missing or malformed
     */
    public static EvalRunner.Run parse(Path questions, GqaQuestionParser parser, EvalRunner.Options options,
            Progress progress) {
        return run(questions, new GqaParseScorer(GqaProgramSource.parsed(parser)), false, options, progress);
    }

    /**
     * Computes and writes {@code summary.json} of a run: the answers' summary when questions were answered, with
     * the programs' keys ({@code program_accuracy}, ...) merged in when they were parsed.
     *
     * @param run the run
     * @param answered whether questions were answered over scene graphs
     * @param parsed whether programs were parsed
     * @return the summaries
     */
    public static Report report(EvalRunner.Run run, boolean answered, boolean parsed) {
        EvalSummary answers = run.evalSummary();
        GqaProgramSummary programs = parsed ? GqaProgramSummary.of(run.predictions()) : null;
        ObjectNode json;
        if (answered) {
            json = answers.toJson();
        } else {
            json = new ObjectMapper().createObjectNode();
            json.put("questions", answers.questions());
            ObjectNode errors = json.putObject("errors");
            answers.errors().forEach(errors::put);
        }
        if (programs != null) {
            ObjectNode p = programs.toJson();
            p.fields().forEachRemaining(e -> json.set(e.getKey(), e.getValue()));
        }
        if (!answered) {
            json.put("seconds", answers.toJson().get("seconds").asDouble());
            json.put("questions_per_second", answers.toJson().get("questions_per_second").asDouble());
        }
        Path file = run.predictions().resolveSibling("summary.json");
        try {
            Files.writeString(file, json.toPrettyString() + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return new Report(answered ? answers : null, programs, json);
    }

    /** Returns where the programs of a run come from (the parser is loaded for {@code PARSED}). */
    public static GqaProgramSource source(Programs programs) {
        return programs == Programs.PARSED ? GqaProgramSource.parsed(GqaQuestionParser.load())
                : GqaProgramSource.gold();
    }

    /**
     * Answers every question over its image's gold scene graph and writes predictions and the summary
     * ({@code by_family}: structural and semantic types). The scene-graphs file is indexed, and each image's graph
     * read from it when its questions are answered, so no more than a batch's graphs are in memory.
     *
     * @param questions the questions file ({@code {qid: {...}}})
     * @param sceneGraphs the scene-graphs file ({@code {imageId: {...}}})
     * @param reasoner the reasoner
     * @param options output directory, threads, limit
     * @param progress receives progress
     * @return what the run did
     * @throws InputException when a file is missing or malformed
     */
    public static EvalRunner.Run evaluate(Path questions, Path sceneGraphs, GqaReasoner reasoner,
            EvalRunner.Options options, Progress progress) {
        return evaluate(questions, sceneGraphs, Programs.GOLD, reasoner, options, progress);
    }

    /**
     * Compiles and grounds every question's program against an empty scene graph and writes the failures.
     *
     * @param questions the questions file
     * @param reasoner the reasoner whose theory is checked against
     * @param options output directory, threads, limit
     * @param progress receives progress
     * @return what the run did
     * @throws InputException when the file is missing or malformed
     */
    public static EvalRunner.Run check(Path questions, GqaReasoner reasoner, EvalRunner.Options options,
            Progress progress) {
        return run(questions, new GqaChecker(reasoner), true, options, progress);
    }

    private static EvalRunner.Run run(Path questions, BatchAnswerer<GqaQuestion> answerer, boolean answers,
            EvalRunner.Options options, Progress progress) {
        long total = GqaDataset.countQuestions(questions);
        try (DatasetReader<GqaQuestion> reader = GqaDataset.questions(questions)) {
            return EvalRunner.run(EvalItem.of(reader, q -> item(q, answers)), total, answerer, GqaAnswers::matches,
                    options, progress);
        }
    }

    /**
     * Returns a question as an evaluation item: its image, its structural and semantic types, and its answer when
     * questions are answered (a Spark job reads its slices of the file with it).
     */
    public static EvalItem<GqaQuestion> item(GqaQuestion q, boolean answers) {
        return new EvalItem<>(q.id(), q.imageId(), q.question(), answers ? q.answer() : null, q.families(), q, null);
    }
}
