package dev.mnistlab.search;

import java.util.List;

/**
 * Decides whether a running trial should stop after its latest epoch.
 *
 * <p>A pruner is a pure function of what it is given, so the decision is the same in every process
 * and on every re-run; it is called once per epoch, in order. Implementations are immutable and
 * thread-safe.
 */
public interface Pruner {

  /**
   * Returns whether trial {@code number}, whose objective after epochs 1..k is {@code curve},
   * should stop now.
   *
   * @param others the finished trials it is compared with (earlier ones; their curves may end early
   *     where they were pruned)
   */
  boolean prune(int number, List<Double> curve, List<Curve> others);

  /**
   * Returns whether the decision depends on how earlier trials ended ({@link Curve#complete()}),
   * not only on their values; the caller must then wait for them to finish before asking.
   */
  default boolean readsOutcomes() {
    return false;
  }
}
