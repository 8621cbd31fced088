package org.gongjian.reporting.render;

import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import javax.imageio.ImageIO;
import org.gongjian.reporting.Document.Chart;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
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
    private static final int HEIGHT = 640;
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
        StandardChartTheme theme = new StandardChartTheme("gongjian");
        Font font = fonts.awt();
        theme.setExtraLargeFont(font.deriveFont(Font.PLAIN, 30f));
        theme.setLargeFont(font.deriveFont(Font.PLAIN, 24f));
        theme.setRegularFont(font.deriveFont(Font.PLAIN, 22f));
        theme.setSmallFont(font.deriveFont(Font.PLAIN, 20f));
        theme.setBarPainter(new StandardBarPainter());
        theme.setShadowVisible(false);
        theme.setPlotBackgroundPaint(Color.WHITE);
        theme.setRangeGridlinePaint(new Color(0xDDDDDD));
        JFreeChart chart = ChartFactory.createBarChart(null, null, valueAxis, data, PlotOrientation.VERTICAL,
                true, false, false);
        theme.apply(chart);
        chart.setBackgroundPaint(Color.WHITE);
        CategoryPlot plot = chart.getCategoryPlot();
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        for (int s = 0; s < series.size(); s++) {
            renderer.setSeriesPaint(s, PALETTE[s % PALETTE.length]);
        }
        renderer.setItemMargin(0.05);
        plot.getDomainAxis().setMaximumCategoryLabelLines(2);
        BufferedImage image = chart.createBufferedImage(WIDTH, HEIGHT);
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return new Chart(caption, out.toByteArray(), WIDTH / 2, HEIGHT / 2);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
