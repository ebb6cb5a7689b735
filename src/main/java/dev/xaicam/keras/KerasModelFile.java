package dev.xaicam.keras;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.xaicam.XaiCamException;
import dev.xaicam.network.GraphSpec;
import dev.xaicam.network.ModelWeights;
import io.jhdf.HdfFile;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Reads the Keras model files people save: Keras 1/2 full-model HDF5 ({@code model.save("x.h5")}),
 * the same layout written by Keras 3, and Keras 3's {@code .keras} zip archive; the container is
 * recognised by its bytes, not by the file name. Also reads weights-only HDF5 files
 * ({@code save_weights}) for the built-in models.
 */
public final class KerasModelFile {

  /** Group that full-model HDF5 files keep the weights in. */
  private static final String MODEL_WEIGHTS = "model_weights";

  /** The archive member holding the architecture. */
  private static final String CONFIG_JSON = "config.json";
  /** The archive member recording the Keras version. */
  private static final String METADATA_JSON = "metadata.json";
  /** The archive member holding the weights. */
  private static final String WEIGHTS_H5 = "model.weights.h5";
  /** Largest JSON member read from an archive; real configs are a few MB at most. */
  private static final long MAX_JSON_BYTES = 64L << 20;

  /**
   * JSON as Python's {@code json.dumps} writes it, which may include NaN and Infinity. In a holder:
   * Jackson's set-up costs a fresh process 80 ms, which reading weights alone does not need.
   */
  private static final class Json {
    static final JsonMapper MAPPER = JsonMapper.builder()
        .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
        .build();
  }

  /** Hint appended to every weights-only read failure. */
  private static final String WEIGHTS_HINT =
      "give --weights a Keras HDF5 weight file (such as vgg16_weights_tf_dim_ordering_tf_kernels.h5); "
          + "a damaged file in the cache can be deleted and is downloaded again";

  /** Not instantiable: static file operations only. */
  private KerasModelFile() {}

  /**
   * Reads a whole model: architecture (nested models flattened), weights by node name, format and
   * input shape.
   *
   * @throws XaiCamException (setup) with one line naming the file and the reason when it is
   *     missing, not a Keras model file, truncated, weights-only, or holds an architecture that
   *     cannot be flattened into one graph
   */
  public static KerasModel read(Path file) {
    return read(file, Supplier::get);
  }

  /**
   * {@link #read(Path)}, the weights obtained through {@code weights}: it is given the step that
   * reads them from the file (run while the file is open) and returns the weights to use, so a
   * caller may return a copy it kept instead of running the step.
   *
   * @throws XaiCamException as {@link #read(Path)}
   */
  public static KerasModel read(Path file,
      Function<Supplier<ModelWeights>, ModelWeights> weights) {
    if (Files.isDirectory(file)) {
      throw XaiCamException.setup(file + ": is a folder" + (Files.exists(file.resolve("saved_model.pb"))
          ? " holding a TensorFlow SavedModel, which xai-cam cannot read; save the model with "
              + "model.save(\"model.keras\") or model.save(\"model.h5\")"
          : ", not a Keras model file"));
    }
    if (!Files.isRegularFile(file)) {
      throw XaiCamException.setup(file + ": model file not found");
    }
    return switch (FileSignature.of(file)) {
      case HDF5 -> readHdf5(file, weights);
      case ZIP -> readArchive(file, weights);
      case OTHER -> throw XaiCamException.setup(file + ": not a Keras model file (neither HDF5 "
          + "nor a .keras zip archive)" + lfsHint(file));
    };
  }

