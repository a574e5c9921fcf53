package dev.mnistlab.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mnistlab.analysis.ParamImportances.Importance;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PedAnovaTest {
  private static final SearchParam X = SearchParam.ofFloat("x", 0, 1, false, false);
  private static final SearchParam NOISE = SearchParam.ofFloat("noise", 0, 1, false, false);
  private static final SearchParam UNITS = SearchParam.ofInt("units", 16, 512, true, false);
  private static final SearchParam KIND =
      SearchParam.ofChoice("kind", List.of("a", "b", "c"), false);

  /** Trials whose value is decided by x alone; the other three parameters are pure noise. */
  private static List<SearchTrial> decidedByX(int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<SearchTrial> trials = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      double x = random.nextDouble();
      Map<String, Object> params = new HashMap<>();
      params.put("x", x);
      params.put("noise", random.nextDouble());
      params.put(
          "units", (int) Math.round(Math.exp(Math.log(16) + random.nextDouble() * Math.log(32))));
      params.put("kind", List.of("a", "b", "c").get(random.nextInt(3)));
      trials.add(SearchTrials.complete(i, 1 - (x - 0.3) * (x - 0.3), params));
    }
    return trials;
  }

  @Test
  void ranksTheParameterThatDecidesTheObjectiveAboveNoiseWithSeparateIntervals() {
    ParamImportances result =
        PedAnova.evaluate(decidedByX(300, 1), List.of(X, NOISE, UNITS, KIND), true, 200);
    assertThat(result.importances().get(0).param()).isEqualTo("x");
    Importance x = result.of("x");
    assertThat(x.value()).isGreaterThan(0.6);
    for (String noise : List.of("noise", "units", "kind")) {
      assertThat(x.low()).as(noise).isGreaterThan(result.of(noise).high());
    }
    assertThat(result.importances().stream().mapToDouble(Importance::value).sum())
        .isCloseTo(1.0, within(1e-9));
    assertThat(result.trials()).isEqualTo(300);
    assertThat(result.resamples()).isEqualTo(200);
    assertThat(result.method()).startsWith("PED-ANOVA (Watanabe et al. 2023): top 10%");
  }

  @Test
  void minimisingJudgesTheSmallestValuesBest() {
    List<SearchTrial> trials =
        decidedByX(300, 2).stream()
            .map(t -> SearchTrials.complete(t.number(), -t.value(), t.params()))
            .toList();
    ParamImportances result = PedAnova.evaluate(trials, List.of(X, NOISE), false, 0);
    assertThat(result.importances().get(0).param()).isEqualTo("x");
    assertThat(result.of("x").low()).isNaN();
  }

  @Test
  void aConditionalParameterIsJudgedOnTheTrialsItAppliesTo() {
    SearchParam layers = SearchParam.ofChoice("layers", List.of(1, 2), false);
    SearchParam second = SearchParam.ofInt("units_2", 16, 512, false, true);
    SplittableRandom random = new SplittableRandom(3);
    List<SearchTrial> trials = new ArrayList<>();
    int withSecond = 0;
    for (int i = 0; i < 400; i++) {
      Map<String, Object> params = new HashMap<>();
      int l = 1 + random.nextInt(2);
      params.put("layers", l);
      params.put("noise", random.nextDouble());
      double value = 0.5;
      if (l == 2) {
        int units = 16 + random.nextInt(497);
        params.put("units_2", units);
        value = 0.9 - 0.4 * units / 512.0;
        withSecond++;
      }
      trials.add(SearchTrials.complete(i, value, params));
    }
    ParamImportances result = PedAnova.evaluate(trials, List.of(layers, second, NOISE), true, 50);
    assertThat(result.of("units_2").applied()).isEqualTo(withSecond);
    assertThat(result.of("layers").applied()).isEqualTo(400);
    assertThat(result.of("units_2").value()).isGreaterThan(result.of("noise").value());
    assertThat(result.of("layers").value()).isGreaterThan(result.of("noise").value());
  }

  @Test
  void aConditionalParameterTheBestTrialsDidWithoutScoresZero() {
    SearchParam layers = SearchParam.ofChoice("layers", List.of(1, 2), false);
    SearchParam second = SearchParam.ofInt("units_2", 16, 512, false, true);
    List<SearchTrial> trials = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      Map<String, Object> params = new HashMap<>();
      params.put("layers", i % 2 == 0 ? 1 : 2);
      if (i % 2 == 1) {
        params.put("units_2", 16 + 5 * i);
      }
      trials.add(SearchTrials.complete(i, i % 2 == 0 ? 0.9 + i * 1e-4 : 0.5, params));
    }
    ParamImportances result = PedAnova.evaluate(trials, List.of(layers, second), true, 0);
    assertThat(result.of("units_2").value()).isZero();
    assertThat(result.of("layers").value()).isEqualTo(1.0);
  }

  @Test
  void tooFewTrialsShareTheImportanceEqually() {
    List<SearchTrial> two = decidedByX(2, 4);
    ParamImportances result = PedAnova.evaluate(two, List.of(X, NOISE), true, 10);
    assertThat(result.importances()).extracting(Importance::value).containsOnly(0.5);
  }

  @Test
  void parametersThatCannotVaryAreLeftOut() {
    SearchParam fixed = SearchParam.ofChoice("optimizer", List.of("adam"), false);
    ParamImportances result = PedAnova.evaluate(decidedByX(50, 5), List.of(X, fixed), true, 0);
    assertThat(result.importances()).extracting(Importance::param).containsExactly("x");
  }

  @Test
  void theSameTrialsGiveTheSameIntervals() {
    List<SearchTrial> trials = decidedByX(120, 6);
    List<SearchParam> params = List.of(X, NOISE, KIND);
    assertThat(PedAnova.evaluate(trials, params, true, 30))
        .isEqualTo(PedAnova.evaluate(trials, params, true, 30));
  }

  @Test
  void noCompleteTrialsGiveEqualSharesAndNoIntervals() {
    ParamImportances result = PedAnova.evaluate(List.of(), List.of(X, NOISE), true, 30);
    assertThat(result.trials()).isZero();
    assertThat(result.resamples()).isZero();
    assertThat(result.importances()).extracting(Importance::value).containsOnly(0.5);
  }

  @Test
  void choiceEstimateIsCountsSmoothedByOnePriorTrialSpreadEvenly() {
    double[] p = PedAnova.smoothedCounts(new double[] {3, 1, 0});
    assertThat(p[0]).isCloseTo((3 + 1.0 / 3) / 5, within(1e-12));
    assertThat(p[1]).isCloseTo((1 + 1.0 / 3) / 5, within(1e-12));
    assertThat(p[2]).isCloseTo((1.0 / 3) / 5, within(1e-12));
  }

  @Test
  void parzenEstimateIsADistributionPeakedWhereTheValuesAre() {
    double[] counts = new double[50];
    counts[10] = 8;
    counts[11] = 4;
    double[] p = PedAnova.parzen(counts);
    assertThat(java.util.Arrays.stream(p).sum()).isCloseTo(1.0, within(1e-9));
    assertThat(p[10]).isGreaterThan(p[30]);
    assertThat(p[40]).isGreaterThan(0);
  }

  @Test
  void valuesFallInTheNearestCellOnTheParametersScale() {
    SearchParam lr = SearchParam.ofFloat("lr", 1e-4, 1e-1, true, false);
    assertThat(PedAnova.gridSize(lr)).isEqualTo(50);
    assertThat(PedAnova.cell(lr, 50, 1e-4)).isZero();
    assertThat(PedAnova.cell(lr, 50, 1e-1)).isEqualTo(49);
    // Cells are evenly spaced in log(lr): cell 10 sits at 1e-4 * 1000^(10/49).
    assertThat(PedAnova.cell(lr, 50, 1e-4 * Math.pow(1000, 10.0 / 49))).isEqualTo(10);
    assertThat(PedAnova.cell(lr, 50, 1e-4 * Math.pow(1000, 10.4 / 49))).isEqualTo(10);
    assertThat(PedAnova.cell(lr, 50, null)).isEqualTo(-1);
    assertThat(PedAnova.gridSize(SearchParam.ofInt("layers", 1, 3, false, false))).isEqualTo(3);
    // log2(512 - 16 + 1) rounds up to 9 doublings, plus the first cell.
    assertThat(PedAnova.gridSize(UNITS)).isEqualTo(10);
  }
}
