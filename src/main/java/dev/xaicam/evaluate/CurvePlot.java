package dev.xaicam.evaluate;

import dev.xaicam.XaiCamException;
import dev.xaicam.output.AtomicFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The mean deletion and insertion curves of every method, side by side in one PNG, drawn with
 * XChart (headless: AWT off-screen rendering only).
 */
public final class CurvePlot {
  /** Width of one of the two charts, in pixels. */
  private static final int CHART_WIDTH = 480;
  /** Height of the picture, in pixels. */
  private static final int CHART_HEIGHT = 360;

  /** Not instantiable. */
  private CurvePlot() {}

  /**
   * Writes the picture to {@code file} atomically.
   *
   * @throws XaiCamException (setup) when the PNG cannot be written
   */
  public static void write(List<MethodSummary> methods, Path file) {
    System.setProperty("java.awt.headless", "true");
    XYChart deletion = chart("Deletion (lower is better)", "fraction of pixels removed");
    XYChart insertion = chart("Insertion (higher is better)", "fraction of pixels inserted");
    for (MethodSummary m : methods) {
      add(deletion, m.method(), m.deletionCurve());
      add(insertion, m.method(), m.insertionCurve());
    }
    try {
      ByteArrayOutputStream png = new ByteArrayOutputStream();
      BitmapEncoder.saveBitmap(List.of(deletion, insertion), 1, 2, png,
          BitmapEncoder.BitmapFormat.PNG);
      AtomicFile.write(file, png.toByteArray());
    } catch (IOException e) {
      throw XaiCamException.setup("--plot " + file + ": cannot draw the curves: " + e.getMessage());
    }
  }

  /** An empty chart with the shared axes. */
  private static XYChart chart(String title, String xTitle) {
    XYChart chart = new XYChartBuilder().width(CHART_WIDTH).height(CHART_HEIGHT).title(title)
        .xAxisTitle(xTitle).yAxisTitle("mean probability of the target").build();
    chart.getStyler().setYAxisMin(0.0).setYAxisMax(1.0).setXAxisMin(0.0).setXAxisMax(1.0);
    chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
    chart.getStyler().setXAxisDecimalPattern("0.0").setYAxisDecimalPattern("0.0");
    return chart;
  }

  /** One method's curve on equally spaced points over [0, 1]. */
  private static void add(XYChart chart, String name, double[] curve) {
    double[] x = new double[curve.length];
    for (int i = 0; i < x.length; i++) {
      x[i] = (double) i / (curve.length - 1);
    }
    chart.addSeries(name, x, curve).setMarker(SeriesMarkers.NONE);
  }
}
