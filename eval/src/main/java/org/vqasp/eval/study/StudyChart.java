package org.vqasp.eval.study;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedRangeXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Draws the study's accuracy against cost (JFreeChart): one panel per cost (attention FLOPs per image, key/value
 * cache per image, inference time per image), answer accuracy on the shared vertical axis, every model a labelled
 * point.
 */
final class StudyChart {

    private StudyChart() {
    }

    static void write(List<AttentionStudy.Row> rows, Path file) throws IOException {
        System.setProperty("java.awt.headless", "true");
        NumberAxis accuracy = new NumberAxis("answers right, gold programs (%)");
        accuracy.setAutoRangeIncludesZero(false);
        CombinedRangeXYPlot plot = new CombinedRangeXYPlot(accuracy);
        plot.setGap(12);
        plot.add(panel(rows, "attention MFLOPs per image", r -> r.attentionFlopsPerImage() / 1e6), 1);
        plot.add(panel(rows, "key/value cache, floats per image", r -> r.kvFloatsPerImage()), 1);
        plot.add(panel(rows, "inference ms per image (timed in turns)",
                r -> r.inferenceImagesPerSecond() > 0 ? 1000 / r.inferenceImagesPerSecond() : 0), 1);
        JFreeChart chart = new JFreeChart("Scene-graph extractor: attention variants at the same budget",
                new Font("SansSerif", Font.BOLD, 14), plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        ChartUtils.saveChartAsPNG(tmp.toFile(), chart, 1500, 560);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static XYPlot panel(List<AttentionStudy.Row> rows, String cost, ToDoubleFunction<AttentionStudy.Row> x) {
        XYSeries series = new XYSeries(cost, false, true);
        XYPlot plot = new XYPlot();
        for (AttentionStudy.Row r : rows) {
            double y = 100 * r.accuracy();
            series.add(x.applyAsDouble(r), y);
            XYTextAnnotation label = new XYTextAnnotation(" " + r.variant(), x.applyAsDouble(r), y);
            label.setTextAnchor(TextAnchor.BOTTOM_LEFT);
            label.setFont(new Font("SansSerif", Font.PLAIN, 10));
            plot.addAnnotation(label);
        }
        plot.setDataset(new XYSeriesCollection(series));
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
        renderer.setSeriesPaint(0, new Color(31, 119, 180));
        renderer.setSeriesOutlineStroke(0, new BasicStroke(1f));
        plot.setRenderer(renderer);
        NumberAxis axis = new NumberAxis(cost);
        axis.setAutoRangeIncludesZero(false);
        axis.setUpperMargin(0.2); // room for the labels of the right-most points
        axis.setLowerMargin(0.05);
        plot.setDomainAxis(axis);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        return plot;
    }
}
