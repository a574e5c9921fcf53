package dev.mnistlab.sweep;

import dev.mnistlab.analysis.Band;
import dev.mnistlab.analysis.EpochEffect;
import dev.mnistlab.analysis.FactorEffect;
import dev.mnistlab.analysis.GridEffect;
import dev.mnistlab.analysis.LearningCurves;
import dev.mnistlab.analysis.LevelSummary;
import dev.mnistlab.report.Block;
import dev.mnistlab.study.StudyNarrative;
import dev.mnistlab.study.TrialDefinition;
import dev.mnistlab.train.TrainConfig;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * Turns the analysis of a sweep into report blocks: per factor a table, a chart of the final
 * accuracy and losses against the factor's values, the learning curves of every value overlaid and
 * the findings in words; then the effect of the epoch count, the two-factor grid and the mini-batch
 * noise. Every sentence comes from a computed record; nothing here trains or reads storage.
 */
public final class SweepNarrative {
  /** The label added to the title and every chart's title of a quick sweep. */
  static final String QUICK = " (QUICK)";

  private SweepNarrative() {}

  /**
   * Returns the report of a sweep, ready for {@code TerminalRenderer} or {@code
   * ReportWriter.writeAll}.
   *
   * <p>The caller groups its stored runs by factor and value and analyses them first: {@code
   * FactorEffect.of(factor, levels, logScale)} per swept factor, with one {@code FactorLevel(label,
   * value, TrialRuns)} per value (value NaN for a categorical factor such as the optimizer or the
   * layers); {@code EpochEffect.of(trialRuns)} of the runs with the most epochs (usually the base
   * config); {@code GridEffect.of("lr", "batch_size", true, cells)} for a grid, with the learning
   * rate on rows so that its scaling check reads as the linear-scaling rule. Mini-batch noise needs
   * no input of its own: it is drawn for each factor whose values change the batch size or the
   * optimizer, from the step losses the runs sampled.
   *
   * @param title the report's title, e.g. {@code Sweep around trial 7}
   * @param quick whether this was a quick sweep (fewer values, one run per value, a training
   *     subset); the title, the introduction, every chart's title and the panel titles of the
   *     factor charts (which a PNG shows on its own) then say QUICK
   * @param factors one effect per swept factor, in the order to report them
   * @param epochs the effect of the epoch count, or null to leave that section out
   * @param grid the two-factor grid, or null when there was none
   * @param base the config every factor is swept around (named in the introduction)
   * @throws NullPointerException when title, factors or base is null
   */
  public static List<Block> blocks(
      String title,
      boolean quick,
      List<FactorEffect> factors,
      EpochEffect epochs,
      GridEffect grid,
      TrainConfig base) {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(factors, "factors");
    Objects.requireNonNull(base, "base");
    String tag = quick ? QUICK : "";
    List<Block> blocks = new ArrayList<>();
    blocks.add(new Block.Heading(1, title + tag));
    if (quick) {
      blocks.add(
          new Block.Paragraph(
              "QUICK SWEEP: fewer values, one run per value and "
                  + (base.trainLimit() > 0 ? "the first " + base.trainLimit() : "all")
                  + " training images, for a first look. With one run per value noise cannot be "
                  + "measured, so no value below can be called better than another."));
    }
    blocks.add(new Block.Paragraph(intro(factors, base)));
    for (FactorEffect factor : factors) {
      blocks.addAll(factor(factor, tag));
    }
    if (epochs != null) {
      blocks.addAll(SweepSections.epochs(epochs, tag));
    }
    if (grid != null) {
      blocks.addAll(SweepSections.grid(grid, tag));
    }
    blocks.addAll(SweepSections.noise(factors, tag));
    return List.copyOf(blocks);
  }

  private static String intro(List<FactorEffect> factors, TrainConfig base) {
    int runs =
        factors.stream()
            .flatMap(f -> f.levels().stream())
            .mapToInt(LevelSummary::runs)
            .max()
            .orElse(0);
    return String.format(
        Locale.ROOT,
        "Each factor is swept one at a time around the base "
            + "config: model %s, optimizer %s, lr %s, batch size %d, %d epochs; everything not "
            + "swept stays as it is. Up to %d run(s) per value, over seeds. Intervals are 95%% "
            + "t-intervals over the runs, and values are compared by their final validation "
            + "accuracy with Welch's t-test; the test set is not used to choose. A run whose loss "
            + "became NaN or infinite counts as diverged: it is reported apart, with the step "
            + "where it happened, and left out of the means rather than averaged in as accuracy "
            + "0.",
        base.model(),
        base.optimizer().cliName(),
        plain(base.lr()),
        base.batchSize(),
        base.epochs(),
        runs);
  }

