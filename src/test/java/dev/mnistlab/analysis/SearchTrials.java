package dev.mnistlab.analysis;

import dev.mnistlab.train.EpochMetrics;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Makes hand-made search trials for the search analysis tests. */
final class SearchTrials {
  static final Instant T0 = Instant.parse("2026-12-06T10:00:00Z");

  private SearchTrials() {}

  /** A complete trial started {@code start} s and finished {@code end} s after T0 on {@code w}. */
  static SearchTrial complete(int number, double value, Map<String, Object> params) {
    return at(
        number, SearchTrial.State.COMPLETE, value, params, number * 10, number * 10 + 8, "w1");
  }

  static SearchTrial at(
      int number,
      SearchTrial.State state,
      double value,
      Map<String, Object> params,
      double start,
      double end,
      String worker) {
    return new SearchTrial(
        number,
        state,
        params,
        value,
        Double.isNaN(start) ? null : T0.plusMillis((long) (start * 1000)),
        Double.isNaN(end) ? null : T0.plusMillis((long) (end * 1000)),
        worker,
        List.of());
  }

  static SearchTrial withEpochs(int number, SearchTrial.State state, double value, double... acc) {
    List<EpochMetrics> epochs =
        java.util.stream.IntStream.range(0, acc.length)
            .mapToObj(
                i -> new EpochMetrics(i + 1, 1.0 / (i + 1), 0.5, 0.1 * (i + 1), acc[i], 1e-3, 1, 1))
            .toList();
    return new SearchTrial(number, state, Map.of(), value, T0, T0.plusSeconds(1), "w1", epochs);
  }
}
