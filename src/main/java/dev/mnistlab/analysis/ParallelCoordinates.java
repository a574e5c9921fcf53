package dev.mnistlab.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Holds a search's complete trials as lines across one axis per parameter and one for the
 * objective, for a parallel-coordinates chart. A conditional parameter that does not apply to a
 * trial is NaN on its axis, so the chart can show it as missing rather than as a value.
 *
 * @param params the parameter axes, in the space's order
 * @param rows one per complete trial, by number
 */
public record ParallelCoordinates(List<SearchParam> params, List<Row> rows) {

  /**
   * One trial's line.
   *
   * @param number the trial's number
   * @param values one per parameter axis: the value, a choice's index, or NaN where it does not
   *     apply
   * @param value the trial's objective value
   */
  public record Row(int number, List<Double> values, double value) {
    public Row {
      values = List.copyOf(values);
    }
  }

  public ParallelCoordinates {
    params = List.copyOf(params);
    rows = List.copyOf(rows);
    for (Row r : rows) {
      if (r.values().size() != params.size()) {
        throw new IllegalArgumentException(
            "trial "
                + r.number()
                + " has "
                + r.values().size()
                + " values for "
                + params.size()
                + " axes");
      }
    }
  }

  /** Returns the lines of {@code trials}' complete trials over {@code params}. */
  public static ParallelCoordinates of(List<SearchTrial> trials, List<SearchParam> params) {
    Objects.requireNonNull(params, "params");
    List<Row> rows = new ArrayList<>();
    trials.stream()
        .filter(SearchTrial::scored)
        .sorted(Comparator.comparingInt(SearchTrial::number))
        .forEach(
            t -> {
              List<Double> values = new ArrayList<>(params.size());
              for (SearchParam p : params) {
                Object raw = t.params().get(p.name());
                values.add(
                    p.kind() == SearchParam.Kind.CHOICE ? p.position(raw) : SliceData.number(raw));
              }
              rows.add(new Row(t.number(), values, t.value()));
            });
    return new ParallelCoordinates(params, rows);
  }
}
