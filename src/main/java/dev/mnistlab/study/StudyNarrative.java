package dev.mnistlab.study;

import dev.mnistlab.analysis.Band;
import dev.mnistlab.analysis.LearningCurves;
import dev.mnistlab.analysis.StepComparison;
import dev.mnistlab.analysis.StudyAnalysis;
import dev.mnistlab.analysis.TrialRuns;
import dev.mnistlab.analysis.TrialSummary;
import dev.mnistlab.analysis.Welch;
import dev.mnistlab.report.Block;
import dev.mnistlab.train.TrainConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns a study's analysis into report blocks: the comparison table, the step-by-step explanation,
 * the diagnoses and the charts. Every sentence is built from computed records; nothing here knows
 * which study it describes.
 */
public final class StudyNarrative {
  private StudyNarrative() {}

  /** Returns the report of {@code study} with the runs stored so far. */
  public static List<Block> blocks(StudyDefinition study, List<TrialRuns> trials) {
    List<Block> blocks = new ArrayList<>();
    blocks.add(new Block.Heading(1, "Study " + study.name() + (study.quick() ? " (QUICK)" : "")));
    if (study.quick()) {
      blocks.add(
          new Block.Paragraph(
              (study.quickTrainLimit() > 0
                      ? String.format(
                          Locale.ROOT,
                          "QUICK RUN: one repeat, a fifth of the epochs and the first %,d "
                              + "training images, for a first look.",
                          study.quickTrainLimit())
                      : "QUICK RUN: one repeat and a fifth of the epochs, for a first look.")
                  + (study.trials().stream().anyMatch(t -> t.config().averagesWeights())
                      ? " Weight averages (EMA) are shortened with the runs, so each spans the"
                          + " same share of its run's steps as in the full study."
                      : "")
                  + " Without repeats, no difference below can be told from seed noise."));
    }
    int runs = trials.stream().mapToInt(t -> t.runs().size()).sum();
    blocks.add(
        new Block.Paragraph(
            (study.description().isBlank() ? "" : study.description() + " ")
                + String.format(
                    Locale.ROOT,
                    "%d trials, %d repeat(s) "
                        + "each over seeds; %d of %d runs stored. Intervals are 95%% t-intervals over the "
                        + "repeats; selection looks at validation accuracy, and the test set is only reported.",
                    trials.size(),
                    study.repeats(),
                    runs,
                    trials.size() * study.repeats())));
    StudyAnalysis analysis = StudyAnalysis.of(trials);
    blocks.add(new Block.Heading(2, "Trials"));
    blocks.add(summaryTable(analysis.summaries()));
    blocks.add(new Block.Heading(2, "Step by step"));
    List<String> steps = new ArrayList<>();
    for (int i = 0; i < analysis.comparisons().size(); i++) {
      steps.add(
          step(analysis.comparisons().get(i), trials.get(i), trials.get(i + 1))
              + cost(analysis.summaries().get(i), analysis.summaries().get(i + 1)));
    }
    blocks.add(new Block.Bullets(steps));
    blocks.addAll(DiagnosisText.blocks(analysis));
    blocks.add(new Block.Heading(2, "Learning curves"));
    List<LearningCurves> curves = analysis.curves().stream().filter(c -> c.epochs() > 0).toList();
    blocks.add(new Block.CurvesChart("all-trials", "All trials (mean and 95% band)", curves));
    for (LearningCurves c : curves) {
      blocks.add(new Block.CurvesChart(TrialDefinition.slugOf(c.trial()), c.trial(), List.of(c)));
    }
    return blocks;
  }

