package dev.mnistlab.study;

import dev.mnistlab.analysis.Diagnoses;
import dev.mnistlab.analysis.Instability;
import dev.mnistlab.analysis.LossFloor;
import dev.mnistlab.analysis.MiniBatchNoise;
import dev.mnistlab.analysis.Overfitting;
import dev.mnistlab.analysis.Selection;
import dev.mnistlab.analysis.StillImproving;
import dev.mnistlab.analysis.StudyAnalysis;
import dev.mnistlab.report.Block;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Says in words what each diagnosis record found, with its numbers. */
public final class DiagnosisText {
  /** Stands in a table for a number there is none of; a footnote says why. */
  static final String MISSING = "\u2014";

  private static final String NO_RUN =
      "no run has finished yet (a waiting or running trial "
          + "shows results once an attempt finishes)";

  private DiagnosisText() {}

  static List<Block> blocks(StudyAnalysis analysis) {
    List<Block> blocks = new ArrayList<>();
    List<String> floors = new ArrayList<>();
    List<String> fits = new ArrayList<>();
    List<String> unstable = new ArrayList<>();
    List<List<String>> noise = new ArrayList<>();
    boolean unfinished = false;
    boolean unmeasured = false;
    for (int t = 0; t < analysis.diagnoses().size(); t++) {
      Diagnoses d = analysis.diagnoses().get(t);
      MiniBatchNoise m = d.miniBatchNoise();
      if (analysis.summaries().get(t).runs() == 0) {
        // A waiting or running trial has no finished run: nothing to diagnose yet.
        unfinished = true;
        fits.add(d.trial() + ": " + NO_RUN + ".");
        noise.add(noiseRow(d.trial(), m));
        continue;
      }
      unmeasured |= !m.measured();
      LossFloor f = d.lossFloor();
      if (f.hasFloor() && Double.isFinite(f.lowestTrainLoss())) {
        floors.add(
            String.format(
                Locale.ROOT,
                "%s: the last layer bounds the loss below at "
                    + "%.4f; the lowest epoch training loss any run reached is %.4f (epoch %d), %.4f "
                    + "above the floor%s.",
                d.trial(),
                f.floor(),
                f.lowestTrainLoss(),
                f.lowestEpoch(),
                f.gap(),
                f.staysAboveFloor() ? "" : " (below it: check the spec)"));
      }
      fits.add(fit(d.overfitting(), d.stillImproving()));
      Instability i = d.instability();
      if (!Double.isNaN(i.lateAccuracySd())) {
        unstable.add(
            String.format(
                Locale.ROOT,
                "%s: validation accuracy over the last %d "
                    + "epochs varies with sd %.4f; its largest fall between epochs is %.4f (epoch %d).",
                d.trial(),
                i.window(),
                i.lateAccuracySd(),
                i.largestDrop(),
                i.dropEpoch()));
      }
      noise.add(noiseRow(d.trial(), m));
    }
    blocks.add(new Block.Heading(2, "Diagnoses"));
    if (!floors.isEmpty()) {
      blocks.add(new Block.Heading(3, "Loss floor"));
      blocks.add(
          new Block.Paragraph(
              "A sigmoid (or softmax, or tanh) as the last layer feeds "
                  + "squashed values to softmax cross-entropy, so even perfect outputs keep a loss: "
                  + "for a sigmoid, 1 for the true digit and 0 for the nine others still cost "
                  + "ln(1+9/e) = 1.4612. Training losses that stay just above that are the floor, "
                  + "not underfitting."));
      blocks.add(new Block.Bullets(floors));
    }
    blocks.add(new Block.Heading(3, "Overfitting and underfitting"));
    blocks.add(new Block.Bullets(fits));
    if (!unstable.isEmpty()) {
      blocks.add(new Block.Heading(3, "Instability"));
      blocks.add(new Block.Bullets(unstable));
    }
    blocks.add(new Block.Heading(3, "Mini-batch noise"));
    blocks.add(
        new Block.Paragraph(
            "Each step's loss is measured on one mini-batch, so it "
                + "scatters around the trend: the spread below is the standard deviation of sampled "
                + "step losses around their centred moving average (21 samples), in the second half "
                + "of training. Smaller batches see fewer images per step and scatter more; that is "
                + "why the seed's SGD loss 'jumps around'."));
    blocks.add(
        new Block.Table(
            List.of(
                "trial", "batch", "optimizer", "mean loss", "step-loss sd", "relative", "samples"),
            noise));
    if (unfinished || unmeasured) {
      blocks.add(new Block.Paragraph(noiseFootnote(unfinished, unmeasured)));
    }
    blocks.add(new Block.Heading(2, "Which trial to choose"));
    blocks.add(new Block.Paragraph(choice(analysis.selection())));
    return blocks;
  }

