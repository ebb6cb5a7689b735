package dev.xaicam.evaluate;

import dev.xaicam.metrics.CausalCurve;
import dev.xaicam.metrics.ConfidenceChange;
import dev.xaicam.metrics.RoadScores;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every metric of one method's heatmap on one image.
 *
 * @param image the image file
 * @param method the method's name
 * @param targetClass the class explained
 * @param confidence Average Drop and Increase in Confidence's per-image values (Y, O)
 * @param deletion the deletion curve
 * @param insertion the insertion curve
 * @param road ROAD's MoRF and LeRF probabilities, or {@code null} when not asked for
 */
public record ImageScores(
    Path image,
    String method,
    int targetClass,
    ConfidenceChange confidence,
    CausalCurve deletion,
    CausalCurve insertion,
    RoadScores road) {

  /** One JSON Lines object: the values a reader needs to recompute every mean. */
  public Map<String, Object> toJson() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("image", image.toString());
    out.put("method", method);
    out.put("class", targetClass);
    out.put("y", confidence.y());
    out.put("o", confidence.o());
    out.put("drop", confidence.drop());
    out.put("increase", confidence.increase());
    out.put("deletion_auc", deletion.auc());
    out.put("insertion_auc", insertion.auc());
    if (road != null) {
      out.put("road_morf", road.meanMorf());
      out.put("road_lerf", road.meanLerf());
    }
    return out;
  }
}
