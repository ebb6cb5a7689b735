package dev.xaicam.models;

import dev.xaicam.network.ModelWeights;
import java.nio.file.Path;
import java.util.List;

/** Where a model's weights come from. */
public interface WeightSource {
  /** Loads the weights: {@code explicit} (from {@code --weights}) if given, else the model's own. */
  ModelWeights load(Path explicit, boolean offline);

  /** Lines for {@code xai-cam models}: where the weights are looked for and whether present. */
  List<String> status();

  /** Bytes of the model's own weight file, named in the "loading" line; 0 when unknown. */
  default long fileBytes() {
    return 0;
  }
}