  /** Returns a factor's section: heading, what was swept, table, chart, curves, findings. */
  static List<Block> factor(FactorEffect f, String tag) {
    List<Block> blocks = new ArrayList<>();
    List<LevelSummary> levels = f.levels();
    blocks.add(new Block.Heading(2, "Factor: " + f.factor()));
    List<String> labels = levels.stream().map(LevelSummary::label).toList();
    blocks.add(
        new Block.Paragraph(
            String.format(
                Locale.ROOT,
                "%s takes %d value(s)%s: %s.",
                f.factor(),
                levels.size(),
                f.logScale() ? " on a log grid" : "",
                String.join(", ", labels))));
    blocks.add(table(f));
    String slug = TrialDefinition.slugOf(f.factor());
    List<Double> xs = f.numeric() ? levels.stream().map(LevelSummary::value).toList() : List.of();
    blocks.add(
        new Block.FactorChart(
            "factor-" + slug,
            f.factor() + ": final accuracy and " + "loss per value (mean and 95% band)" + tag,
            f.factor(),
            labels,
            xs,
            f.logScale(),
            List.of(
                new Block.FactorChart.Panel(
                    "Final validation accuracy" + tag,
                    "accuracy",
                    List.of(series("validation accuracy", levels, LevelSummary::finalValAccuracy))),
                new Block.FactorChart.Panel(
                    "Final loss" + tag,
                    "loss",
                    List.of(
                        series("training loss", levels, LevelSummary::finalTrainLoss),
                        series("validation loss", levels, LevelSummary::finalValLoss))))));
    List<LearningCurves> curves = new ArrayList<>();
    for (LevelSummary level : levels) {
      LearningCurves c = level.curves();
      if (c.epochs() > 0) {
        curves.add(new LearningCurves(f.name(level), c.trainLoss(), c.valLoss(), c.valAccuracy()));
      }
    }
    blocks.add(
        new Block.CurvesChart(
            "curves-" + slug,
            f.factor() + ": learning curves per " + "value (mean and 95% band)" + tag,
            curves));
    blocks.add(new Block.Bullets(f.findings()));
    return blocks;
  }

  private static Block.FactorChart.Series series(
      String name, List<LevelSummary> levels, Function<LevelSummary, Band> value) {
    return new Block.FactorChart.Series(name, levels.stream().map(value).toList());
  }

  private static Block.Table table(FactorEffect f) {
    List<List<String>> rows = new ArrayList<>();
    for (LevelSummary l : f.levels()) {
      rows.add(
          List.of(
              l.label(),
              String.valueOf(l.runs()),
              diverged(l),
              StudyNarrative.band(l.finalValAccuracy()),
              standing(l),
              StudyNarrative.band(l.finalTrainLoss()),
              StudyNarrative.band(l.finalValLoss()),
              l.bestEpoch() == 0 ? "-" : String.valueOf(l.bestEpoch()),
              Double.isNaN(l.seconds().mean())
                  ? "-"
                  : String.format(Locale.ROOT, "%.0f", l.seconds().mean())));
    }
    return new Block.Table(
        List.of(
            f.factor(),
            "runs",
            "diverged",
            "final val accuracy [95%]",
            "vs best",
            "final train loss",
            "final val loss",
            "best epoch (val loss)",
            "seconds"),
        rows);
  }

  private static String diverged(LevelSummary l) {
    if (l.diverged() == 0) {
      return "0";
    }
    List<Long> steps = l.divergedAtSteps();
    if (steps.isEmpty()) {
      return String.valueOf(l.diverged());
    }
    // "~" marks a median over seeds that diverged at different steps, as the findings do.
    boolean same = steps.get(0).equals(steps.get(steps.size() - 1));
    return l.diverged() + " (step " + (same ? "" : "~") + l.medianDivergenceStep() + ")";
  }

  /** Returns a number as written by hand: 0.001, not 0.001000 or 1.0E-3. */
  private static String plain(double v) {
    return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }

  private static String standing(LevelSummary l) {
    return switch (l.standing()) {
      case BEST -> "best";
      case WITHIN_NOISE ->
          String.format(Locale.ROOT, "within noise (p = %.2g)", l.versusBest().p());
      case WORSE -> String.format(Locale.ROOT, "worse (%+.4f)", l.versusBest().difference());
      case UNDECIDED -> "noise unknown";
      case NO_RESULT -> "no result";
    };
  }
}
