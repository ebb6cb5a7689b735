import dev.xaicam.architectures.GlorotWeights;
import dev.xaicam.architectures.Vgg16;
import dev.xaicam.engine.TensorRuntime;
import dev.xaicam.model.ForwardPass;
import dev.xaicam.model.Network;
import dev.xaicam.model.TargetLayer;
import dev.xaicam.network.GraphNetwork;
import dev.xaicam.network.GraphPass;
import dev.xaicam.network.ModelGraph;
import dev.xaicam.network.ModelWeights;
import dev.xaicam.network.Precision;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Dev-only timing: full-size VGG16 forward (+ one Grad-CAM backward) at batch 1 and 8 through
 * the old sequential Network and the graph network, alternating, on the same random weights.
 * Run: java -cp "target/classes:$(cat cp.txt)" dev/GraphForwardTiming.java [rounds]
 */
public class GraphForwardTiming {
  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    ModelGraph graph = ModelGraph.of(Vgg16.spec());
    ModelWeights weights = GlorotWeights.of(graph, 1);
    Map<String, List<dev.xaicam.model.WeightArray>> legacy = new LinkedHashMap<>();
    weights.byLayer().forEach((k, v) -> legacy.put(k, v.stream()
        .map(a -> new dev.xaicam.model.WeightArray(a.shape(), a.values())).toList()));
    var architecture = dev.xaicam.model.Vgg16.architecture();
    TargetLayer oldTarget = TargetLayer.resolve(architecture, null);
    try (Network old = Network.create(architecture, new dev.xaicam.model.ModelWeights(legacy));
        GraphNetwork now = GraphNetwork.create(graph, weights, TensorRuntime.shared(),
            Precision.FLOAT32)) {
      for (int batch : new int[] {1, 8}) {
        float[] x = new float[batch * graph.inputSize()];
        Random r = new Random(batch);
        for (int i = 0; i < x.length; i++) {
          x[i] = r.nextFloat() * 255 - 128;
        }
        int[] classes = new int[batch];
        double[] oldMs = new double[rounds + 1];
        double[] newMs = new double[rounds + 1];
        for (int round = 0; round <= rounds; round++) {
          long t0 = System.nanoTime();
          try (ForwardPass p = old.forward(x, batch, oldTarget.position())) {
            p.signals(classes);
          }
          long t1 = System.nanoTime();
          try (GraphPass p = now.forward(x, batch, graph.defaultTarget())) {
            p.signals(classes);
          }
          long t2 = System.nanoTime();
          oldMs[round] = (t1 - t0) / 1e6;
          newMs[round] = (t2 - t1) / 1e6;
        }
        // round 0 is warm-up
        System.out.printf(Locale.ROOT, "batch %d: old %s ms, graph %s ms%n", batch,
            java.util.Arrays.toString(java.util.Arrays.copyOfRange(oldMs, 1, rounds + 1)),
            java.util.Arrays.toString(java.util.Arrays.copyOfRange(newMs, 1, rounds + 1)));
      }
    }
  }
}
