package org.vqasp.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each kind of report as a person sees it: Debian's headless Chromium opens the file offline, the page loads (its
 * script records when), every section and chart is in the browser's DOM, and a screenshot shows it. The
 * screenshots stay in {@code target/screenshots/} to be looked at.
 */
@Tag("slow")
class ReportInBrowserTest {

    private static final Path SHOTS = Path.of("target", "screenshots").toAbsolutePath();

    @BeforeAll
    static void browser() throws IOException, InterruptedException {
        Chromium.require();
        Files.createDirectories(SHOTS);
    }

    static Stream<Arguments> reports() {
        Path resources = TestRuns.resource("");
        return Stream.of(
                Arguments.of("vision-failures", List.of(TestRuns.realImages()), List.of("eval"), 2),
                Arguments.of("comparison", List.of(TestRuns.gold(), TestRuns.perturbed()),
                        List.of("overview", "comparison", "eval", "eval"), 3),
                Arguments.of("scene-graphs", List.of(TestRuns.vision()), List.of("eval"), 2),
                Arguments.of("distillation", List.of(TestRuns.distill()), List.of("distill"), 1),
                Arguments.of("training", List.of(TestRuns.training()), List.of("training"), 5),
                Arguments.of("bench-and-study", List.of(resources.resolve("bench-attention.json"),
                        resources.resolve("bench-reasoning.json"), resources.resolve("study-example")),
                        List.of("overview", "bench", "bench", "study"), 9));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reports")
    void should_open_offline_and_show_every_section_and_chart(String name, List<Path> runs, List<String> kinds,
            int minCharts) throws IOException, InterruptedException {
        // given a report of real runs
        Path html = SHOTS.resolve(name + ".html");
        Report.write(runs, new Report.Options(html, Report.DEFAULT_GALLERY, null));

        // when Chromium opens it with no network
        Document dom = Jsoup.parse(Chromium.dumpDom(html));

        // then the page loaded within two seconds, with its sections in order and its charts as images
        String loadMs = dom.selectFirst("html").attr("data-load-ms");
        assertTrue(!loadMs.isEmpty() && Integer.parseInt(loadMs) < 2000, "load event after " + loadMs + " ms");
        assertEquals(kinds, dom.select("main > section").eachAttr("data-kind"));
        assertTrue(dom.select("figure.chart img[src^=data:image/png]").size() >= minCharts,
                dom.select("figure.chart").size() + " charts");
        assertTrue(dom.select("img").stream().allMatch(i -> i.attr("src").startsWith("data:")), "no outside image");
        assertTrue(dom.select("link[href], script[src]").isEmpty(), "no outside style or script");

        // and a screenshot shows a drawn page, not a blank one
        Path png = SHOTS.resolve(name + ".png");
        Chromium.screenshot(html, png, 1280, 2400);
        BufferedImage shot = ImageIO.read(png.toFile());
        assertEquals(1280, shot.getWidth());
        assertTrue(distinctColours(shot) > 200, "the screenshot has " + distinctColours(shot) + " colours");
    }

    private static long distinctColours(BufferedImage img) {
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 3) {
            for (int x = 0; x < img.getWidth(); x += 3) {
                seen.add(img.getRGB(x, y));
            }
        }
        return seen.size();
    }
}
