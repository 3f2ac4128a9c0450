package org.vqasp.spark;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import org.vqasp.core.DatasetItem;
import org.vqasp.core.VqaspException;
import org.vqasp.core.gqa.GqaDataset;
import org.vqasp.core.gqa.GqaQuestion;
import org.vqasp.core.gqa.GqaSceneGraph;
import org.vqasp.core.json.DatasetReader;
import org.vqasp.core.json.JsonItemStream;
import org.vqasp.eval.BatchAnswerer;
import org.vqasp.eval.EvalItem;
import org.vqasp.eval.gqa.GqaAnswerer;
import org.vqasp.eval.gqa.GqaEvaluation;
import org.vqasp.reasoning.gqa.GqaAnswers;
import org.vqasp.reasoning.gqa.GqaReasoner;

/**
 * {@code vqa eval gqa} as a Spark job. The driver notes where each needed scene graph starts in the scene-graphs file;
 * a slice reads only its images' graphs from there (released train graphs take gigabytes as records, too many for
 * every executor to hold), and answers with the local answerer.
 */
final class GqaEvalJob extends EvalJob<GqaQuestion> {

    private static final long serialVersionUID = 1L;

    private final String questions;
    private final String sceneGraphs;
    private final GqaEvaluation.Programs programs;

    GqaEvalJob(Path questions, Path sceneGraphs, GqaEvaluation.Programs programs) {
        this.questions = questions.toString();
        this.sceneGraphs = sceneGraphs.toString();
        this.programs = programs;
    }

    @Override
    String name() {
        return "eval gqa";
    }

    @Override
    DatasetReader<GqaQuestion> open() {
        return GqaDataset.questions(Path.of(questions));
    }

    @Override
    DatasetReader<GqaQuestion> openAt(JsonItemStream.Mark mark) {
        return GqaDataset.questions(Path.of(questions), mark);
    }

    @Override
    Iterator<EvalItem<GqaQuestion>> items(DatasetReader<GqaQuestion> reader) {
        return EvalItem.of(reader, q -> GqaEvaluation.item(q, true));
    }

    @Override
    List<Slice> complete(List<EvalPlanner.Cut> cuts) {
        Set<String> needed = new HashSet<>();
        cuts.forEach(c -> needed.addAll(c.images()));
        Map<String, JsonItemStream.Mark> marks = new HashMap<>();
        try (JsonItemStream s = JsonItemStream.entries(Path.of(sceneGraphs))) {
            while (s.hasNext()) {
                String id = s.next().getKey();
                if (needed.contains(id)) {
                    marks.put(id, s.mark()); // a repeated id: the last one counts, as when the file is loaded
                }
            }
        }
        List<Slice> out = new ArrayList<>(cuts.size());
        for (EvalPlanner.Cut c : cuts) {
            Map<String, JsonItemStream.Mark> mine = new HashMap<>();
            for (String image : c.images()) {
                JsonItemStream.Mark m = marks.get(image);
                if (m != null) {
                    mine.put(image, m);
                }
            }
            Slice s = c.slice();
            out.add(new Slice(s.index(), s.start(), s.span(), s.skip(), s.questions(), mine));
        }
        return out;
    }

    @Override
    BatchAnswerer<GqaQuestion> answerer(Slice slice, Path attempt) {
        Path file = Path.of(sceneGraphs);
        Map<String, GqaSceneGraph> graphs = new HashMap<>();
        Map<String, VqaspException> failures = new HashMap<>();
        List<Map.Entry<String, JsonItemStream.Mark>> byOffset = new ArrayList<>(slice.graphs().entrySet());
        byOffset.sort(Comparator.comparingLong(e -> e.getValue().offset()));
        for (Map.Entry<String, JsonItemStream.Mark> e : byOffset) {
            try (DatasetReader<GqaSceneGraph> r = GqaDataset.sceneGraphs(file, e.getValue())) {
                DatasetItem<GqaSceneGraph> item = r.next();
                if (item.ok()) {
                    graphs.put(item.id(), item.value());
                } else {
                    failures.put(item.id(), item.error());
                }
            }
        }
        GqaReasoner reasoner = ExecutorCache.get("gqa-reasoner", GqaReasoner.class, GqaReasoner::new);
        return new GqaAnswerer(new GqaDataset.SceneGraphIndex(graphs, failures), file.getFileName().toString(),
                reasoner, GqaEvaluation.source(programs));
    }

    @Override
    BiPredicate<String, String> matches() {
        return GqaAnswers::matches;
    }

    @Override
    ObjectNode describe() {
        ObjectNode o = Inputs.object();
        o.put("command", name());
        Inputs.file(o, "questions", questions);
        Inputs.file(o, "scene_graphs", sceneGraphs);
        o.put("programs", programs.name());
        return o;
    }
}
