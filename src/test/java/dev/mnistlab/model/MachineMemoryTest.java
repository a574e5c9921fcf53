package dev.mnistlab.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MachineMemoryTest {
  @Test
  void reportsThePhysicalMemoryOfThisMachine() {
    // Any machine that runs the tests has more than 256 MiB and less than 2^63 bytes.
    assertThat(MachineMemory.totalBytes()).isGreaterThan(256L << 20).isLessThan(Long.MAX_VALUE);
  }
}
