package dev.mnistlab.sweep;

import dev.mnistlab.report.Block;
import dev.mnistlab.train.OptimizerKind;
import dev.mnistlab.train.TrainConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Says how a sweep was run, for the end of its report: the factors and values, seeds and runs, how
 * the epoch count was read, and how each optimizer's learning rate was chosen.
 */
public final class SweepPlanText {
  private SweepPlanText() {}

  /** Returns the section "How this sweep was run" for {@code plan}. */
  public static List<Block> blocks(SweepPlan plan) {
    TrainConfig b = plan.base();
    List<String> items = new ArrayList<>();
    items.add(
        String.format(
            Locale.ROOT,
            "Base: %s: %s, %s, lr %s, batch %d, %d epochs%s.",
            plan.baseLabel(),
            b.model(),
            b.optimizer().cliName(),
            number(b.lr()),
            b.batchSize(),
            b.epochs(),
            b.trainLimit() > 0 ? ", the first " + b.trainLimit() + " training images" : ""));
    for (SweepFactor f : plan.factors()) {
      items.add(
          f.name()
              + ": "
              + String.join(f.name().equals("layers") ? "; " : ", ", f.values())
              + (f.scale() == SweepFactor.Scale.LOG ? " (log scale)" : "")
              + ".");
    }
    if (!plan.grid().isEmpty()) {
      items.add("Grid: every " + plan.grid().get(0) + " with every " + plan.grid().get(1) + ".");
    }
    long configs = plan.requests().stream().map(r -> r.config().withSeed(0)).distinct().count();
    items.add(
        String.format(
            Locale.ROOT,
            "%d configs x %d seed(s) (%d to %d) = %d runs; a "
                + "config shared by several factors (the base is in each) is trained once.",
            configs,
            plan.repeats(),
            b.seed(),
            b.seed() + plan.repeats() - 1,
            plan.requests().size()));
    plan.factors().stream()
        .filter(SweepFactor::isEpochs)
        .findFirst()
        .ifPresent(
            f ->
                items.add(
                    plan.epochsFromCurves()
                        ? "Epochs: every count is read from the learning curves of the "
                            + f.values().stream().mapToInt(Integer::parseInt).max().orElseThrow()
                            + "-epoch runs (the learning rate does not depend on the run's length), "
                            + "which saved "
                            + plan.runsSavedByCurves()
                            + " runs."
                        : "Epochs: the "
                            + b.schedule().cliName()
                            + " schedule"
                            + (b.earlyStop() > 0 ? " with early stopping" : "")
                            + " depends on the run's length, so each epoch count was trained on its own."));
    if (plan.factors().stream().anyMatch(f -> f.name().equals("optimizer"))) {
      items.add(
          "Optimizers at a fair learning rate each, not tuned: the same effective step "
              + "as plain SGD at 0.1, so momentum and Nesterov (momentum 0.9, 10x the step) get "
              + "0.01; Adam, AdamW and RMSprop, whose step is about the learning rate itself, "
              + "their authors' 1e-3; Adagrad PyTorch's 1e-2; AdamW also PyTorch's weight decay 0.01 "
              + "when the base has none, or it would be Adam ("
              + java.util.Arrays.stream(OptimizerKind.values())
                  .map(k -> k.cliName() + " " + number(FactorSetting.fairLr(k)))
                  .collect(Collectors.joining(", "))
              + ").");
    }
    if (plan.quick()) {
      items.add(
          "QUICK: fewer values, a subset of the training images and few epochs"
              + (plan.repeats() == 1
                  ? "; with one seed per value no difference can be told " + "from seed noise."
                  : "."));
    }
    return List.of(new Block.Heading(2, "How this sweep was run"), new Block.Bullets(items));
  }

  private static String number(double x) {
    return new java.math.BigDecimal(x)
        .round(new java.math.MathContext(3))
        .stripTrailingZeros()
        .toString()
        .replace("E-", "e-")
        .replace("E+", "e");
  }
}
