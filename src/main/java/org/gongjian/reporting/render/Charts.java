package org.gongjian.reporting.render;

import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.DecimalFormat;
import java.util.List;
import javax.imageio.ImageIO;
import org.gongjian.reporting.Document.Chart;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.category.DefaultCategoryDataset;
import org.springframework.stereotype.Component;

/**
 * Draws report charts server-side as PNG with JFreeChart, in the shipped CJK font, so that the PDF and the
 * Word file carry them as pictures and no browser is needed.
 */
@Component
public class Charts {

    /** Pixels drawn; the documents show them at half size, for a sharp print. */
    private static final int WIDTH = 1200;
    private static final int HEIGHT = 600;
    private static final Color[] PALETTE = {new Color(0x1565C0), new Color(0x9E9E9E), new Color(0x2E7D32), new Color(0xC62828)};

    private final Fonts fonts;

    Charts(Fonts fonts) {
        this.fonts = fonts;
    }

    /** One series per name, one bar group per category; values in per cent. */
    public Chart bars(String caption, String valueAxis, List<String> categories, List<String> series, double[][] values) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (int s = 0; s < series.size(); s++) {
            for (int c = 0; c < categories.size(); c++) {
                data.addValue(values[s][c], series.get(s), categories.get(c));
            }
        }
        JFreeChart chart = chart(data, valueAxis, new BarRenderer(), new DecimalFormat("0.0"));
        BarRenderer renderer = (BarRenderer) chart.getCategoryPlot().getRenderer();
        for (int s = 0; s < series.size(); s++) {
            renderer.setSeriesPaint(s, PALETTE[s % PALETTE.length]);
            renderer.setLegendShape(s, new Rectangle(-10, -10, 20, 20));
        }
        NumberAxis axis = (NumberAxis) chart.getCategoryPlot().getRangeAxis();
        if (java.util.Arrays.stream(values).flatMapToDouble(java.util.Arrays::stream).max().orElse(0) <= 200) {
            axis.setTickUnit(new NumberTickUnit(20));   // per cent: 0, 20 … 100, not 110
        }
        return png(chart, caption, WIDTH, HEIGHT);
    }

    /** Counts, one bar per category, each in its own colour (a status's colour); no legend. */
    public Chart counts(String caption, String valueAxis, List<String> categories, long[] values, List<Color> colours) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (int c = 0; c < categories.size(); c++) {
            data.addValue(values[c], valueAxis, categories.get(c));
        }
        BarRenderer coloured = new BarRenderer() {
            @Override
            public java.awt.Paint getItemPaint(int row, int column) {
                return colours.get(column % colours.size());
            }
        };
        JFreeChart chart = chart(data, valueAxis, coloured, new DecimalFormat("0"));
        chart.removeLegend();
        coloured.setMaximumBarWidth(0.1);
        ((NumberAxis) chart.getCategoryPlot().getRangeAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        return png(chart, caption, WIDTH, HEIGHT * 4 / 5);
    }

    private JFreeChart chart(DefaultCategoryDataset data, String valueAxis, BarRenderer renderer, DecimalFormat labels) {
        StandardChartTheme theme = new StandardChartTheme("gongjian");
        Font font = fonts.awt();
        // The image is shown about 440 pt wide: 30 px of 1200 print at 11 pt, beside the 14-16 pt text.
        theme.setExtraLargeFont(font.deriveFont(Font.PLAIN, 34f));
        theme.setLargeFont(font.deriveFont(Font.PLAIN, 32f));
        theme.setRegularFont(font.deriveFont(Font.PLAIN, 30f));
        theme.setSmallFont(font.deriveFont(Font.PLAIN, 28f));
        theme.setBarPainter(new StandardBarPainter());
        theme.setShadowVisible(false);
        theme.setPlotBackgroundPaint(Color.WHITE);
        theme.setRangeGridlinePaint(new Color(0xBDBDBD));
        theme.setItemLabelPaint(Color.DARK_GRAY);
        JFreeChart chart = ChartFactory.createBarChart(null, null, valueAxis, data, PlotOrientation.VERTICAL,
                true, false, false);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setRenderer(renderer);
        theme.apply(chart);
        chart.setBackgroundPaint(Color.WHITE);
        chart.getLegend().setItemFont(font.deriveFont(Font.PLAIN, 30f));
        chart.getLegend().setFrame(BlockBorder.NONE);
        chart.getLegend().setPosition(RectangleEdge.TOP);
        plot.setOutlineVisible(false);
        ((NumberAxis) plot.getRangeAxis()).setUpperMargin(0.12);   // room for the value above the tallest bar
        renderer.setItemMargin(0.05);
        renderer.setMaximumBarWidth(0.12);   // two fields do not make two walls
        renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", labels));
        renderer.setDefaultItemLabelFont(font.deriveFont(Font.PLAIN, 26f));
        renderer.setDefaultItemLabelsVisible(true);
        plot.getDomainAxis().setMaximumCategoryLabelLines(2);
        return chart;
    }

    private static Chart png(JFreeChart chart, String caption, int width, int height) {
        BufferedImage image = chart.createBufferedImage(width, height);
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return new Chart(caption, out.toByteArray(), width / 2, height / 2);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
