package dev.xaicam.models;

import dev.xaicam.XaiCamException;
import dev.xaicam.keras.KerasModelFile;
import dev.xaicam.network.ModelWeights;
import dev.xaicam.TemporaryFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Weights packed into the tool's jar: {@code --weights} if given, else the resource, copied to a
 * temporary file because the HDF5 reader needs a seekable file.
 */
final class BundledWeights implements WeightSource {
  /** Classpath location of the weight file. */
  private final String resource;

  /** Weights at classpath location {@code resource}, e.g. {@code /models/demo/weights.h5}. */
  BundledWeights(String resource) {
    this.resource = resource;
  }

  @Override
  public ModelWeights load(Path explicit, boolean offline) {
    if (explicit != null) {
      return new ExplicitWeights().load(explicit, offline);
    }
    Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
    try (InputStream in = BundledWeights.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw XaiCamException.setup("the bundled weights " + resource.substring(1)
            + " are missing from the tool's jar; rebuild it (./mvnw -DskipTests package) or pass --weights FILE");
      }
      try (TemporaryFile copy = TemporaryFile.createIn(tmp)) {
        Files.copy(in, copy.path(), StandardCopyOption.REPLACE_EXISTING);
        return KerasModelFile.readWeightsOnly(copy.path());
      }
    } catch (IOException e) {
      throw XaiCamException.setup("cannot unpack the bundled weights " + resource.substring(1) + " ("
          + e.getMessage() + "); check free space in " + tmp, e);
    }
  }

  @Override
  public List<String> status() {
    boolean present = BundledWeights.class.getResource(resource) != null;
    return List.of("weights: bundled in the tool's jar as " + resource.substring(1)
        + (present ? " (present)" : " (absent: rebuild the tool)"));
  }
}
