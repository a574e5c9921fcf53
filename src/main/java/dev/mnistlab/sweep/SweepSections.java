package dev.mnistlab.sweep;

import dev.mnistlab.analysis.Band;
import dev.mnistlab.analysis.EpochEffect;
import dev.mnistlab.analysis.FactorEffect;
import dev.mnistlab.analysis.GridEffect;
import dev.mnistlab.analysis.LevelSummary;
import dev.mnistlab.analysis.MiniBatchNoise;
import dev.mnistlab.analysis.NoiseEffect;
import dev.mnistlab.report.Block;
import dev.mnistlab.study.DiagnosisText;
import dev.mnistlab.study.StudyNarrative;
import dev.mnistlab.study.TrialDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Builds the sweep report's sections after the factors: epochs, the grid, mini-batch noise. */
final class SweepSections {
  private SweepSections() {}

  /** Returns the epoch section: how it is read, a table per epoch, the curves, findings. */
  static List<Block> epochs(EpochEffect e, String tag) {
    List<Block> blocks = new ArrayList<>();
    blocks.add(new Block.Heading(2, "Epochs"));
    blocks.add(
        new Block.Paragraph(
            String.format(
                Locale.ROOT,
                "The epoch count is read from "
                    + "the learning curves of %s (%d completed run(s), %d epochs) instead of training again "
                    + "per count: stopping after epoch k gives the model these curves show at epoch k, as "
                    + "long as the schedule does not depend on the total. 'vs best epoch' is each run's "
                    + "validation accuracy at that epoch minus at the best epoch, averaged over runs with "
                    + "its paired 95%% interval; an epoch is within noise of the best when that interval "
                    + "reaches 0 ('-' where runs are too few, or agree exactly, to measure noise).",
                e.trial(),
                e.runs(),
                e.epochs())));
    List<List<String>> rows = new ArrayList<>();
    for (int k = 1; k <= e.epochs(); k++) {
      Band gap = e.gapToBest().get(k - 1);
      rows.add(
          List.of(
              String.valueOf(k),
              StudyNarrative.band(e.curves().valAccuracy().get(k - 1)),
              StudyNarrative.band(e.curves().valLoss().get(k - 1)),
              signedBand(gap),
              !e.noiseMeasured(k) ? "-" : e.withinNoiseOfBest(k) ? "yes" : "no"));
    }
    blocks.add(
        new Block.Table(
            List.of(
                "epoch",
                "val accuracy [95%]",
                "val loss [95%]",
                "vs best epoch",
                "within noise of best"),
            rows));
    blocks.add(
        new Block.CurvesChart(
            "curves-epochs",
            "Learning curves of " + e.trial() + " (mean and 95% band)" + tag,
            List.of(e.curves())));
    blocks.add(new Block.Bullets(e.findings()));
    return blocks;
  }

  /** Returns the grid section: a heatmap of mean accuracy and the findings. */
  static List<Block> grid(GridEffect g, String tag) {
    List<Block> blocks = new ArrayList<>();
    blocks.add(new Block.Heading(2, "Grid: " + g.rowFactor() + " x " + g.columnFactor()));
    blocks.add(
        new Block.Paragraph(
            "Every pair of values ran. Each cell is the mean final "
                + "validation accuracy over the cell's completed runs; a cell whose runs all diverged "
                + "has none, and a cell where some diverged says how many."));
    List<List<String>> cells = new ArrayList<>();
    for (int r = 0; r < g.rows().size(); r++) {
      List<String> row = new ArrayList<>();
      for (int c = 0; c < g.columns().size(); c++) {
        row.add(cellText(g.cell(r, c)));
      }
      cells.add(row);
    }
    blocks.add(
        new Block.Heatmap(
            "grid-"
                + TrialDefinition.slugOf(g.rowFactor())
                + "-"
                + TrialDefinition.slugOf(g.columnFactor()),
            "Mean final validation accuracy, " + g.rowFactor() + " by " + g.columnFactor() + tag,
            g.rowFactor(),
            g.columnFactor(),
            g.rows(),
            g.columns(),
            g.meanAccuracy(),
            cells));
    blocks.add(new Block.Bullets(g.findings()));
    return blocks;
  }

