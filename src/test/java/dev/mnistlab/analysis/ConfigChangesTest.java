package dev.mnistlab.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConfigChangesTest {

  @Test
  void listsEachChangedFieldInRecordOrder() {
    var a = Fixtures.CONFIG.withModel("linear(64),relu,linear(10),sigmoid").withRun(20, 32, 1e-4);
    var b = Fixtures.CONFIG.withRun(15, 100, 1e-3);
    assertThat(ConfigChanges.between(a, b))
        .containsExactly(
            "model: linear(64),relu,linear(10),sigmoid -> linear(512),relu,linear(256),relu,linear(10)",
            "epochs: 20 -> 15",
            "batchSize: 32 -> 100",
            "lr: 0.0001 -> 0.001");
  }

  @Test
  void ignoresTheSeed() {
    assertThat(ConfigChanges.between(Fixtures.CONFIG, Fixtures.CONFIG.withSeed(99))).isEmpty();
  }
}
