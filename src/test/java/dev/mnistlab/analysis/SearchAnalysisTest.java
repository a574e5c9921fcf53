package dev.mnistlab.analysis;

import static dev.mnistlab.analysis.SearchTrials.T0;
import static dev.mnistlab.analysis.SearchTrials.complete;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SearchAnalysisTest {

  @Test
  void drawsEveryPartFromTheSameTrials() {
    SearchParam lr = SearchParam.ofFloat("lr", 1e-4, 1e-1, true, false);
    SearchParam units = SearchParam.ofInt("units", 16, 512, false, false);
    List<SearchTrial> trials = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      double value = 0.9 + 0.002 * (i % 7);
      trials.add(complete(i, value, Map.of("lr", 1e-4 * (1 + i), "units", 16 + 16 * (i % 5))));
    }
    SearchAnalysis a = SearchAnalysis.of(trials, List.of(lr, units), true, T0.plusSeconds(600));
    assertThat(a.history().points()).hasSize(30);
    assertThat(a.history().points().get(29).best()).isEqualTo(0.912);
    assertThat(a.importances().importances()).hasSize(2);
    assertThat(a.slices()).hasSize(2);
    assertThat(a.parallel().rows()).hasSize(30);
    assertThat(a.timeline().bars()).hasSize(30);
    assertThat(a.curves().curves()).isEmpty();
    assertThat(a.repeats().groups()).isEmpty();
  }
}
