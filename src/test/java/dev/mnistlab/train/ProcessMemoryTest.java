package dev.mnistlab.train;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProcessMemoryTest {
  @Test
  void readsResidentAndPeakMemory() {
    double rss = ProcessMemory.rssMb();
    double peak = ProcessMemory.peakRssMb();

    assertThat(rss).isPositive();
    assertThat(peak).isGreaterThanOrEqualTo(rss);
  }
}
