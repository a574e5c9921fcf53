package dev.mnistlab.search;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Makes a parameter apply only when an earlier parameter took one of some values, e.g. {@code
 * units_2} only when {@code layers} is 2 or 3, {@code momentum} only for SGD.
 *
 * @param param the earlier parameter's name
 * @param values the values of it under which the parameter applies
 */
public record Condition(String param, List<Object> values) {
  public Condition {
    Objects.requireNonNull(param, "param");
    values = List.copyOf(values);
  }

  /** Returns whether the condition holds for the parameters chosen so far. */
  public boolean holds(Map<String, Object> chosen) {
    Object value = chosen.get(param);
    return value != null && values.stream().anyMatch(v -> Values.same(v, value));
  }
}
