package dev.xaicam.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TargetsTest {
  private static final float[] PROBABILITIES = {0.1f, 0.4f, 0.1f, 0.4f, 0f};

  @Test
  void rankingIsMostProbableFirstAndTheLowerIndexFirstOnTies() {
    assertThat(Targets.ranked(PROBABILITIES, 4)).containsExactly(1, 3, 0, 2);
    assertThat(Targets.ranked(PROBABILITIES, 9)).containsExactly(1, 3, 0, 2, 4);
  }

  @Test
  void topKTakesEachImagesOwnBestAndExplicitClassesAreTheSameForAll() {
    assertThat(Targets.top(1).of(PROBABILITIES)).containsExactly(1);
    assertThat(Targets.top(3).of(new float[] {0.2f, 0.1f, 0.7f})).containsExactly(2, 0, 1);
    assertThat(Targets.explicit(List.of(4, 0)).of(PROBABILITIES)).containsExactly(4, 0);
  }

  @Test
  void emptyOrNonPositiveRequestsAreRefused() {
    assertThatThrownBy(() -> Targets.top(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Targets.explicit(List.of())).isInstanceOf(IllegalArgumentException.class);
  }
}
