package org.vqasp.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vqasp.core.InputException;
import org.vqasp.core.Progress;
import org.vqasp.eval.EvalRunner;
import org.vqasp.eval.PredictionLog;
import org.vqasp.eval.gqa.GqaEvaluation;
import org.vqasp.language.gqa.GqaQuestionParser;

class ReportTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path tmp;

    private Document report(Path out, Path... runs) throws IOException {
        Report.write(List.of(runs), new Report.Options(out, Report.DEFAULT_GALLERY, null));
        return Jsoup.parse(out.toFile(), "UTF-8");
    }

    @Test
    void should_show_the_counts_of_summary_json_for_the_run_and_every_family() throws IOException {
        // given an evaluation whose scenes give some answers away
        Path run = TestRuns.perturbed();
        JsonNode summary = MAPPER.readTree(run.resolve("summary.json").toFile());

        // when its report is written
        Document page = report(tmp.resolve("r.html"), run);

        // then the run's section and each family row carry the summary's counts
        Element section = page.selectFirst("section.eval");
        assertNotNull(section);
        assertEquals(summary.get("questions").asLong(), Long.parseLong(section.attr("data-questions")));
        assertEquals(summary.get("correct").asLong(), Long.parseLong(section.attr("data-correct")));
        Elements rows = section.select("tr[data-family]");
        assertEquals(summary.get("by_family").size(), rows.size());
        for (Element r : rows) {
            JsonNode f = summary.get("by_family").get(r.attr("data-family"));
            assertEquals(f.get("questions").asLong(), Long.parseLong(r.attr("data-questions")), r.attr("data-family"));
            assertEquals(f.get("correct").asLong(), Long.parseLong(r.attr("data-correct")), r.attr("data-family"));
        }
        assertTrue(section.text().contains(String.format(java.util.Locale.ROOT, "%.2f%%",
                100 * summary.get("accuracy").asDouble())), "headline accuracy");
        // and the error kinds of the summary are listed with their counts
        summary.get("errors").fields().forEachRemaining(e -> assertTrue(section.select(".errors td").stream()
                .anyMatch(td -> td.text().equals(e.getKey())), e.getKey()));
    }

    @Test
    void should_show_failures_spread_over_families_with_program_and_trace() throws IOException {
        // given the run with wrong colours, whose failures are counted from its predictions
        Path run = TestRuns.perturbed();
        long failures = PredictionLog.readAll(run.resolve("predictions.jsonl")).stream()
                .filter(p -> !Boolean.TRUE.equals(p.correct())).count();

        // when its report is written
        Document page = report(tmp.resolve("r.html"), run);

        // then the gallery shows the bound, picked across families, each with its program and a trace of its steps
        Element section = page.selectFirst("section.eval");
        assertEquals(failures, Long.parseLong(section.attr("data-failures")));
        Elements cards = section.select("article.failure");
        assertEquals(Math.min(failures, Report.DEFAULT_GALLERY), cards.size());
        long families = cards.stream().map(c -> c.selectFirst(".family").text().split(" · ")[0]).distinct().count();
        assertTrue(families >= Math.min(10, cards.size()), families + " families in the gallery");
        for (Element c : cards) {
            String program = c.selectFirst(".program").text();
            int steps = program.split(" -> | ; ").length;
            assertEquals(steps, c.select(".why li").size(), "one trace line per step: " + program);
            assertFalse(c.select(".objects tr").isEmpty(), "the scene's objects");
        }
        // and the table of every failure lists them all (up to its bound)
        assertEquals(Math.min(failures, EvalSection.FAILURE_ROWS), section.select(".all-failures tbody tr").size());
    }

    @Test
    void should_put_the_differences_first_when_runs_are_given_together() throws IOException {
        // given the same questions over gold scenes and over scenes with wrong colours
        Path gold = TestRuns.gold();
        Path perturbed = TestRuns.perturbed();
        Map<String, Boolean> before = new HashMap<>();
        PredictionLog.read(gold.resolve("predictions.jsonl"), p -> before.put(p.id(), p.correct()));
        long[] lost = new long[1];
        PredictionLog.read(perturbed.resolve("predictions.jsonl"), p -> {
            if (Boolean.TRUE.equals(before.get(p.id())) && !Boolean.TRUE.equals(p.correct())) {
                lost[0]++;
            }
        });

        // when both are reported together
        Document page = report(tmp.resolve("both.html"), gold, perturbed);

        // then the comparison comes before the runs, with the flipped questions counted as the predictions say
        Elements sections = page.select("main > section");
        assertEquals("comparison", sections.get(1).attr("data-kind"));
        assertEquals(List.of("eval", "eval"), sections.stream().skip(2).map(s -> s.attr("data-kind")).toList());
        Element flips = page.selectFirst(".flips");
        assertEquals(lost[0], Long.parseLong(flips.attr("data-lost")));
        assertEquals(0, Long.parseLong(flips.attr("data-gained")));
        assertEquals(Math.min(lost[0], Comparison.FLIP_ROWS), flips.select("details").first().select("tbody tr").size());
        assertNotNull(page.selectFirst("#compare figure.chart img[src^=data:image/png;base64,]"));
    }

    @Test
    @Tag("slow")
    void should_show_a_confusion_matrix_per_attribute_of_a_vision_run() throws IOException {
        // given a vision run over rendered images, scored against their gold scenes
        Path run = TestRuns.vision();
        JsonNode sg = MAPPER.readTree(run.resolve("scene_graphs.json").toFile());

        // when its report is written
        Document page = report(tmp.resolve("v.html"), run);

        // then one confusion matrix per attribute sums to the matched objects, with the summary's errors
        Elements matrices = page.select(".confusion");
        assertEquals(4, matrices.size());
        for (Element m : matrices) {
            assertEquals(sg.get("matched").asLong(), Long.parseLong(m.attr("data-total")), m.attr("data-attribute"));
            long wrong = Math.round((1 - sg.get("attribute_accuracy").get(m.attr("data-attribute")).asDouble())
                    * sg.get("matched").asLong());
            assertEquals(wrong, Long.parseLong(m.attr("data-errors")), m.attr("data-attribute"));
            long cells = m.select("td").stream().mapToLong(td -> Long.parseLong(td.text())).sum();
            assertEquals(sg.get("matched").asLong(), cells);
        }
        assertTrue(Long.parseLong(page.selectFirst(".confusion[data-attribute=color]").attr("data-errors")) >= 5,
                "the recoloured objects are colour confusions");
        // and the failures that turn on a recoloured object show it as read wrong against the gold scene
        Elements cards = page.select("article.failure");
        assertFalse(cards.isEmpty());
        assertTrue(cards.stream().anyMatch(c -> c.select(".objects tr.misread .gold-diff").text().contains("gold: ")),
                "a misread object");
        for (Element c : cards) {
            assertTrue(c.selectFirst(".pic img").attr("src").startsWith("data:image/jpeg;base64,"));
        }
    }

    @Test
    @Tag("slow")
    void should_show_each_failure_on_its_image_with_the_objects_the_model_read() throws IOException {
        // given the vision model's run over the five real CLEVR images, with its failures counted from the predictions
        Path run = TestRuns.realImages();
        long failures = PredictionLog.readAll(run.resolve("predictions.jsonl")).stream()
                .filter(p -> !Boolean.TRUE.equals(p.correct())).count();
        assertTrue(failures > 0, "the bundled model gets 17 of 20");

        // when its report is written
        Document page = report(tmp.resolve("real.html"), run);

        // then each failure shows its image with the objects drawn, the objects read and the reasoner's trace
        Elements cards = page.select("article.failure");
        assertEquals(failures, cards.size());
        for (Element c : cards) {
            assertTrue(c.selectFirst(".pic img").attr("src").startsWith("data:image/jpeg;base64,"));
            assertFalse(c.select(".objects td").isEmpty());
            assertFalse(c.select(".why li").isEmpty());
            assertTrue(c.select(".objects td").eachText().stream().anyMatch(t -> t.matches("0\\.\\d\\d|1\\.00")),
                    "the model's confidence per object");
        }
    }

    @Test
    void should_show_gqa_failures_by_question_type_with_their_programs() throws IOException {
        // given a GQA run over scene graphs in which white objects are black, and its questions' programs
        Path run = TestRuns.gqa();
        JsonNode questions = MAPPER.readTree(TestRuns.repo("samples/gqa/sample/written_questions.json").toFile());
        JsonNode summary = MAPPER.readTree(run.resolve("summary.json").toFile());
        assertTrue(summary.get("correct").asLong() < summary.get("questions").asLong());

        // when its report is written
        Document page = report(tmp.resolve("g.html"), run);

        // then accuracy is charted per kind of type, and each failure shows its question's semanticStr
        Element section = page.selectFirst("section.eval");
        assertTrue(section.text().contains("GQA evaluation"));
        assertEquals(List.of("Accuracy by semantic type", "Accuracy by structural type"),
                section.select("figure.chart figcaption").eachText().subList(0, 2));
        Elements cards = section.select("article.failure");
        assertEquals(summary.get("questions").asLong() - summary.get("correct").asLong(), cards.size());
        for (Element c : cards) {
            assertEquals(questions.get(c.attr("data-id")).get("semanticStr").asText(),
                    c.selectFirst(".program").text());
        }
    }

    @Test
    void should_headline_program_accuracy_when_gqa_programs_were_only_parsed() throws IOException {
        // given GQA questions parsed and scored against their gold programs, without scene graphs (no answers)
        Path run = tmp.resolve("parse");
        Path q = TestRuns.repo("samples/gqa/ood-dev/questions.json");
        GqaEvaluation.report(GqaEvaluation.parse(q, GqaQuestionParser.load(), new EvalRunner.Options(run, 1, 40, 16),
                Progress.NONE), false, true);
        JsonNode summary = MAPPER.readTree(run.resolve("summary.json").toFile());

        // when its report is written
        Document page = report(tmp.resolve("p.html"), run);

        // then the headline is the share of programs as the gold, not an answer accuracy of 0
        Element section = page.selectFirst("section.eval");
        List<String> labels = section.select(".card .label").eachText();
        assertTrue(labels.contains("program accuracy"), labels.toString());
        assertFalse(labels.contains("accuracy") || labels.contains("answered"), labels.toString());
        assertTrue(section.select(".card .value").eachText().contains(String.format(java.util.Locale.ROOT, "%.2f%%",
                100 * summary.get("program_accuracy").asDouble())));
        // and the parser table counts no answers it does not have
        List<String> parser = section.selectFirst(".parsers tbody tr").select("td").eachText();
        assertEquals("gqa-grammar", parser.get(0));
        assertEquals("40", parser.get(1));
        assertFalse(parser.get(3).endsWith("%"), parser.toString());
    }

    @Test
    void should_show_a_distillation_run_per_seed_with_the_rules_learnt() throws IOException {
        // given a distillation run
        Path run = TestRuns.distill();
        JsonNode summary = MAPPER.readTree(run.resolve("summary.json").toFile());

        // when its report is written
        Document page = report(tmp.resolve("d.html"), run);

        // then the seed's accuracy figures are the summary's and the accepted rules are shown
        Element section = page.selectFirst("section.distill");
        assertEquals("1", section.attr("data-seeds"));
        String text = section.text();
        for (String key : List.of("before_accuracy", "after_accuracy", "full_accuracy")) {
            assertTrue(text.contains(Format.percent(summary.get(key).asDouble())), key);
        }
        assertEquals(summary.get("accepted_rules").asInt() > 0, !section.select(".accepted pre").isEmpty());
        assertTrue(section.select(".accepted pre").text().contains("filter_color"));
        assertTrue(section.select("pre.lp").first().text().contains("filter_color"), "the deleted rules");
    }

    @Test
    void should_show_training_curves_and_the_final_validation_of_a_model_directory() throws IOException {
        // given the bundled model's training run, whose metrics use the older camelCase keys
        Path run = TestRuns.training();
        JsonNode metrics = MAPPER.readTree(run.resolve("metrics.json").toFile());

        // when its report is written
        Document page = report(tmp.resolve("t.html"), run);

        // then loss and validation curves are drawn and the final recall is the calibrated one
        Element section = page.selectFirst("section.training");
        assertTrue(Integer.parseInt(section.attr("data-charts")) >= 3);
        assertEquals(Integer.parseInt(section.attr("data-charts")), section.select("figure.chart").size()
                - section.select(".side figure.chart").size());
        String recall = Format.percent(metrics.get("final").get("validation").get("recall").asDouble());
        assertTrue(section.select(".card .value").eachText().contains(recall), recall);
    }

    @Test
    void should_name_the_engine_of_a_vision_training_run_whose_provenance_lists_it_under_versions()
            throws IOException {
        // given a copy of the bundled model's directory whose provenance.json has the layout vqa train vision
        // writes now: the engine under "versions", not at the top level
        Path model = tmp.resolve("model");
        Files.createDirectories(model);
        try (var files = Files.list(TestRuns.training())) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, model.resolve(f.getFileName()));
            }
        }
        ObjectNode prov = (ObjectNode) MAPPER.readTree(model.resolve("provenance.json").toFile());
        String engine = prov.remove("engine").asText();
        prov.putObject("versions").put("engine", engine);
        MAPPER.writeValue(model.resolve("provenance.json").toFile(), prov);

        // when its report is written
        Document page = report(tmp.resolve("v.html"), model);

        // then the training time card names that engine
        Element card = page.select("section.training .card").stream()
                .filter(c -> c.selectFirst(".label").text().equals("training time")).findFirst().orElseThrow();
        assertEquals(engine, card.selectFirst(".detail").text());
    }

    @Test
    void should_show_the_curves_and_held_out_figures_of_a_parser_training_run() throws IOException {
        // given a tiny parser trained for 80 steps, validated every 40 and labelled once
        Path run = TestRuns.parserTraining();
        JsonNode metrics = MAPPER.readTree(run.resolve("metrics.json").toFile());
        JsonNode last = metrics.get("validations").get(1).get("validation");
        JsonNode round = metrics.get("labelling_rounds").get(0);
        List<String> losses = Files.readAllLines(run.resolve("loss.jsonl"));

        // when its report is written
        Document page = report(tmp.resolve("p.html"), run);

        // then it is a parser training section with the per-step loss of every step and the validation curves
        Element section = page.selectFirst("section.training[data-model=parser]");
        assertNotNull(section, "no parser training section");
        assertEquals(80, losses.size());
        assertEquals(80, MAPPER.readTree(losses.get(79)).get("step").asInt());
        List<String> charts = section.select("figure.chart figcaption").eachText();
        assertTrue(charts.containsAll(List.of("Training loss per step", "Training loss between validations",
                "Validation over the run", "Confidence threshold sweep on the human validation questions")),
                charts.toString());
        // and its cards are the last validation's figures and the chosen threshold, as in metrics.json
        List<String> values = section.select(".card .value").eachText();
        String generated = Format.percent(last.get("generatedExact").asDouble());
        String human = Format.percent(last.get("humanAccuracy").asDouble());
        assertTrue(values.containsAll(List.of("80", generated, human,
                ParserTraining.threshold(metrics.get("threshold").get("chosen").asDouble()), "3")), values.toString());
        // and the model card's held-out figures are the same numbers
        String card = section.selectFirst("pre.model-card").text();
        assertTrue(card.contains(generated) && card.contains(human), card);
        assertTrue(card.contains("(" + last.get("humanQuestions").asInt() + " questions)"), card);
        assertTrue(card.contains("Confidence threshold "
                + ParserTraining.threshold(metrics.get("threshold").get("chosen").asDouble())), card);
        // and the labelling round is a row with its counts, and the command line is shown
        List<String> row = section.select("table").get(0).select("tbody tr").get(0).select("td").eachText();
        assertEquals(List.of("1", round.get("step").asText(), round.get("human_questions").asText(),
                round.get("human_labelled").asText()), row.subList(0, 4));
        assertTrue(section.selectFirst(".command code").text().startsWith("vqa train parser --steps 80 --seed 3"));
    }

    @Test
    void should_chart_the_ratios_of_benchmark_files() throws IOException {
        // given the JSON of two benchmark runs
        Path attention = TestRuns.resource("bench-attention.json");
        Path reasoning = TestRuns.resource("bench-reasoning.json");

        // when they are reported
        Document page = report(tmp.resolve("b.html"), attention, reasoning);

        // then each has its charts and every row
        Elements sections = page.select("section.bench");
        assertEquals(2, sections.size());
        for (int i = 0; i < 2; i++) {
            JsonNode bench = MAPPER.readTree((i == 0 ? attention : reasoning).toFile());
            assertEquals(bench.get("rows").size(), Integer.parseInt(sections.get(i).attr("data-rows")));
            assertTrue(sections.get(i).select("figure.chart").size() >= 1);
        }
        assertTrue(sections.get(0).text().contains("Attention benchmark"));
        assertTrue(sections.get(1).text().contains("Reasoning benchmark"));
    }

    @Test
    void should_plot_accuracy_against_each_cost_of_a_study_table() throws IOException {
        // given a study table in the layout vqa study attention writes
        Path study = TestRuns.resource("study-example/table.json");

        // when it is reported
        Document page = report(tmp.resolve("s.html"), study.getParent());

        // then every variant is a row and accuracy is plotted against each cost column
        Element section = page.selectFirst("section.study");
        JsonNode rows = MAPPER.readTree(study.toFile()).get("rows");
        assertEquals(rows.size(), Integer.parseInt(section.attr("data-variants")));
        assertEquals(5, section.select("figure.chart").size());
    }

    @Test
    void should_show_keys_that_newer_runs_add_and_tolerate_missing_ones() throws IOException {
        // given a run whose rows name their parser and whose summary has figures this report does not know
        Path run = TestRuns.fresh("newer");
        List<String> lines = Files.readAllLines(TestRuns.perturbed().resolve("predictions.jsonl"));
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            ObjectNode n = (ObjectNode) MAPPER.readTree(lines.get(i));
            n.put("parser", i % 4 == 0 ? "grammar" : "template").put("parser_confidence", i % 4 == 0 ? 0.5 : 1.0);
            rows.append(n).append('\n');
        }
        Files.writeString(run.resolve("predictions.jsonl"), rows, StandardCharsets.UTF_8);
        ObjectNode summary = (ObjectNode) MAPPER.readTree(TestRuns.perturbed().resolve("summary.json").toFile());
        ObjectNode pa = summary.putObject("program_accuracy");
        pa.put("overall", 0.91);
        pa.putObject("by_operation").putObject("select").put("questions", 10).put("correct", 9).put("accuracy", 0.9);
        pa.putArray("mismatches").addObject().put("gold", "select: ball").put("parsed", "select: sphere")
                .put("count", 3);
        summary.remove("seconds");
        Files.writeString(run.resolve("summary.json"), summary.toString());

        // when its report is written
        Document page = report(tmp.resolve("n.html"), run);

        // then the parsers are counted from the rows and the unknown figures are shown, not dropped
        Element parsers = page.selectFirst(".parsers");
        assertNotNull(parsers);
        assertEquals(List.of("grammar", "template"), parsers.select("tbody tr td:first-child").eachText());
        assertEquals(lines.size(), parsers.select("tbody tr td:nth-child(2)").eachText().stream()
                .mapToLong(s -> Long.parseLong(s.replace(",", ""))).sum());
        String text = page.text();
        assertTrue(text.contains("program accuracy / overall"), text);
        assertTrue(text.contains("select: sphere"));
        assertTrue(page.select(".breakdown").size() >= 2);
    }

    @Test
    void should_refuse_a_directory_that_no_command_wrote() throws IOException {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        InputException e = assertThrows(InputException.class,
                () -> Report.write(List.of(empty), new Report.Options(tmp.resolve("x.html"), 4, null)));
        assertTrue(e.getMessage().contains("not a run directory"), e.getMessage());
        assertFalse(Files.exists(tmp.resolve("x.html")));
    }
}
