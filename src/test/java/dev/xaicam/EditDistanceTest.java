package dev.xaicam;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EditDistanceTest {

  @Test
  void countsInsertionsDeletionsAndSubstitutions() {
    assertThat(EditDistance.between("kitten", "sitting")).isEqualTo(3);
    assertThat(EditDistance.between("block5_conv3", "block5_conv3")).isZero();
    assertThat(EditDistance.between("", "abc")).isEqualTo(3);
    assertThat(EditDistance.between("abc", "")).isEqualTo(3);
    assertThat(EditDistance.between("block5conv3", "block5_conv3")).isEqualTo(1);
    assertThat(EditDistance.between("flaw", "lawn")).isEqualTo(2);
  }
}
