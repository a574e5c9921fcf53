package dev.mnistlab.train;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ThreadSettingsTest {
  @Test
  void honoursAnExplicitCount() {
    assertThat(ThreadSettings.choose(3, 535_818, 100)).isEqualTo(new ThreadSettings(3, 1, false));
  }

  @Test
  void givesSmallNetworksOneThread() {
    // The seed's trial-1 network at batch 16: 0.8M multiply-adds per step.
    assertThat(ThreadSettings.choose(0, 50_890, 16).intraOp()).isEqualTo(1);
  }

  @Test
  void sharesLargeStepsAcrossFreeCoresOnly() {
    int cores = Runtime.getRuntime().availableProcessors();
    // The seed's trial-7 network at batch 100: 54M multiply-adds per step.
    int threads = ThreadSettings.choose(0, 535_818, 100).intraOp();

    assertThat(threads).isBetween(1, Math.min(cores, 2));
  }

  @Test
  void countsOtherRunnableThreads() {
    assertThat(ThreadSettings.busyCores()).isGreaterThanOrEqualTo(0);
  }
}
