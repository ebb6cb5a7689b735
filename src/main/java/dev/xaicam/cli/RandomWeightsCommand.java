package dev.xaicam.cli;

import dev.xaicam.architectures.GlorotWeights;
import dev.xaicam.keras.KerasWeightsWriter;
import dev.xaicam.models.ModelCatalog;
import dev.xaicam.network.ModelGraph;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code xai-cam random-weights FILE}: seeded random (Glorot-uniform) weights for a model, as a
 * Keras weight file, for trying the tool out without the 553 MB download (the maps mean nothing).
 */
@Command(name = "random-weights", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Write seeded random weights for a model as a Keras HDF5 file, to try xai-cam "
        + "without downloading (the heatmaps mean nothing).",
    footerHeading = "%nExample:%n",
    footer = {
      "  xai-cam random-weights vgg16-random.h5",
      "  xai-cam --weights vgg16-random.h5 dog.jpg"})
final class RandomWeightsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @ParentCommand XaiCamCommand parent;

  /** The file to write. */
  @Parameters(paramLabel = "FILE", description = "Keras HDF5 weight file to write (replaced if present).")
  Path file;

  /** Model name from the catalog. */
  @Option(names = "--model", paramLabel = "NAME", defaultValue = "vgg16",
      description = "Model whose layers get weights (default: ${DEFAULT-VALUE}).")
  String model;

  /** Seed of the weights. */
  @Option(names = "--seed", paramLabel = "N", defaultValue = "1",
      description = "Seed: the same seed writes the same weights (default: ${DEFAULT-VALUE}).")
  long seed;

  /** Writes the file and says where. */
  @Override
  public Integer call() {
    ModelCatalog.Entry entry = parent.catalog().find(model);
    ModelGraph graph = ModelGraph.of(entry.spec());
    // Keras 2's layout with each array named by its role, as Keras Applications' own files: the
    // Keras 1 names (W, b) have no place for BatchNormalization's four arrays.
    KerasWeightsWriter.writeNamed(file, GlorotWeights.of(graph, seed), graph.weightRoles());
    spec.commandLine().getOut().println("wrote random " + entry.name() + " weights (seed " + seed + ") to " + file);
    spec.commandLine().getOut().flush();
    return 0;
  }
}
