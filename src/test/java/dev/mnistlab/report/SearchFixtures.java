package dev.mnistlab.report;

import dev.mnistlab.analysis.SearchAnalysis;
import dev.mnistlab.analysis.SearchParam;
import dev.mnistlab.analysis.SearchTrial;
import dev.mnistlab.train.EpochMetrics;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Makes a small hand-made search analysis and its charts for the report tests. */
final class SearchFixtures {
  static final Instant T0 = Instant.parse("2026-12-06T10:00:00Z");
  static final List<SearchParam> PARAMS =
      List.of(
          SearchParam.ofFloat("lr", 1e-4, 1e-1, true, false),
          SearchParam.ofChoice("layers", List.of(1, 2), false),
          SearchParam.ofInt("units_2", 16, 512, false, true));

  private SearchFixtures() {}

  /** Twelve trials on two workers: ten complete, one pruned, one running. */
  static List<SearchTrial> trials() {
    List<SearchTrial> trials = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      Map<String, Object> params = new LinkedHashMap<>();
      params.put("lr", 1e-4 * Math.pow(10, (i % 4)));
      params.put("layers", 1 + i % 2);
      if (i % 2 == 1) {
        params.put("units_2", 32 * (1 + i % 3));
      }
      SearchTrial.State state =
          i == 10
              ? SearchTrial.State.PRUNED
              : i == 11 ? SearchTrial.State.RUNNING : SearchTrial.State.COMPLETE;
      double value =
          state == SearchTrial.State.RUNNING ? Double.NaN : 0.9 + 0.008 * (i % 4) - 0.001 * (i % 3);
      List<EpochMetrics> epochs = new ArrayList<>();
      for (int e = 1; e <= (state == SearchTrial.State.COMPLETE ? 3 : 1); e++) {
        epochs.add(
            new EpochMetrics(e, 1.0 / e, 0.5, 0.3 / e, value - 0.01 * (3 - e), 1e-3, 2, 500));
      }
      trials.add(
          new SearchTrial(
              i,
              state,
              params,
              value,
              T0.plusSeconds(10L * (i / 2)),
              state == SearchTrial.State.RUNNING ? null : T0.plusSeconds(10L * (i / 2) + 9),
              "w" + (1 + i % 2),
              epochs));
    }
    return trials;
  }

  static SearchAnalysis analysis() {
    return SearchAnalysis.of(trials(), PARAMS, true, T0.plusSeconds(70));
  }

  /** One chart of each kind, ids search-KIND. */
  static List<Block.SearchChart> charts() {
    SearchAnalysis a = analysis();
    return List.of(
        new Block.HistoryChart(
            "search-history",
            "History",
            "val_accuracy",
            a.history(),
            Map.of(0, "lr 0.0001, layers 1")),
        new Block.ImportanceChart("search-importance", "Importance", a.importances()),
        new Block.SliceCharts("search-slices", "Slices", "val_accuracy", a.slices()),
        new Block.ParallelChart("search-parallel", "Parallel", "val_accuracy", a.parallel()),
        new Block.TimelineChart("search-timeline", "Timeline", a.timeline()),
        new Block.TrialCurvesChart("search-curves", "Curves", a.curves()));
  }
}
