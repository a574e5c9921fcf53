package dev.mnistlab.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Holds one parameter of a search against the objective: each complete trial that has the parameter
 * as a point, for a slice plot (on a log axis when the parameter was sampled on one).
 *
 * @param param the parameter
 * @param points one per complete trial the parameter applies to, by trial number
 */
public record SliceData(SearchParam param, List<Point> points) {

  /**
   * One trial on a slice.
   *
   * @param number the trial's number
   * @param x the parameter's value, or a choice's index among the parameter's choices
   * @param value the trial's objective value
   */
  public record Point(int number, double x, double value) {}

  public SliceData {
    Objects.requireNonNull(param, "param");
    points = List.copyOf(points);
  }

  /** Returns one slice per parameter, in the order given. */
  public static List<SliceData> of(List<SearchTrial> trials, List<SearchParam> params) {
    List<SliceData> slices = new ArrayList<>(params.size());
    for (SearchParam p : params) {
      List<Point> points = new ArrayList<>();
      for (SearchTrial t : trials) {
        if (!t.scored()) {
          continue;
        }
        Object raw = t.params().get(p.name());
        double x = p.kind() == SearchParam.Kind.CHOICE ? p.position(raw) : number(raw);
        if (!Double.isNaN(x)) {
          points.add(new Point(t.number(), x, t.value()));
        }
      }
      points.sort(java.util.Comparator.comparingInt(Point::number));
      slices.add(new SliceData(p, points));
    }
    return slices;
  }

  static double number(Object raw) {
    return raw instanceof Number n ? n.doubleValue() : Double.NaN;
  }
}
