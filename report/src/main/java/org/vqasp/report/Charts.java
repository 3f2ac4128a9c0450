package org.vqasp.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.DecimalFormat;
import java.text.NumberFormat;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DefaultDrawingSupplier;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The report's charts, drawn by JFreeChart in one theme (the Okabe-Ito colour-blind-safe palette, light grid)
 * and encoded as PNG {@code data:} URIs. Every method takes plain data and returns a {@link Chart}.
 */
final class Charts {

    /** Okabe and Ito's palette, safe for the common kinds of colour blindness. */
    static final List<Color> PALETTE = List.of(new Color(0x0072B2), new Color(0xE69F00), new Color(0x009E73),
            new Color(0xCC79A7), new Color(0x56B4E9), new Color(0xD55E00), new Color(0xF0E442), new Color(0x555555));

    private static final int WIDTH = 760;
    private static final Color GRID = new Color(0xDDDDDD);
    private static final Font BASE = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

    private Charts() {
    }

    /** One series of a line chart: x and y values of the same length. */
    record Series(String name, double[] x, double[] y) {
    }

    /** One labelled point of a scatter chart. */
    record Point(String label, double x, double y) {
    }

    /**
     * Horizontal bars of shares (0 to 1), one per category, drawn as percentages with a label each.
     *
     * @param title the chart's title
     * @param shares category -> share, in display order
     * @param labels category -> the label beside its bar (such as {@code 97.5% of 120})
     * @param axis the value axis label
     */
    static Chart shareBars(String title, Map<String, Double> shares, Map<String, String> labels, String axis) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        shares.forEach((k, v) -> data.addValue(100 * v, axis, k));
        JFreeChart chart = ChartFactory.createBarChart(null, null, axis, data, PlotOrientation.HORIZONTAL, false,
                false, false);
        style(chart);
        CategoryPlot plot = chart.getCategoryPlot();
        NumberAxis range = (NumberAxis) plot.getRangeAxis();
        range.setRange(0, 100);
        range.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(20));
        BarRenderer r = (BarRenderer) plot.getRenderer();
        r.setSeriesPaint(0, PALETTE.get(4));
        r.setMaximumBarWidth(0.7);
        r.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator() {
            private static final long serialVersionUID = 1L;

            @Override
            public String generateLabel(CategoryDataset dataset, int row, int column) {
                return labels.getOrDefault(String.valueOf(dataset.getColumnKey(column)), "");
            }
        });
        r.setDefaultItemLabelsVisible(true);
        r.setDefaultItemLabelFont(BASE.deriveFont(11f));
        r.setDefaultItemLabelPaint(new Color(0x1d232a));
        // inside the bar's end; a bar too short for its label has it just past its end
        r.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.INSIDE3, TextAnchor.CENTER_RIGHT));
        r.setPositiveItemLabelPositionFallback(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));
        return render(chart, title, WIDTH, 70 + 22 * Math.max(2, shares.size()));
    }

    /**
     * Horizontal bars of counts, one per category, each labelled with its count.
     *
     * @param title the chart's title
     * @param counts category -> count, in display order
     * @param axis the value axis label
     */
    static Chart countBars(String title, Map<String, Double> counts, String axis) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        counts.forEach((k, v) -> data.addValue(v, axis, k));
        JFreeChart chart = ChartFactory.createBarChart(null, null, axis, data, PlotOrientation.HORIZONTAL, false,
                false, false);
        style(chart);
        CategoryPlot plot = chart.getCategoryPlot();
        ((NumberAxis) plot.getRangeAxis()).setUpperMargin(0.15);
        ((NumberAxis) plot.getRangeAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        BarRenderer r = (BarRenderer) plot.getRenderer();
        r.setSeriesPaint(0, PALETTE.get(5));
        r.setMaximumBarWidth(0.6);
        r.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", compact()));
        r.setDefaultItemLabelsVisible(true);
        r.setDefaultItemLabelFont(BASE.deriveFont(11f));
        r.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));
        return render(chart, title, WIDTH / 2 + 60, 70 + 26 * Math.max(2, counts.size()));
    }

    /**
     * Vertical bars, grouped: one group per category, one bar per series.
     *
     * @param title the chart's title
     * @param values series -> category -> value (categories in the order of the first series that has them)
     * @param axis the value axis label
     * @param percent whether values are shares (0 to 1) shown as percentages
     * @param stacked whether the series stack instead of standing side by side
     */
    static Chart bars(String title, Map<String, Map<String, Double>> values, String axis, boolean percent,
            boolean stacked) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        int categories = 0;
        for (Map.Entry<String, Map<String, Double>> s : values.entrySet()) {
            for (Map.Entry<String, Double> c : s.getValue().entrySet()) {
                if (c.getValue() != null && !c.getValue().isNaN()) {
                    data.addValue(percent ? 100 * c.getValue() : c.getValue(), s.getKey(), c.getKey());
                }
            }
            categories = Math.max(categories, data.getColumnCount());
        }
        JFreeChart chart = stacked
                ? ChartFactory.createStackedBarChart(null, null, axis, data, PlotOrientation.VERTICAL, true, false, false)
                : ChartFactory.createBarChart(null, null, axis, data, PlotOrientation.VERTICAL, true, false, false);
        style(chart);
        CategoryPlot plot = chart.getCategoryPlot();
        BarRenderer r = (BarRenderer) plot.getRenderer();
        for (int i = 0; i < data.getRowCount(); i++) {
            r.setSeriesPaint(i, PALETTE.get(i % PALETTE.size()));
        }
        r.setItemMargin(0.04);
        r.setMaximumBarWidth(0.12);
        NumberFormat fmt = percent ? new DecimalFormat("0.#'%'") : compact();
        if (!stacked || r instanceof StackedBarRenderer) {
            r.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", fmt));
            r.setDefaultItemLabelsVisible(data.getColumnCount() * data.getRowCount() <= 16);
            r.setDefaultItemLabelFont(BASE.deriveFont(10f));
        }
        if (percent) {
            ((NumberAxis) plot.getRangeAxis()).setUpperBound(108);
        } else {
            ((NumberAxis) plot.getRangeAxis()).setUpperMargin(0.12);
        }
        CategoryAxis domain = plot.getDomainAxis();
        if (data.getColumnCount() > 6) {
            domain.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        }
        domain.setMaximumCategoryLabelLines(2);
        return render(chart, title, WIDTH, data.getColumnCount() > 6 ? 400 : 320);
    }

    /**
     * Lines over a shared x axis.
     *
     * @param title the chart's title
     * @param xLabel the x axis label
     * @param yLabel the y axis label
     * @param series the lines
     * @param percent whether y values are shares (0 to 1) shown as percentages
     */
    static Chart lines(String title, String xLabel, String yLabel, List<Series> series, boolean percent) {
        XYSeriesCollection data = new XYSeriesCollection();
        int points = 0;
        for (Series s : series) {
            XYSeries xy = new XYSeries(s.name(), false, true);
            for (int i = 0; i < s.x().length; i++) {
                if (!Double.isNaN(s.y()[i])) {
                    xy.add(s.x()[i], percent ? 100 * s.y()[i] : s.y()[i]);
                }
            }
            points = Math.max(points, xy.getItemCount());
            data.addSeries(xy);
        }
        JFreeChart chart = ChartFactory.createXYLineChart(null, xLabel, yLabel, data, PlotOrientation.VERTICAL,
                series.size() > 1, false, false);
        style(chart);
        XYPlot plot = chart.getXYPlot();
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, points <= 40);
        for (int i = 0; i < series.size(); i++) {
            r.setSeriesPaint(i, PALETTE.get(i % PALETTE.size()));
            r.setSeriesStroke(i, new BasicStroke(2f));
        }
        plot.setRenderer(r);
        NumberAxis y = (NumberAxis) plot.getRangeAxis();
        y.setAutoRangeIncludesZero(false);
        if (percent) {
            y.setNumberFormatOverride(new DecimalFormat("0.#'%'"));
        }
        boolean integral = series.stream().allMatch(s -> java.util.Arrays.stream(s.x()).allMatch(v -> v == Math.rint(v)));
        if (integral) {
            ((NumberAxis) plot.getDomainAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        }
        ((NumberAxis) plot.getDomainAxis()).setAutoRangeIncludesZero(false);
        return render(chart, title, WIDTH / 2 + 60, 280);
    }

    /**
     * Labelled points, one colour each: accuracy against a cost, say.
     *
     * @param title the chart's title
     * @param xLabel the x axis label
     * @param yLabel the y axis label
     * @param points the points
     * @param percent whether y values are shares (0 to 1) shown as percentages
     */
    static Chart scatter(String title, String xLabel, String yLabel, List<Point> points, boolean percent) {
        XYSeriesCollection data = new XYSeriesCollection();
        Map<String, Integer> seen = new LinkedHashMap<>();
        double min = Double.MAX_VALUE;
        double max = 0;
        for (Point p : points) {
            String name = p.label();
            int n = seen.merge(name, 1, Integer::sum);
            XYSeries s = new XYSeries(n == 1 ? name : name + " (" + n + ")", false, true);
            s.add(p.x(), percent ? 100 * p.y() : p.y());
            data.addSeries(s);
            if (p.x() > 0) {
                min = Math.min(min, p.x());
                max = Math.max(max, p.x());
            }
        }
        JFreeChart chart = ChartFactory.createScatterPlot(null, xLabel, yLabel, data, PlotOrientation.VERTICAL, true,
                false, false);
        style(chart);
        XYPlot plot = chart.getXYPlot();
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(false, true);
        java.awt.Shape dot = new java.awt.geom.Ellipse2D.Double(-6, -6, 12, 12);
        for (int i = 0; i < data.getSeriesCount(); i++) {
            r.setSeriesPaint(i, PALETTE.get(i % PALETTE.size()));
            r.setSeriesShape(i, dot);
        }
        r.setDefaultItemLabelGenerator((dataset, s, item) -> String.valueOf(dataset.getSeriesKey(s)));
        r.setDefaultItemLabelsVisible(true);
        r.setDefaultItemLabelFont(BASE.deriveFont(11f));
        r.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE12,
                TextAnchor.BOTTOM_CENTER));
        plot.setRenderer(r);
        if (max > 0 && max / min > 20) {
            LogAxis log = new LogAxis(xLabel);
            log.setBase(10);
            log.setNumberFormatOverride(compact());
            log.setLabelFont(BASE.deriveFont(12f));
            plot.setDomainAxis(log);
        } else {
            ((NumberAxis) plot.getDomainAxis()).setNumberFormatOverride(compact());
            ((NumberAxis) plot.getDomainAxis()).setAutoRangeIncludesZero(false);
        }
        // room for the labels of the outermost points
        plot.getDomainAxis().setLowerMargin(0.12);
        plot.getDomainAxis().setUpperMargin(0.12);
        NumberAxis y = (NumberAxis) plot.getRangeAxis();
        y.setAutoRangeIncludesZero(false);
        y.setUpperMargin(0.15);
        if (percent) {
            y.setNumberFormatOverride(new DecimalFormat("0.#'%'"));
        }
        return render(chart, title, WIDTH / 2 + 60, 320);
    }

    /** Formats 1234567 as {@code 1.23M}, 12345 as {@code 12.3k}. */
    static NumberFormat compact() {
        return new NumberFormat() {
            private static final long serialVersionUID = 1L;

            @Override
            public StringBuffer format(double v, StringBuffer sb, java.text.FieldPosition pos) {
                return sb.append(Format.compact(v));
            }

            @Override
            public StringBuffer format(long v, StringBuffer sb, java.text.FieldPosition pos) {
                return sb.append(Format.compact(v));
            }

            @Override
            public Number parse(String source, java.text.ParsePosition pos) {
                throw new UnsupportedOperationException("display only");
            }
        };
    }

    private static void style(JFreeChart chart) {
        StandardChartTheme theme = (StandardChartTheme) StandardChartTheme.createJFreeTheme();
        theme.setExtraLargeFont(BASE.deriveFont(Font.BOLD, 15f));
        theme.setLargeFont(BASE.deriveFont(13f));
        theme.setRegularFont(BASE);
        theme.setSmallFont(BASE.deriveFont(11f));
        theme.setChartBackgroundPaint(Color.WHITE);
        theme.setPlotBackgroundPaint(Color.WHITE);
        theme.setDomainGridlinePaint(GRID);
        theme.setRangeGridlinePaint(GRID);
        theme.setPlotOutlinePaint(Color.WHITE);
        theme.setAxisLabelPaint(new Color(0x333333));
        theme.setTickLabelPaint(new Color(0x333333));
        theme.setBarPainter(new StandardBarPainter());
        theme.setShadowVisible(false);
        theme.setDrawingSupplier(new DefaultDrawingSupplier(PALETTE.toArray(new Paint[0]),
                DefaultDrawingSupplier.DEFAULT_FILL_PAINT_SEQUENCE, DefaultDrawingSupplier.DEFAULT_OUTLINE_PAINT_SEQUENCE,
                DefaultDrawingSupplier.DEFAULT_STROKE_SEQUENCE, DefaultDrawingSupplier.DEFAULT_OUTLINE_STROKE_SEQUENCE,
                DefaultDrawingSupplier.DEFAULT_SHAPE_SEQUENCE));
        theme.apply(chart);
        chart.setPadding(new RectangleInsets(4, 4, 4, 12));
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        if (chart.getLegend() != null) {
            chart.getLegend().setFrame(org.jfree.chart.block.BlockBorder.NONE);
        }
    }

    private static Chart render(JFreeChart chart, String title, int width, int height) {
        BufferedImage image = chart.createBufferedImage(2 * width, 2 * height, width, height, null);
        try {
            byte[] png = ChartUtils.encodeAsPNG(image);
            return new Chart(title, "data:image/png;base64," + Base64.getEncoder().encodeToString(png), width, height);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the chart " + title, e);
        }
    }

    static String percentLabel(double share, long of) {
        return String.format(Locale.ROOT, "%.1f%% of %d", 100 * share, of);
    }
}
