package dev.xaicam.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xaicam.metrics.MeanInterval;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The summary table's text and JSON from given means. */
class SummaryTableTest {

  @Test
  void aRowPerMethodWithMeanAndIntervalPercentagesToOneDecimal() {
    MethodSummary m = new MethodSummary("gradcam", new MeanInterval(12.345, 1.25, 4),
        new MeanInterval(25, 30.5, 4), new MeanInterval(0.1234, 0.0456, 4),
        new MeanInterval(0.9, 0.01, 4), null, null, new double[] {1, 0}, new double[] {0, 1});

    assertThat(SummaryTable.markdown(List.of(m))).isEqualTo(
        "| method | images | Average Drop % (lower better) | Increase in Confidence % (higher"
            + " better) | Deletion AUC (lower better) | Insertion AUC (higher better) |\n"
            + "|---|---:|---:|---:|---:|---:|\n"
            + "| gradcam | 4 | 12.3 ± 1.3 | 25.0 ± 30.5 | 0.123 ± 0.046 | 0.900 ± 0.010 |\n");
    Map<String, Object> row = SummaryTable.json(List.of(m)).get(0);
    assertThat(row).containsKeys("method", "deletion_auc", "deletion_curve")
        .doesNotContainKey("road_morf");
    @SuppressWarnings("unchecked")
    Map<String, Object> insertion = (Map<String, Object>) row.get("insertion_auc");
    assertThat(insertion).containsEntry("mean", 0.9)
        .containsEntry("ci95", 0.01).containsEntry("n", 4);
  }

  @Test
  void oneImageHasNoInterval() {
    assertThat(SummaryTable.text(new MeanInterval(0.5, Double.NaN, 1), false)).isEqualTo("0.500");
    assertThat(SummaryTable.markdown(List.of())).isEqualTo("no image was evaluated\n");
  }
}
