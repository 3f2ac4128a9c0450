package org.vqasp.cli.ask;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.vqasp.core.InputException;
import org.vqasp.core.VqaspException;
import org.vqasp.core.gqa.GqaObject;
import org.vqasp.core.gqa.GqaOperation;
import org.vqasp.core.gqa.GqaSceneGraph;
import org.vqasp.core.gqa.GqaSceneGraphFile;
import org.vqasp.core.gqa.GqaVocabulary;
import org.vqasp.language.gqa.GqaParse;
import org.vqasp.language.gqa.GqaPronouns;
import org.vqasp.language.gqa.GqaQuestionParser;
import org.vqasp.reasoning.ExplainedAnswer;
import org.vqasp.reasoning.gqa.GqaExplanation;
import org.vqasp.reasoning.gqa.GqaReasoner;

/**
 * One person asking GQA questions about the images of a scene-graphs file: the parser and the reasoner load once,
 * the file is indexed once (where each image's graph starts) and an image's graph is read when it is opened, so a
 * released file of any size opens in seconds; each question is parsed into a GQA program, answered over the
 * current image's scene graph with an explanation, and kept for {@code :why}.
 */
public final class GqaAskSession {

    private final GqaQuestionParser parser;
    private final GqaReasoner reasoner;
    /** Image ids a "no such image" message names at most. */
    private static final int IDS_SHOWN = 10;

    private GqaSceneGraphFile graphs;
    private GqaSceneGraph graph;
    private GqaAskResult last;

    /**
     * What asking one question gave.
     *
     * @param question the question as typed
     * @param answer the answer, or null
     * @param program the program the question was read as, or null when it was not understood
     * @param answered the program given to the reasoner (pronoun selects made answerable), or null
     * @param parser the parser that read it
     * @param confidence the parser's confidence, or null
     * @param note the question form it was read by, or the reason it was not understood
     * @param explanation what each step produced, or null
     * @param errorKind why there is no answer ({@code not_understood}, {@code empty}, ...), or null
     * @param errorMessage one line for people, or null
     * @param ms milliseconds from question to answer
     */
    public record GqaAskResult(String question, String answer, List<GqaOperation> program,
            List<GqaOperation> answered, String parser, Double confidence, String note, GqaExplanation explanation,
            String errorKind, String errorMessage, double ms) {
    }

    /**
     * Creates a session.
     *
     * @param parser the question parser
     * @param reasoner the reasoner
     */
    public GqaAskSession(GqaQuestionParser parser, GqaReasoner reasoner) {
        this.parser = Objects.requireNonNull(parser, "parser");
        this.reasoner = Objects.requireNonNull(reasoner, "reasoner");
    }

    /**
     * Opens a scene-graphs file and one of its images.
     *
     * @param sceneGraphs the file ({@code {imageId: {...}}})
     * @param imageId the image, or null for the first in order
     * @throws InputException when the file is missing or malformed, or has no such image
     */
    public void open(Path sceneGraphs, String imageId) {
        // only where each graph starts is read now; a graph is read when its image is opened
        GqaSceneGraphFile index = GqaSceneGraphFile.index(sceneGraphs);
        if (index.size() == 0) {
            throw new InputException("empty_file", sceneGraphs + ": holds no scene graph");
        }
        this.graphs = index;
        openImage(imageId == null ? imageIds().iterator().next() : imageId);
    }

    /**
     * Opens another image of the current file.
     *
     * @throws InputException when the file has no such image, or its graph could not be read
     */
    public void openImage(String imageId) {
        GqaSceneGraph g = graphs.graph(imageId);
        if (g == null) {
            Set<String> ids = imageIds();
            String some = String.join(", ", ids.stream().limit(IDS_SHOWN).toList());
            throw new InputException("missing_scene_graph", graphs.file() + " has no scene graph for image "
                    + imageId + " (it has " + (ids.size() <= IDS_SHOWN ? some
                            : ids.size() + " images: " + some + ", ...; :images lists them") + ")");
        }
        this.graph = g;
        this.last = null;
    }

    /** Returns the image ids of the file, in order. */
    public Set<String> imageIds() {
        return new TreeSet<>(graphs.imageIds());
    }

    /** Returns the current scene graph. */
    public GqaSceneGraph graph() {
        return graph;
    }

    /** Returns what the current scene is, for people: {@code image 2375429 of sceneGraphs.json}. */
    public String sceneName() {
        return "image " + graph.imageId() + " of " + graphs.file();
    }

    /** Returns the last result, or null. */
    public GqaAskResult last() {
        return last;
    }

    /** Returns the words to complete: the parser's vocabulary and the current image's names and attributes. */
    public Set<String> vocabulary() {
        Set<String> words = new TreeSet<>(parser.vocabulary());
        for (GqaObject o : graph.objects().values()) {
            words.addAll(List.of(o.name().toLowerCase().split("\\s+")));
            o.attributes().forEach(a -> words.addAll(List.of(a.toLowerCase().split("\\s+"))));
        }
        return words;
    }

    /**
     * Answers a question about the current image.
     *
     * @param question the question text
     * @return the answer with its program and explanation, or why there is none
     */
    public GqaAskResult ask(String question) {
        long t0 = System.nanoTime();
        GqaParse r = parser.parse(question);
        if (r instanceof GqaParse.NotUnderstood nu) {
            last = new GqaAskResult(question, null, null, null, nu.parser(), null, nu.reason(), null, "not_understood",
                    nu.reason(), ms(t0));
            return last;
        }
        GqaParse.Parsed p = (GqaParse.Parsed) r;
        List<GqaOperation> answered = p.forAnswering();
        try {
            ExplainedAnswer a = reasoner.explain(graph, answered, true);
            GqaExplanation e = GqaExplanation.of(answered, graph, a.outcome());
            last = new GqaAskResult(question, a.answer(), p.program(), answered, p.parser(), p.confidence(), p.note(),
                    e, null, null, ms(t0));
        } catch (VqaspException e) {
            GqaExplanation partial = null;
            try {
                partial = GqaExplanation.trace(reasoner.reasoner(), graph, answered, GqaVocabulary.bundled());
            } catch (VqaspException ignored) {
                // the program does not encode: there is nothing to trace
            }
            String message = e.getMessage();
            if (e.kind().equals("empty") && GqaPronouns.pointsAtThis(answered)) {
                // GQA's own "this" is an annotated object; a typed question's "this" names no class to look for
                message += "; \"this\" does not say which kind of object: name it (What animal is this?)";
            }
            last = new GqaAskResult(question, null, p.program(), answered, p.parser(), p.confidence(), p.note(),
                    partial, e.kind(), message, ms(t0));
        }
        return last;
    }

    private static double ms(long t0) {
        return (System.nanoTime() - t0) / 1e6;
    }
}