  /** Returns a noise table's row: its label, batch, optimizer and four measures. */
  public static List<String> noiseRow(String label, MiniBatchNoise m) {
    return List.of(
        label,
        String.valueOf(m.batchSize()),
        m.optimizer().cliName(),
        number(m.meanLoss()),
        number(m.noise()),
        Double.isFinite(m.relativeNoise())
            ? String.format(Locale.ROOT, "%.1f%%", 100 * m.relativeNoise())
            : MISSING,
        String.valueOf(m.samples()));
  }

  /** Returns the footnote saying why a noise table shows {@link #MISSING}. */
  public static String noiseFootnote(boolean unfinished, boolean unmeasured) {
    List<String> why = new ArrayList<>();
    if (unfinished) {
      why.add(NO_RUN);
    }
    if (unmeasured) {
      why.add(
          String.format(
              Locale.ROOT,
              "fewer than %d step losses were sampled in each run "
                  + "(one every log_every steps), too few for a spread around the moving average; "
                  + "train for more steps or lower log_every",
              MiniBatchNoise.MIN_SAMPLES));
    }
    return MISSING + " " + String.join("; or ", why) + ".";
  }

  /** Returns {@code v} to four decimals, or {@link #MISSING} when it is not a number. */
  static String number(double v) {
    return Double.isFinite(v) ? String.format(Locale.ROOT, "%.4f", v) : MISSING;
  }

  private static String fit(Overfitting o, StillImproving s) {
    StringBuilder text = new StringBuilder(o.trial()).append(": ");
    if (o.minEpoch() == 0) {
      text.append("no validation split, so no over- or underfitting can be seen.");
      return text.toString();
    }
    text.append(
        String.format(
            Locale.ROOT,
            "validation loss is lowest at epoch %d (%.4f; "
                + "runs' own minima at epoch %.1f on average) and ends at %.4f",
            o.minEpoch(),
            o.minValLoss(),
            o.meanRunMinEpoch(),
            o.finalValLoss()));
    if (o.overfits()) {
      text.append(
          String.format(
              Locale.ROOT,
              ", a rise of %.4f beyond the noise (%.4f): " + "overfitting from about epoch %d",
              o.rise(),
              o.noise(),
              o.minEpoch()));
    } else {
      text.append(
          String.format(Locale.ROOT, ", within the noise (%.4f) of its minimum", o.noise()));
    }
    text.append(
        String.format(Locale.ROOT, "; final validation minus training loss %.4f", o.finalGap()));
    if (s.stillImproving()) {
      text.append(
          String.format(
              Locale.ROOT,
              ". Still improving at the end (validation "
                  + "accuracy +%.4f over the last %d epochs): more epochs would help (underfitting)",
              s.accuracyGain(),
              s.window()));
    }
    return text.append('.').toString();
  }

  private static String choice(Selection s) {
    if (s.byValidation() == null) {
      return "No trial has validation results yet.";
    }
    String val =
        String.format(
            Locale.ROOT,
            "A validation-based choice picks %s (final "
                + "validation accuracy %s; its test accuracy, reported once: %s).",
            s.byValidation(),
            StudyNarrative.band(s.byValidationVal()),
            StudyNarrative.band(s.byValidationTest()));
    if (s.byReference() == null) {
      return val;
    }
    String ref =
        String.format(
            Locale.ROOT,
            " The reference chose %s by its reported "
                + "accuracy %.4f, a number read off the test set; our runs of it reach test accuracy %s.",
            s.byReference(),
            s.referenceReported(),
            StudyNarrative.band(s.byReferenceTest()));
    String verdict =
        s.differ()
            ? " The two choices differ: choosing by test accuracy makes "
                + "the final number optimistic."
            : " Both choices agree.";
    return val + ref + verdict;
  }
}
