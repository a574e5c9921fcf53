package dev.mnistlab.storage;

/** Says whether a study's objective is better when larger or when smaller. */
public enum Direction {
  MAXIMIZE,
  MINIMIZE;

  /** Returns whether {@code a} is better than {@code b} in this direction. */
  public boolean isBetter(double a, double b) {
    return this == MAXIMIZE ? a > b : a < b;
  }
}
