package dev.xaicam.cam;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Option defaults and the stats listener. */
class CamOptionsTest {

  @Test
  void defaultsToTenChannelsAndASilentListener() {
    CamOptions options = CamOptions.defaults();

    assertThat(options.maxN()).isEqualTo(10);
    options.scoreCamStats().accept(new ScoreCamStats(1, 0, 1)); // must not throw
  }

  @Test
  void withScoreCamStatsKeepsMaxNAndDelivers() {
    List<ScoreCamStats> seen = new ArrayList<>();

    CamOptions options = new CamOptions(3).withScoreCamStats(seen::add);
    options.scoreCamStats().accept(new ScoreCamStats(3, 1, 3));

    assertThat(options.maxN()).isEqualTo(3);
    assertThat(seen).containsExactly(new ScoreCamStats(3, 1, 3));
  }
}
