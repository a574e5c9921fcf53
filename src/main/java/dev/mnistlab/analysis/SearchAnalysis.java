package dev.mnistlab.analysis;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Holds everything a report or the dashboard draws about one search: its history, parameter
 * importances, slices, parallel coordinates, the top trials' learning curves, the timeline by
 * worker and the configurations run more than once. Computed once from frozen trials; renderers
 * only read it.
 *
 * @param maximize whether larger objective values are better
 * @param params the search's parameters, in the space's order
 * @param history the optimization history
 * @param importances the parameters' importances with intervals
 * @param slices one per parameter
 * @param parallel the complete trials across all parameters
 * @param curves the top {@link #TOP_CURVES} complete trials' curves
 * @param timeline when each trial ran, on which worker
 * @param repeats configurations with several complete runs
 */
public record SearchAnalysis(
    boolean maximize,
    List<SearchParam> params,
    OptimizationHistory history,
    ParamImportances importances,
    List<SliceData> slices,
    ParallelCoordinates parallel,
    SearchCurves curves,
    TrialTimeline timeline,
    RepeatGroups repeats) {

  /** How many of the best trials' curves the analysis carries. */
  public static final int TOP_CURVES = 10;

  public SearchAnalysis {
    params = List.copyOf(params);
    Objects.requireNonNull(history, "history");
    Objects.requireNonNull(importances, "importances");
    slices = List.copyOf(slices);
    Objects.requireNonNull(parallel, "parallel");
    Objects.requireNonNull(curves, "curves");
    Objects.requireNonNull(timeline, "timeline");
    Objects.requireNonNull(repeats, "repeats");
  }

  /**
   * Analyses {@code trials} of a search over {@code params}; running trials' timeline bars end at
   * {@code now}.
   */
  public static SearchAnalysis of(
      List<SearchTrial> trials, List<SearchParam> params, boolean maximize, Instant now) {
    return new SearchAnalysis(
        maximize,
        params,
        OptimizationHistory.of(trials, maximize),
        PedAnova.evaluate(trials, params, maximize, PedAnova.RESAMPLES),
        SliceData.of(trials, params),
        ParallelCoordinates.of(trials, params),
        SearchCurves.top(trials, TOP_CURVES, maximize),
        TrialTimeline.of(trials, now),
        RepeatGroups.of(trials, maximize));
  }
}
