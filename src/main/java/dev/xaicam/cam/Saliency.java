package dev.xaicam.cam;

import java.util.Set;

/**
 * Vanilla saliency: Simonyan et al., "Deep Inside Convolutional Networks: Visualising Image
 * Classification Models and Saliency Maps", ICLR Workshop 2014, Sec. 3.1, as tf-keras-vis's
 * {@code Saliency} computes it.
 *
 * <p>map = max over colour channels of |dS/dx|, at the network input's resolution.
 */
final class Saliency implements CamMethod {

  @Override
  public String name() {
    return "saliency";
  }

  @Override
  public String description() {
    return "vanilla saliency (Simonyan et al. 2014): largest |gradient| over the input's colours";
  }

  @Override
  public Set<MethodNeed> needs() {
    return MethodNeed.setOf(MethodNeed.INPUT_GRADIENTS);
  }

  @Override
  public RawMap rawMap(CamInputs inputs) {
    InputGradients gradients = inputs.inputGradients();
    return new RawMap(gradients.height(), gradients.width(), gradients.maxAbsOverChannels());
  }
}
