package dev.xaicam.cam;

import java.util.Set;

/**
 * Grad-CAM++: Chattopadhyay et al., "Grad-CAM++: Generalized Gradient-based Visual Explanations
 * for Deep Convolutional Networks", WACV 2018, Eq. 19 with the exponential output of Eq. 20-22, as
 * tf-keras-vis implements it.
 *
 * <p>With first, second and third derivatives exp(S)g, exp(S)g^2, exp(S)g^3 and global_c = sum
 * over pixels of A_c: alpha = second / (2 second + third global_c + [second == 0]), divided per
 * channel by its pixel sum (1 where that sum is 0); w_c = sum over pixels of alpha ReLU(first).
 * exp(S) cancels inside alpha and factors out of w, so the weights are computed with factor 1 and
 * exp(S) is returned as the map's log scale S: huge logits cannot overflow.
 */
final class GradCamPlusPlus extends ChannelWeightedCam {

  @Override
  public String name() {
    return "gradcam++";
  }

  @Override
  public String description() {
    return "Grad-CAM++ (Chattopadhyay et al. 2018): weights from higher-order gradients";
  }

  @Override
  public Set<MethodNeed> needs() {
    return MethodNeed.setOf(MethodNeed.LAYER_ACTIVATIONS, MethodNeed.LAYER_GRADIENTS);
  }

  @Override
  double[] channelWeights(CamInputs inputs) {
    LayerSignal signal = inputs.layer();
    int channels = signal.channels();
    double[] a = signal.activations();
    double[] g = signal.gradients();
    double[] globalSum = new double[channels];
    for (int i = 0; i < a.length; i++) {
      globalSum[i % channels] += a[i];
    }
    double[] alpha = new double[g.length];
    double[] alphaSum = new double[channels];
    for (int i = 0; i < g.length; i++) {
      int c = i % channels;
      double second = (double) g[i] * g[i];
      double third = second * g[i];
      double denominator = 2 * second + third * globalSum[c] + (second == 0 ? 1 : 0);
      alpha[i] = second / denominator;
      alphaSum[c] += alpha[i];
    }
    double[] weights = new double[channels];
    for (int i = 0; i < g.length; i++) {
      int c = i % channels;
      double norm = alphaSum[c] == 0 ? 1 : alphaSum[c];
      weights[c] += alpha[i] / norm * Math.max(g[i], 0);
    }
    return weights;
  }

  @Override
  double logScale(LayerSignal signal) {
    return signal.targetLogit();
  }
}
