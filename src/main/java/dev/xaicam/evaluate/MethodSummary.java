package dev.xaicam.evaluate;

import dev.xaicam.metrics.MeanInterval;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One method's metrics over the images, each a mean with its 95% interval, and its mean curves.
 *
 * @param method the method's name
 * @param averageDrop mean of max(0, Y - O) / Y, in percent
 * @param increase share of images with O > Y, in percent
 * @param deletionAuc area under the deletion curve (lower is better)
 * @param insertionAuc area under the insertion curve (higher is better)
 * @param roadMorf ROAD's mean MoRF probability (lower is better), or null without ROAD
 * @param roadLerf ROAD's mean LeRF probability (higher is better), or null without ROAD
 * @param deletionCurve the mean deletion curve
 * @param insertionCurve the mean insertion curve
 */
public record MethodSummary(
    String method,
    MeanInterval averageDrop,
    MeanInterval increase,
    MeanInterval deletionAuc,
    MeanInterval insertionAuc,
    MeanInterval roadMorf,
    MeanInterval roadLerf,
    double[] deletionCurve,
    double[] insertionCurve) {

  /** The metrics by the names the table and JSON use, ROAD's only when measured. */
  public Map<String, MeanInterval> metrics() {
    Map<String, MeanInterval> out = new LinkedHashMap<>();
    out.put("average_drop_percent", averageDrop);
    out.put("increase_in_confidence_percent", increase);
    out.put("deletion_auc", deletionAuc);
    out.put("insertion_auc", insertionAuc);
    if (roadMorf != null) {
      out.put("road_morf", roadMorf);
      out.put("road_lerf", roadLerf);
    }
    return out;
  }
}
