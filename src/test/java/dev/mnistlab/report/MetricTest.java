package dev.mnistlab.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MetricTest {
  @Test
  void picksEachPanelsCurveInTheOrderTheyAreDrawn() {
    var curves = ReportFixtures.curves("t", 0, false);

    assertThat(Metric.values())
        .extracting(Metric::title)
        .containsExactly("Training loss", "Validation loss", "Validation accuracy");
    assertThat(Metric.TRAIN_LOSS.of(curves)).isSameAs(curves.trainLoss());
    assertThat(Metric.VAL_LOSS.of(curves)).isSameAs(curves.valLoss());
    assertThat(Metric.VAL_ACCURACY.of(curves)).isSameAs(curves.valAccuracy());
  }
}
