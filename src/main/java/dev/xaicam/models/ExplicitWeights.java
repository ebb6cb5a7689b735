package dev.xaicam.models;

import dev.xaicam.XaiCamException;
import dev.xaicam.keras.KerasModelFile;
import dev.xaicam.network.ModelWeights;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Weights given only by {@code --weights}: for models defined by tests and experiments. */
public final class ExplicitWeights implements WeightSource {
  /** Reads {@code explicit}; a usage error when it is missing or not given. */
  @Override
  public ModelWeights load(Path explicit, boolean offline) {
    if (explicit == null) {
      throw XaiCamException.usage("this model has no stored weights; pass --weights FILE");
    }
    if (!Files.isRegularFile(explicit)) {
      throw XaiCamException.usage("--weights " + explicit + ": no such file");
    }
    return KerasModelFile.readWeightsOnly(explicit);
  }

  @Override
  public List<String> status() {
    return List.of("weights: given with --weights");
  }
}