  /**
   * Reads a weights-only HDF5 file in either legacy layout (Keras 1 names such as
   * {@code block1_conv1_W_1:0}, Keras 2 names such as {@code block1_conv1/kernel:0}, Keras 3
   * names without {@code :0}) or the weights of a full-model HDF5 file, by layer name in the
   * file's order.
   *
   * @throws XaiCamException (setup) naming the file when it is missing, not HDF5, not a Keras
   *     weight file, truncated, or holds non-float32 weights
   */
  public static ModelWeights readWeightsOnly(Path file) {
    if (!Files.isRegularFile(file)) {
      throw XaiCamException.setup(file + ": weight file not found; " + WEIGHTS_HINT);
    }
    FileSignature signature = FileSignature.of(file);
    if (signature != FileSignature.HDF5) {
      throw XaiCamException.setup(file + ": not an HDF5 file" + (signature == FileSignature.ZIP
          ? " (it is a zip archive, such as a .keras model, which goes to --model)" : "")
          + "; " + WEIGHTS_HINT);
    }
    try (HdfFile hdf = new HdfFile(file)) {
      Hdf5Access.checkComplete(hdf, file);
      Group root = hdf;
      if (!Hdf5Access.hasAttribute(hdf, "layer_names")
          && hdf.getChildren().get(MODEL_WEIGHTS) instanceof Group weights
          && Hdf5Access.hasAttribute(weights, "layer_names")) {
        root = weights;
      } else if (!Hdf5Access.hasAttribute(hdf, "layer_names")) {
        throw XaiCamException.setup(file + ": HDF5 file without a 'layer_names' attribute, so not "
            + "a Keras weight file in the legacy layout (nor a Keras full-model file)");
      }
      return new LegacyH5Weights(file, root).byFileLayer();
    } catch (XaiCamException e) {
      throw XaiCamException.setup(e.getMessage() + "; " + WEIGHTS_HINT, e);
    } catch (RuntimeException e) {
      // jhdf reports truncation and corruption as assorted runtime exceptions (HdfException,
      // BufferUnderflowException, ...): one message fits them all.
      throw XaiCamException.setup(file + ": unreadable or truncated HDF5 file ("
          + Hdf5Access.describe(e) + "); " + WEIGHTS_HINT, e);
    }
  }

  /** A full-model HDF5 file: {@code model_config} attribute plus {@code model_weights} group. */
  private static KerasModel readHdf5(Path file,
      Function<Supplier<ModelWeights>, ModelWeights> weightsVia) {
    try (HdfFile hdf = new HdfFile(file)) {
      Hdf5Access.checkComplete(hdf, file);
      String configText = Hdf5Access.string(hdf, "model_config");
      if (configText == null) {
        throw XaiCamException.setup(file + ": " + (holdsWeightsOnly(hdf)
            ? "holds weights only, no architecture (no model_config); --weights pairs such "
                + "files with a built-in model (--model vgg16 --weights FILE)"
            : "an HDF5 file but not a Keras model (no model_config attribute)"));
      }
      ConfigModel model = new ModelConfigParser(file).parse(json(file, configText, "model_config"));
      GraphSpec graph = GraphFlattener.flatten(file, model);
      if (!(hdf.getChildren().get(MODEL_WEIGHTS) instanceof Group weightsGroup)) {
        throw XaiCamException.setup(file + ": holds an architecture but no weights (no '"
            + MODEL_WEIGHTS + "' group); save the model with its weights");
      }
      ModelWeights weights =
          weightsVia.apply(() -> new LegacyH5Weights(file, weightsGroup).byNode(model));
      String version = firstNonNull(Hdf5Access.string(hdf, "keras_version"),
          Hdf5Access.string(weightsGroup, "keras_version"));
      return new KerasModel(graph, weights, KerasFileFormat.HDF5, version,
          ModelInput.of(file, graph.nodes().get(0)));
    } catch (XaiCamException e) {
      throw e;
    } catch (RuntimeException e) {
      throw XaiCamException.setup(file + ": unreadable or truncated HDF5 file ("
          + Hdf5Access.describe(e) + ")", e);
    }
  }

  /** Whether an HDF5 file without a model config looks like a Keras weights file. */
  private static boolean holdsWeightsOnly(HdfFile hdf) {
    return Hdf5Access.hasAttribute(hdf, "layer_names")
        || hdf.getChildren().get(MODEL_WEIGHTS) != null
        || hdf.getChildren().get("layers") != null
        || hdf.getChildren().get("vars") != null;
  }