  private static Block.Table summaryTable(List<TrialSummary> summaries) {
    List<List<String>> rows = new ArrayList<>();
    for (TrialSummary s : summaries) {
      TrainConfig c = s.config();
      rows.add(
          List.of(
              s.name(),
              c.model(),
              String.valueOf(c.epochs()),
              String.valueOf(c.batchSize()),
              num(c.lr()),
              c.optimizer().cliName(),
              s.complete() + "/" + s.runs(),
              band(s.testAccuracy()),
              band(s.finalTrainLoss()),
              band(s.finalValLoss()),
              fixed(s.bestValEpoch().mean(), "%.1f"),
              fixed(s.seconds().mean(), "%.0f"),
              s.reportedAccuracy() == null ? "-" : num(s.reportedAccuracy()),
              s.reportedLoss() == null ? "-" : num(s.reportedLoss()),
              s.reportedInsideInterval() == null
                  ? "-"
                  : s.reportedInsideInterval() ? "yes" : "no"));
    }
    return new Block.Table(
        List.of(
            "trial",
            "model",
            "epochs",
            "batch",
            "lr",
            "optimizer",
            "runs ok",
            "test accuracy",
            "final train loss",
            "final val loss",
            "best val epoch",
            "seconds",
            "reported acc",
            "reported loss",
            "reported in interval"),
        rows);
  }

  private static String step(StepComparison s, TrialRuns before, TrialRuns after) {
    String changed =
        s.changes().isEmpty() ? "nothing but the name" : String.join(", ", s.changes());
    return String.format(
        Locale.ROOT,
        "%s -> %s: changed %s. Validation accuracy %s (%s); " + "test accuracy %s.%s Verdict: %s.",
        s.before(),
        s.after(),
        changed,
        diff(s.valAccuracy()),
        pValue(s.valAccuracy()),
        diff(s.testAccuracy()),
        perEpochs(s, before.config(), after.config()),
        verdict(s));
  }

  /** Says what a step cost: the mean wall time of a run before and after, and the difference. */
  private static String cost(TrialSummary before, TrialSummary after) {
    double a = before.seconds().mean();
    double b = after.seconds().mean();
    if (before.seconds().n() == 0 || after.seconds().n() == 0 || Double.isNaN(a + b)) {
      return " Time per run not measured (a side has no finished run).";
    }
    return String.format(
        Locale.ROOT,
        " Time per run %.0f s -> %.0f s (%+.0f s%s).",
        a,
        b,
        b - a,
        a > 0 ? String.format(Locale.ROOT, ", x%.2g", b / a) : "");
  }

  /** Says what each ten extra epochs bought, when the epoch count is all that changed. */
  private static String perEpochs(StepComparison s, TrainConfig a, TrainConfig b) {
    if (s.changes().size() != 1
        || a.epochs() == b.epochs()
        || !Double.isFinite(s.valAccuracy().difference())) {
      return "";
    }
    double per10 = s.valAccuracy().difference() / ((b.epochs() - a.epochs()) / 10.0);
    return String.format(
        Locale.ROOT, " That is %+.4f validation accuracy per 10 extra " + "epochs.", per10);
  }

  private static String verdict(StepComparison s) {
    return switch (s.verdict()) {
      case BETTER -> "better";
      case WORSE -> "worse";
      case WITHIN_NOISE -> "within seed noise";
      case UNKNOWN -> "unknown (fewer than two runs a side: noise cannot be measured)";
    };
  }

  static String diff(Welch w) {
    if (!Double.isFinite(w.difference())) {
      return "not measured (a side has no finished run)";
    }
    if (Double.isNaN(w.low())) {
      return String.format(Locale.ROOT, "%+.4f", w.difference());
    }
    return String.format(Locale.ROOT, "%+.4f [%+.4f, %+.4f]", w.difference(), w.low(), w.high());
  }

  private static String pValue(Welch w) {
    return Double.isNaN(w.p())
        ? "p not defined"
        : String.format(Locale.ROOT, "Welch p = %.3g", w.p());
  }

  public static String band(Band b) {
    if (b.n() == 0 || Double.isNaN(b.mean())) {
      return "-";
    }
    if (b.n() == 1) {
      return String.format(Locale.ROOT, "%.4f", b.mean());
    }
    return String.format(Locale.ROOT, "%.4f [%.4f, %.4f]", b.mean(), b.low(), b.high());
  }

  /** Returns {@code v} in {@code format}, or "-" when no finished run gave it. */
  private static String fixed(double v, String format) {
    return Double.isFinite(v) ? String.format(Locale.ROOT, format, v) : "-";
  }

  static String num(double v) {
    return String.format(Locale.ROOT, "%.4g", v);
  }
}
