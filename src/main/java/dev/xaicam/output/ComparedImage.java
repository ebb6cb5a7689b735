package dev.xaicam.output;

import dev.xaicam.cam.Heatmap;
import dev.xaicam.image.DecodedImage;
import dev.xaicam.output.ImageReport.ClassScore;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One image of a model comparison ({@code --compare-models}): the class every model explained
 * and what each model made of it, with only the small picture and maps the montage draws.
 *
 * @param input the image file as given
 * @param thumbnail the picture fitted into a montage tile
 * @param method the CAM method every model ran
 * @param classIndex the class every model explained
 * @param className its name
 * @param models one result per model, in the order compared
 */
public record ComparedImage(Path input, DecodedImage thumbnail, String method, int classIndex,
    String className, List<ModelResult> models) {

  /** Checks presence and freezes the list. */
  public ComparedImage {
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(thumbnail, "thumbnail");
    models = List.copyOf(models);
  }

  /**
   * One model's part.
   *
   * @param model the model as the comparison names it (its column's title)
   * @param layer the target layer the map was taken at
   * @param target the compared class with this model's probability for it
   * @param top this model's own most probable class, to show where the models disagree
   * @param heatmap the normalised map at the model's input size
   */
  public record ModelResult(String model, String layer, ClassScore target, ClassScore top,
      Heatmap heatmap) {}
}
