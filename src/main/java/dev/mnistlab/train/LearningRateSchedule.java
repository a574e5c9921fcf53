package dev.mnistlab.train;

/**
 * Computes the learning rate at each optimizer step from the schedule, the base rate, the warm-up
 * and the run's total number of steps.
 *
 * <p>A linear warm-up from 0 to the base rate replaces the schedule's first {@code warmupSteps}
 * steps (for {@code onecycle}, the warm-up sets the length of its rising phase instead).
 */
final class LearningRateSchedule {
  private final ScheduleKind kind;
  private final double base;
  private final long totalSteps;
  private final long warmupSteps;

  LearningRateSchedule(ScheduleKind kind, double base, long totalSteps, long warmupSteps) {
    this.kind = kind;
    this.base = base;
    this.totalSteps = Math.max(1, totalSteps);
    this.warmupSteps = Math.min(warmupSteps, this.totalSteps);
  }

  /** Returns the rate for 1-based step {@code step}. */
  double at(long step) {
    long s = Math.max(1, Math.min(step, totalSteps));
    if (kind == ScheduleKind.ONECYCLE) {
      return oneCycle(s);
    }
    if (s <= warmupSteps) {
      return base * s / warmupSteps;
    }
    // The fraction of the post-warm-up steps done before this one: 0 at its first step.
    double progress = (double) (s - 1 - warmupSteps) / Math.max(1, totalSteps - warmupSteps);
    return switch (kind) {
      case CONSTANT -> base;
      case STEP -> base * Math.pow(0.1, Math.min(2, (int) Math.floor(progress * 3)));
      case COSINE -> base * 0.5 * (1 + Math.cos(Math.PI * progress));
      case ONECYCLE -> throw new AssertionError("handled above");
    };
  }

  private double oneCycle(long s) {
    long rise = warmupSteps > 0 ? warmupSteps : Math.max(1, Math.round(0.3 * totalSteps));
    double start = base / 25;
    double end = start / 1e4;
    if (s <= rise) {
      return start + (base - start) * 0.5 * (1 - Math.cos(Math.PI * s / rise));
    }
    double t = (double) (s - rise) / Math.max(1, totalSteps - rise);
    return end + (base - end) * 0.5 * (1 + Math.cos(Math.PI * t));
  }
}
