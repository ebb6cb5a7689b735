package dev.xaicam.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MachineFactsTest {

  @Test
  void readsCpuModelAndFlagsFromCpuinfo() {
    String cpuinfo = "processor\t: 0\nvendor_id\t: AuthenticAMD\nmodel name\t: AMD EPYC 7B13\n"
        + "flags\t\t: fpu sse2 avx avx2 fma\n\nprocessor\t: 1\nmodel name\t: other\n";
    assertThat(MachineFacts.cpuModel(cpuinfo)).isEqualTo("AMD EPYC 7B13");
    assertThat(MachineFacts.hasCpuFlag(cpuinfo, "avx2")).isTrue();
    assertThat(MachineFacts.hasCpuFlag(cpuinfo, "avx")).isTrue();
    assertThat(MachineFacts.hasCpuFlag(cpuinfo, "avx512f")).isFalse();
    assertThat(MachineFacts.cpuModel(null)).isEqualTo("unknown");
    assertThat(MachineFacts.hasCpuFlag(null, "avx2")).isFalse();
  }
}
