package dev.mnistlab.analysis;

import java.util.ArrayList;
import java.util.List;

/** Says in plain sentences, with their numbers, what an {@link EpochEffect} found. */
final class EpochFindings {
  private EpochFindings() {}

  /** Returns the findings of {@code effect}: accuracy, then loss, then cost. */
  static List<String> of(EpochEffect effect) {
    List<String> findings = new ArrayList<>();
    int best = effect.bestAccuracyEpoch();
    if (best == 0) {
      findings.add(
          "No validation accuracy: the effect of the epoch count cannot be read "
              + "from these curves.");
      return List.copyOf(findings);
    }
    int last = effect.epochs();
    List<Band> accuracy = effect.curves().valAccuracy();
    int enough = effect.enoughEpoch();
    if (enough == 0) {
      findings.add(
          "One run: noise cannot be measured, so no epoch can be called within seed "
              + "noise of the best.");
      String end =
          best == last
              ? ", the last epoch."
              : "; the last epoch, "
                  + last
                  + ", has "
                  + Wording.number(accuracy.get(last - 1).mean())
                  + ".";
      findings.add(
          "Validation accuracy is highest at epoch "
              + best
              + " ("
              + Wording.number(accuracy.get(best - 1).mean())
              + ")"
              + end);
    } else if (enough == last) {
      findings.add(
          "Validation accuracy is still rising at the last epoch, "
              + last
              + " ("
              + Wording.number(accuracy.get(last - 1).mean())
              + "): every earlier epoch is below "
              + "it beyond seed noise, so more epochs may help.");
    } else {
      String reach =
          enough == best
              ? "peaks at "
                  + Wording.number(accuracy.get(best - 1).mean())
                  + " at epoch "
                  + best
                  + " (every earlier epoch is below it beyond seed noise)"
              : "reaches "
                  + Wording.number(accuracy.get(enough - 1).mean())
                  + " at epoch "
                  + enough
                  + ", within seed noise of its best ("
                  + Wording.number(accuracy.get(best - 1).mean())
                  + " at epoch "
                  + best
                  + ")";
      Band later = effect.laterGain();
      String noise =
          !EpochEffect.measured(later)
              ? ", with no spread between runs to measure noise by."
              : later.low() <= 0 && later.high() >= 0
                  ? ", within seed noise."
                  : ", beyond seed noise.";
      findings.add(
          "Validation accuracy "
              + reach
              + "; "
              + Wording.epochs(enough + 1, last)
              + (later.mean() >= 0 ? " add " : " change it by ")
              + Wording.signedBand(later)
              + noise);
    }
    loss(effect, findings);
    if (enough > 0 && enough < last && effect.secondsPerEpoch() > 0) {
      findings.add(
          "An epoch takes "
              + Wording.seconds(effect.secondsPerEpoch())
              + " on average, so stopping at epoch "
              + enough
              + " instead of "
              + last
              + " saves "
              + Wording.seconds(effect.secondsPerEpoch() * (last - enough))
              + " per run.");
    }
    return List.copyOf(findings);
  }

  private static void loss(EpochEffect effect, List<String> findings) {
    Overfitting o = effect.overfitting();
    int last = effect.epochs();
    if (o.minEpoch() == 0) {
      return;
    }
    if (o.minEpoch() == last) {
      findings.add(
          "Validation loss is lowest at the last epoch, "
              + last
              + " ("
              + Wording.number(o.minValLoss())
              + "): still falling.");
      return;
    }
    String start =
        "Validation loss is lowest at epoch "
            + o.minEpoch()
            + " ("
            + Wording.number(o.minValLoss())
            + ")";
    boolean oneRun = effect.curves().valLoss().get(last - 1).n() < 2;
    String noise =
        oneRun
            ? Math.round(100 * Overfitting.SINGLE_RUN_TOLERANCE)
                + "% of its minimum (one run: "
                + "seed noise unknown)"
            : "seed noise (" + Wording.number(o.noise()) + ")";
    if (o.overfits()) {
      findings.add(
          start
              + " and rises by "
              + Wording.number(o.rise())
              + " by epoch "
              + last
              + ", beyond "
              + noise
              + ": overfitting from about epoch "
              + o.minEpoch()
              + ".");
    } else {
      findings.add(
          start
              + " and ends "
              + Wording.signed(o.rise())
              + " above it at epoch "
              + last
              + ", within "
              + noise
              + ".");
    }
  }
}
