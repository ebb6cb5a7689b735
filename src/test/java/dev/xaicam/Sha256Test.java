package dev.xaicam;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Sha256Test {
  @Test
  void onePartIsTheDigestOfItsUtf8Bytes() {
    // printf 'abc' | sha256sum
    assertThat(Sha256.hexOf("abc"))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }

  @Test
  void partsAreJoinedByNulSoDifferentSplitsDiffer() {
    // printf 'ab\0c' | sha256sum
    assertThat(Sha256.hexOf("ab", "c"))
        .isEqualTo("6c032e631d39a14d85aff7e319546af701e26c97b57ca95fbfe9c6ba855f67bf")
        .isNotEqualTo(Sha256.hexOf("a", "bc"))
        .isNotEqualTo(Sha256.hexOf("abc"));
  }
}
