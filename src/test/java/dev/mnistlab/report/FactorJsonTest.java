package dev.mnistlab.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FactorJsonTest {

  @Test
  void writesACategoricalChartWithEmptyXsAndNullsForMissingValues() {
    assertThat(FactorJson.of(ReportFixtures.categoricalChart()))
        .isEqualTo(
            "{\"id\":"
                + "\"optimizer-chart\",\"title\":\"optimizer\",\"xAxis\":\"optimizer\",\"labels\":"
                + "[\"adam\",\"sgd\",\"rmsprop\"],\"xs\":[],\"log\":false,\"panels\":[{\"title\":"
                + "\"Final validation accuracy\",\"axis\":\"accuracy\",\"series\":[{\"name\":"
                + "\"validation accuracy\",\"mean\":[0.98,0.93,0.975],\"low\":[0.978,0.92,0.975],"
                + "\"high\":[0.982,0.9400000000000001,0.975]}]}]}");
  }

  @Test
  void writesNumbersAsJsonWithNullForNaN() {
    assertThat(FactorJson.numbers(List.of(1.0, Double.NaN, Double.POSITIVE_INFINITY)))
        .isEqualTo("[1.0,null,null]");
    assertThat(FactorJson.strings(List.of("a<b", "\"q\"")))
        .isEqualTo("[\"a\\u003cb\",\"\\\"q\\\"\"]");
  }
}
