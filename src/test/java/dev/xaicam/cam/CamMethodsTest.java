package dev.xaicam.cam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xaicam.XaiCamException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The method registry: names, aliases and unknown-name messages. */
class CamMethodsTest {

  /** The list of names every unknown-name message carries. */
  private static final String KNOWN =
      "gradcam, gradcam++, scorecam, faster-scorecam, layercam, xgradcam, hirescam,"
          + " gradcam-elementwise, eigengradcam, eigencam, ablationcam, saliency, smoothgrad,"
          + " guided-gradcam";

  @Test
  void listsTheMethodsInOrder() {
    assertThat(CamMethods.names())
        .containsExactly(
            "gradcam", "gradcam++", "scorecam", "faster-scorecam", "layercam", "xgradcam",
            "hirescam", "gradcam-elementwise", "eigengradcam", "eigencam", "ablationcam",
            "saliency", "smoothgrad", "guided-gradcam");
    assertThatThrownBy(() -> CamMethods.names().add("x"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void createsEachMethodUnderItsOwnName() {
    for (String name : CamMethods.names()) {
      assertThat(CamMethods.create(name, CamOptions.defaults()).name()).isEqualTo(name);
    }
  }

  @Test
  void acceptsAliasesAndAnyCase() {
    assertThat(CamMethods.create("gradcampp", CamOptions.defaults()).name()).isEqualTo("gradcam++");
    assertThat(CamMethods.create("GradCAM", CamOptions.defaults()).name()).isEqualTo("gradcam");
    assertThat(CamMethods.create(" LayerCAM ", CamOptions.defaults()).name()).isEqualTo("layercam");
  }

  @Test
  void unknownNameIsAUsageErrorSuggestingTheClosest() {
    assertThatThrownBy(() -> CamMethods.create("gradcamm", CamOptions.defaults()))
        .isInstanceOfSatisfying(
            XaiCamException.class,
            e -> assertThat(e.exitCode()).isEqualTo(XaiCamException.EXIT_USAGE))
        .hasMessage(
            "unknown method 'gradcamm'; known: " + KNOWN + "; did you mean 'gradcam'?");
    assertThatThrownBy(() -> CamMethods.create("gradcampx", CamOptions.defaults()))
        .hasMessageEndingWith("did you mean 'gradcam++'?");
    assertThatThrownBy(() -> CamMethods.create("fasterscorecam", CamOptions.defaults()))
        .hasMessageEndingWith("did you mean 'faster-scorecam'?");
    assertThatThrownBy(() -> CamMethods.create("eigen-cam", CamOptions.defaults()))
        .hasMessageEndingWith("did you mean 'eigencam'?");
    assertThatThrownBy(() -> CamMethods.create("hirescm", CamOptions.defaults()))
        .hasMessageEndingWith("did you mean 'hirescam'?");
  }

  @Test
  void farFetchedNameGetsNoSuggestion() {
    assertThatThrownBy(() -> CamMethods.create("occlusion", CamOptions.defaults()))
        .hasMessage("unknown method 'occlusion'; known: " + KNOWN);
  }

  @Test
  void passesOptionsToTheMethods() {
    List<ScoreCamStats> stats = new ArrayList<>();
    CamMethod method =
        CamMethods.create("faster-scorecam", new CamOptions(2).withScoreCamStats(stats::add));
    LayerSignal s = TestSignals.random(5, 2, 2, 6, 0);

    method.rawMap(CamInputs.of(s).withMaskScorer(FakeMaskScorer.sized(4, 4, 8)));

    assertThat(stats).containsExactly(new ScoreCamStats(2, 0, 2));
  }

  @Test
  void passesSmoothingOptionsToSmoothGrad() {
    CamMethod method =
        CamMethods.create("smoothgrad", CamOptions.defaults().withSmoothing(0, 0.2, 1));

    assertThatThrownBy(() -> method.checkOptions(512, "block5_conv3"))
        .hasMessage("--smooth-samples must be at least 1, got 0");
  }

}
