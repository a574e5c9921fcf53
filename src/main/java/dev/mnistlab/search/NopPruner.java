package dev.mnistlab.search;

import java.util.List;

/** Never stops a trial early: every trial trains all its epochs ({@code --pruner none}). */
final class NopPruner implements Pruner {

  @Override
  public boolean prune(int number, List<Double> curve, List<Curve> others) {
    return false;
  }

  /** Returns {@code none}. */
  @Override
  public String toString() {
    return "none";
  }
}
