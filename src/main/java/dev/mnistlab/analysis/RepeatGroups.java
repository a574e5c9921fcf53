package dev.mnistlab.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Groups a search's complete trials that share every parameter value (the same configuration run
 * again, with another seed), each group with the mean of its values and the 95% interval: how far
 * one configuration moves between seeds, which single-run comparisons cannot say.
 *
 * @param groups configurations run more than once, best mean first
 */
public record RepeatGroups(List<Group> groups) {

  /**
   * One configuration's runs.
   *
   * @param params the shared values
   * @param numbers the trials that ran it, by number
   * @param values their objective values, in the same order
   * @param band the mean with its 95% interval
   */
  public record Group(
      Map<String, Object> params, List<Integer> numbers, List<Double> values, Band band) {
    public Group {
      params = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
      numbers = List.copyOf(numbers);
      values = List.copyOf(values);
      Objects.requireNonNull(band, "band");
    }
  }

  public RepeatGroups {
    groups = List.copyOf(groups);
  }

  /** Returns the configurations among {@code trials} that completed more than once. */
  public static RepeatGroups of(List<SearchTrial> trials, boolean maximize) {
    Map<String, List<SearchTrial>> byConfig = new LinkedHashMap<>();
    trials.stream()
        .filter(SearchTrial::scored)
        .sorted(Comparator.comparingInt(SearchTrial::number))
        .forEach(t -> byConfig.computeIfAbsent(key(t.params()), k -> new ArrayList<>()).add(t));
    List<Group> groups = new ArrayList<>();
    for (List<SearchTrial> runs : byConfig.values()) {
      if (runs.size() < 2) {
        continue;
      }
      List<Double> values = runs.stream().map(SearchTrial::value).toList();
      groups.add(
          new Group(
              runs.get(0).params(),
              runs.stream().map(SearchTrial::number).toList(),
              values,
              Stats.band(values)));
    }
    Comparator<Group> byMean = Comparator.comparingDouble(g -> g.band().mean());
    groups.sort(maximize ? byMean.reversed() : byMean);
    return new RepeatGroups(groups);
  }

  /** Numbers compare by value, so a stored 3 and 3.0 are one configuration. */
  private static String key(Map<String, Object> params) {
    StringBuilder key = new StringBuilder();
    params.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(
            e -> {
              Object v = e.getValue();
              key.append(e.getKey())
                  .append('=')
                  .append(v instanceof Number n ? Double.toString(n.doubleValue()) : v)
                  .append('\u0000');
            });
    return key.toString();
  }
}
