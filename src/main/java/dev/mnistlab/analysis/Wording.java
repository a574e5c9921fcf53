package dev.mnistlab.analysis;

import java.util.Locale;

/**
 * Writes numbers the way findings do: accuracies and losses with 4 decimals, differences signed,
 * intervals in brackets, and "(one run)" where no interval exists.
 */
final class Wording {
  private Wording() {}

  /** Returns {@code v} with 4 decimals, e.g. {@code 0.9812}. */
  static String number(double v) {
    return String.format(Locale.ROOT, "%.4f", v);
  }

  /** Returns {@code v} signed with 4 decimals, e.g. {@code +0.0012}. */
  static String signed(double v) {
    return String.format(Locale.ROOT, "%+.4f", v);
  }

  /** Returns a band as {@code mean [low, high]}, {@code mean (one run)} or {@code -}. */
  static String band(Band b) {
    if (b.n() == 0 || Double.isNaN(b.mean())) {
      return "-";
    }
    if (b.n() == 1) {
      return number(b.mean()) + " (one run)";
    }
    return number(b.mean()) + " [" + number(b.low()) + ", " + number(b.high()) + "]";
  }

  /** Returns a signed difference band as {@code +d [+low, +high]}, or {@code +d} alone. */
  static String signedBand(Band b) {
    if (b.n() < 2 || Double.isNaN(b.low())) {
      return signed(b.mean());
    }
    return signed(b.mean()) + " [" + signed(b.low()) + ", " + signed(b.high()) + "]";
  }

  /** Returns a Welch difference with its interval, e.g. {@code -0.0120 [-0.0200, -0.0040]}. */
  static String difference(Welch w) {
    if (Double.isNaN(w.low())) {
      return signed(w.difference());
    }
    return signed(w.difference()) + " [" + signed(w.low()) + ", " + signed(w.high()) + "]";
  }

  /** Returns a p-value with 2 significant digits, e.g. {@code 0.21} or {@code 3.4e-05}. */
  static String p(double p) {
    return String.format(Locale.ROOT, "%.2g", p);
  }

  /** Returns seconds as {@code 61 s}, or {@code 4.2 s} below 10. */
  static String seconds(double s) {
    return String.format(Locale.ROOT, s < 10 ? "%.1f s" : "%.0f s", s);
  }

  /** Returns a ratio as {@code 7.9x}. */
  static String times(double ratio) {
    return String.format(Locale.ROOT, ratio < 10 ? "%.1fx" : "%.0fx", ratio);
  }

  /** Returns "epoch 7" or "epochs 7-20". */
  static String epochs(int from, int to) {
    return from == to ? "epoch " + from : "epochs " + from + "-" + to;
  }
}
