package dev.mnistlab.search;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Holds a search space: its parameters in order, each after the parameters its condition names, so
 * that choosing them in order always knows which apply.
 *
 * @param name the space's name, e.g. {@code mlp}
 * @param params the parameters, conditions only naming earlier ones
 * @param first points of the space to try before any sampled one, in order (known good settings, as
 *     Ray Tune's {@code points_to_evaluate} or Optuna's {@code enqueue_trial})
 */
public record SearchSpace(String name, List<Param> params, List<Map<String, Object>> first) {
  /** Creates a space with no points to try first. */
  public SearchSpace(String name, List<Param> params) {
    this(name, params, List.of());
  }

  public SearchSpace {
    Objects.requireNonNull(name, "name");
    params = List.copyOf(params);
    first =
        first.stream()
            .map(p -> java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(p)))
            .toList();
    Set<String> seen = new HashSet<>();
    for (Param p : params) {
      if (p.condition() != null && !seen.contains(p.condition().param())) {
        throw new IllegalArgumentException(
            "parameter '"
                + p.name()
                + "' depends on '"
                + p.condition().param()
                + "', which must come before it");
      }
      if (!seen.add(p.name())) {
        throw new IllegalArgumentException("parameter '" + p.name() + "' appears twice");
      }
    }
    for (Map<String, Object> point : first) {
      if (!fits(point, params)) {
        throw new IllegalArgumentException("a first point is not a point of the space: " + point);
      }
    }
  }

  /** Returns the parameter named {@code name}, or null. */
  public Param param(String name) {
    return params.stream().filter(p -> p.name().equals(name)).findFirst().orElse(null);
  }

  /** Returns whether {@code p} applies given the parameters chosen before it. */
  public static boolean applies(Param p, Map<String, Object> chosen) {
    return p.condition() == null || p.condition().holds(chosen);
  }

  /** Returns the parameters that apply to a full assignment, in order. */
  public List<Param> active(Map<String, Object> assignment) {
    List<Param> active = new ArrayList<>();
    for (Param p : params) {
      if (applies(p, assignment)) {
        active.add(p);
      }
    }
    return active;
  }

  /**
   * Returns whether {@code assignment} is a point of this space: every parameter that applies has a
   * value it allows, and no other parameter has one.
   */
  public boolean fits(Map<String, Object> assignment) {
    return fits(assignment, params);
  }

  private static boolean fits(Map<String, Object> assignment, List<Param> params) {
    List<Param> active = new ArrayList<>();
    for (Param p : params) {
      if (applies(p, assignment)) {
        active.add(p);
      }
    }
    if (active.size() != assignment.size()) {
      return false;
    }
    for (Param p : active) {
      if (!assignment.containsKey(p.name())
          || !p.distribution().contains(assignment.get(p.name()))) {
        return false;
      }
    }
    return true;
  }
}