  /** Returns e.g. "0.9712", "0.9712, 1/3 diverged", "diverged 3/3" or "no runs". */
  static String cellText(LevelSummary cell) {
    if (cell.runs() == 0) {
      return "no runs";
    }
    if (!cell.hasResult()) {
      return cell.diverged() > 0
          ? "diverged " + cell.diverged() + "/" + cell.runs()
          : "failed " + cell.failed() + "/" + cell.runs();
    }
    String mean = String.format(Locale.ROOT, "%.4f", cell.finalValAccuracy().mean());
    return cell.diverged() == 0
        ? mean
        : mean + ", " + cell.diverged() + "/" + cell.runs() + " diverged";
  }

  /**
   * Returns the mini-batch noise section for each factor whose values change the batch size or the
   * optimizer: a table, a chart of the spread against the value, the findings.
   */
  static List<Block> noise(List<FactorEffect> factors, String tag) {
    List<Block> blocks = new ArrayList<>();
    blocks.add(new Block.Heading(2, "Mini-batch noise"));
    blocks.add(
        new Block.Paragraph(
            String.format(
                Locale.ROOT,
                "Each step's loss is measured "
                    + "on one mini-batch, so it scatters around the trend. The spread below is the "
                    + "standard deviation of the sampled step losses around their centred moving average "
                    + "(%d samples), over the second half of training, averaged over completed runs; "
                    + "'relative' divides it by the moving average. A mini-batch of B images averages B "
                    + "per-image losses, so for independent images the spread falls like B^-0.5: x4 the "
                    + "batch, half the spread.",
                MiniBatchNoise.WINDOW)));
    boolean any = false;
    for (FactorEffect f : factors) {
      NoiseEffect n = NoiseEffect.of(f);
      if (!n.byBatchSize() && !n.byOptimizer()) {
        continue;
      }
      any = true;
      blocks.add(new Block.Heading(3, "Noise by " + f.factor()));
      List<List<String>> rows = new ArrayList<>();
      boolean unfinished = false;
      boolean unmeasured = false;
      List<Band> spread = new ArrayList<>();
      List<Band> relative = new ArrayList<>();
      for (int i = 0; i < n.labels().size(); i++) {
        MiniBatchNoise m = n.noise().get(i);
        rows.add(DiagnosisText.noiseRow(n.labels().get(i), m));
        if (!m.measured()) {
          if (f.levels().get(i).runs() == 0) {
            unfinished = true;
          } else {
            unmeasured = true;
          }
        }
        // One number per value: a band without ends, so the chart draws no interval.
        spread.add(new Band(m.noise(), Double.NaN, Double.NaN, 1));
        relative.add(new Band(100 * m.relativeNoise(), Double.NaN, Double.NaN, 1));
      }
      blocks.add(
          new Block.Table(
              List.of(
                  f.factor(),
                  "batch",
                  "optimizer",
                  "mean loss",
                  "step-loss sd",
                  "relative",
                  "samples"),
              rows));
      if (unfinished || unmeasured) {
        blocks.add(new Block.Paragraph(DiagnosisText.noiseFootnote(unfinished, unmeasured)));
      }
      List<Double> xs =
          f.numeric() ? f.levels().stream().map(LevelSummary::value).toList() : List.of();
      blocks.add(
          new Block.FactorChart(
              "noise-" + TrialDefinition.slugOf(f.factor()),
              "Step-loss spread around its moving average, by " + f.factor() + tag,
              f.factor(),
              n.labels(),
              xs,
              f.logScale(),
              List.of(
                  new Block.FactorChart.Panel(
                      "Step-loss sd" + tag,
                      "sd of step loss",
                      List.of(new Block.FactorChart.Series("step-loss sd", spread))),
                  new Block.FactorChart.Panel(
                      "Relative to the loss" + tag,
                      "% of moving average",
                      List.of(new Block.FactorChart.Series("relative sd", relative))))));
      blocks.add(new Block.Bullets(n.findings()));
    }
    if (!any) {
      blocks.add(
          new Block.Paragraph(
              "No swept factor changes the batch size or the "
                  + "optimizer, so there is no comparison of mini-batch noise."));
    }
    return blocks;
  }

  private static String number(double v) {
    return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.4f", v);
  }

  private static String signedBand(Band b) {
    if (b.n() == 0 || Double.isNaN(b.mean())) {
      return "-";
    }
    if (b.n() == 1) {
      return String.format(Locale.ROOT, "%+.4f", b.mean());
    }
    return String.format(Locale.ROOT, "%+.4f [%+.4f, %+.4f]", b.mean(), b.low(), b.high());
  }
}