  /** A {@code .keras} archive: {@code config.json}, {@code metadata.json}, {@code model.weights.h5}. */
  private static KerasModel readArchive(Path file,
      Function<Supplier<ModelWeights>, ModelWeights> weightsVia) {
    try (ZipFile zip = new ZipFile(file.toFile())) {
      ZipEntry configEntry = zip.getEntry(CONFIG_JSON);
      if (configEntry == null) {
        throw XaiCamException.setup(file + ": a zip archive without " + CONFIG_JSON
            + ", so not a Keras model archive");
      }
      ConfigModel model = new ModelConfigParser(file)
          .parse(json(file, member(file, zip, configEntry), CONFIG_JSON));
      GraphSpec graph = GraphFlattener.flatten(file, model);
      ZipEntry weightsEntry = zip.getEntry(WEIGHTS_H5);
      if (weightsEntry == null) {
        throw XaiCamException.setup(file + ": the archive has no " + WEIGHTS_H5
            + (zip.getEntry("model.weights.npz") != null
                ? " (its weights are in model.weights.npz, which xai-cam does not read)" : ""));
      }
      ModelWeights weights = weightsVia.apply(() -> {
        try (InputStream in = zip.getInputStream(weightsEntry);
            HdfFile h5 = HdfFile.fromInputStream(in)) {
          return Keras3Weights.read(file, h5, model);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
      return new KerasModel(graph, weights, KerasFileFormat.KERAS_ARCHIVE,
          archiveVersion(file, zip), ModelInput.of(file, graph.nodes().get(0)));
    } catch (XaiCamException e) {
      throw e;
    } catch (UncheckedIOException e) {
      // The weights' step wraps what reading the archive's weight member threw.
      throw archiveFailure(file, e.getCause());
    } catch (IOException | RuntimeException e) {
      throw archiveFailure(file, e);
    }
  }

  /** The one line for an archive that could not be read because of {@code e}. */
  private static XaiCamException archiveFailure(Path file, Exception e) {
    return XaiCamException.setup(file + (e instanceof ZipException
        ? ": damaged or truncated zip archive (" : ": unreadable .keras archive (")
        + Hdf5Access.describe(e) + ")", e);
  }

  /** The Keras version {@code metadata.json} records, or {@link KerasModel#UNKNOWN_VERSION}. */
  private static String archiveVersion(Path file, ZipFile zip) throws IOException {
    ZipEntry entry = zip.getEntry(METADATA_JSON);
    if (entry == null) {
      return KerasModel.UNKNOWN_VERSION;
    }
    JsonNode version = json(file, member(file, zip, entry), METADATA_JSON).get("keras_version");
    return version != null && version.isTextual() ? version.asText() : KerasModel.UNKNOWN_VERSION;
  }

  /** A JSON member of the archive as text, refusing implausibly large ones. */
  private static String member(Path file, ZipFile zip, ZipEntry entry) throws IOException {
    try (InputStream in = zip.getInputStream(entry)) {
      byte[] bytes = in.readNBytes((int) MAX_JSON_BYTES + 1);
      if (bytes.length > MAX_JSON_BYTES) {
        throw XaiCamException.setup(file + ": " + entry.getName() + " is over "
            + (MAX_JSON_BYTES >> 20) + " MB, far more than any model config");
      }
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }

  /** Parses JSON text, naming the file and the part on failure. */
  private static JsonNode json(Path file, String text, String part) {
    try {
      return Json.MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw XaiCamException.setup(file + ": " + part + " is not valid JSON ("
          + e.getOriginalMessage() + ")", e);
    }
  }

  /** The first argument that is not null, or {@link KerasModel#UNKNOWN_VERSION}. */
  private static String firstNonNull(String first, String second) {
    return first != null ? first : second != null ? second : KerasModel.UNKNOWN_VERSION;
  }

  /** A hint for the common case of a Git LFS pointer checked out instead of the model. */
  private static String lfsHint(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      String head = new String(in.readNBytes(64), StandardCharsets.US_ASCII);
      return head.startsWith("version https://git-lfs")
          ? "; it is a Git LFS pointer: fetch the real file with 'git lfs pull'" : "";
    } catch (IOException e) {
      return "";
    }
  }
}
