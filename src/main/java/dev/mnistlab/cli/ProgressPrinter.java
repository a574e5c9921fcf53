package dev.mnistlab.cli;

import dev.mnistlab.train.EpochMetrics;
import dev.mnistlab.train.TrainingListener;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Shows a run on a terminal: a progress bar per epoch (steps, running loss, time left) on stderr
 * while the epoch runs, then one table row per epoch.
 *
 * <p>The bar is drawn only when stderr is a terminal and redrawn at most ten times a second, so
 * piping the output into a file gives clean table rows.
 */
final class ProgressPrinter implements TrainingListener {
  private static final long REDRAW_NANOS = 100_000_000L;
  private static final int BAR_WIDTH = 30;

  private final PrintWriter rows;
  private final PrintWriter bar;
  private final boolean drawBar;
  private int epochs;
  private int batches;
  private long epochStart;
  private long lastDraw;

  /**
   * Creates a printer writing rows to {@code rows} and, if {@code drawBar}, the bar to {@code bar};
   * {@code rows} may be null to print no rows.
   */
  ProgressPrinter(PrintWriter rows, PrintWriter bar, boolean drawBar) {
    this.rows = rows;
    this.bar = bar;
    this.drawBar = drawBar;
  }

  /** Returns the header that matches {@link #row}. */
  static String header() {
    return String.format(
        Locale.ROOT,
        "%5s %10s %10s %9s %8s %9s %7s %8s",
        "epoch",
        "train_loss",
        "last_batch",
        "val_loss",
        "val_acc",
        "lr",
        "secs",
        "img/s");
  }

  /**
   * Returns one epoch as a table row; without validation images (accuracy NaN, which a diverged run
   * never has: its accuracy is still a count) both validation columns show a dash.
   */
  static String row(EpochMetrics m) {
    boolean validated = !Double.isNaN(m.valAccuracy());
    return String.format(
        Locale.ROOT,
        "%5d %10.4f %10.4f %9s %8s %9.2e %7.2f %8.0f",
        m.epoch(),
        m.trainLoss(),
        m.trainLossLastBatch(),
        validated ? String.format(Locale.ROOT, "%.4f", m.valLoss()) : "-",
        validated ? String.format(Locale.ROOT, "%.4f", m.valAccuracy()) : "-",
        m.lr(),
        m.seconds(),
        m.samplesPerSecond());
  }

  @Override
  public void epochStarted(int epoch, int epochs, int batches) {
    this.epochs = epochs;
    this.batches = batches;
    this.epochStart = System.nanoTime();
    this.lastDraw = 0;
    if (epoch == 1 && rows != null) {
      rows.println(header());
      rows.flush();
    }
  }

  @Override
  public void batchFinished(int epoch, int batch, double runningLoss) {
    if (!drawBar) {
      return;
    }
    long now = System.nanoTime();
    if (now - lastDraw < REDRAW_NANOS && batch < batches) {
      return;
    }
    lastDraw = now;
    double elapsed = (now - epochStart) / 1e9;
    double eta = elapsed / batch * (batches - batch);
    int filled = (int) ((long) BAR_WIDTH * batch / batches);
    bar.printf(
        Locale.ROOT,
        "\repoch %d/%d [%s%s] %d/%d loss %.4f ETA %.0fs  ",
        epoch,
        epochs,
        "=".repeat(filled),
        " ".repeat(BAR_WIDTH - filled),
        batch,
        batches,
        runningLoss,
        eta);
    bar.flush();
  }

  @Override
  public void epochFinished(EpochMetrics metrics) {
    if (drawBar) {
      bar.print("\r" + " ".repeat(BAR_WIDTH + 60) + "\r");
      bar.flush();
    }
    if (rows != null) {
      rows.println(row(metrics));
      rows.flush();
    }
  }
}
