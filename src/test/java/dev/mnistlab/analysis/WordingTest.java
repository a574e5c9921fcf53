package dev.mnistlab.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WordingTest {

  @Test
  void writesBandsWithTheirIntervalOrSaysThereIsOneRun() {
    assertThat(Wording.band(new Band(0.98, 0.97, 0.99, 3))).isEqualTo("0.9800 [0.9700, 0.9900]");
    assertThat(Wording.band(new Band(0.98, 0.98, 0.98, 1))).isEqualTo("0.9800 (one run)");
    assertThat(Wording.band(Stats.band())).isEqualTo("-");
  }

  @Test
  void writesSecondsRatiosAndEpochRanges() {
    assertThat(Wording.seconds(61.4)).isEqualTo("61 s");
    assertThat(Wording.seconds(8.24)).isEqualTo("8.2 s");
    assertThat(Wording.times(7.44)).isEqualTo("7.4x");
    assertThat(Wording.times(64)).isEqualTo("64x");
    assertThat(Wording.epochs(7, 20)).isEqualTo("epochs 7-20");
    assertThat(Wording.epochs(20, 20)).isEqualTo("epoch 20");
    assertThat(Wording.p(0.0000342)).isEqualTo("3.4e-05");
  }
}
