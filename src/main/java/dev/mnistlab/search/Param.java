package dev.mnistlab.search;

import java.util.Objects;

/**
 * Names one parameter of a search space, its distribution and when it applies.
 *
 * @param name unique within its space, e.g. {@code lr} or {@code units_2}
 * @param distribution the values it may take
 * @param condition when it applies, or null for always
 */
public record Param(String name, Distribution distribution, Condition condition) {
  public Param {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(distribution, "distribution");
  }
}
