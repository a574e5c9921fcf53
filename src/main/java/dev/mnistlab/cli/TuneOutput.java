package dev.mnistlab.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.mnistlab.storage.TrialRecord;
import dev.mnistlab.storage.TrialState;
import dev.mnistlab.train.EpochMetrics;
import dev.mnistlab.train.JsonFormat;
import dev.mnistlab.tune.TuneReport;
import dev.mnistlab.worker.TrainArgs;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Prints a search's result: for people as text, for machines as JSON. */
final class TuneOutput {
  private TuneOutput() {}

  /**
   * Prints the counts, the best trial with its test accuracy, how to train it, the top ten with
   * those within noise of the best marked, and the confirmation if there is one; {@code seconds} is
   * this run's wall time, or NaN when only reporting.
   */
  static void text(PrintWriter out, TuneReport r, String storage, double seconds) {
    String objective = r.study().spec().objective();
    out.printf(
        Locale.ROOT,
        "search %s (space %s, sampler %s, pruner %s, seed %d) in %s%n",
        r.study().name(),
        r.definition().spaceName(),
        r.definition().sampler(),
        r.definition().pruner(),
        r.study().spec().seed(),
        storage);
    out.printf(
        Locale.ROOT,
        "%d trial(s) finished: %d complete, %d pruned, %d diverged, "
            + "%d failed; %d queued or running%s%n",
        r.finished(),
        r.count(TrialState.COMPLETE),
        r.count(TrialState.PRUNED),
        r.count(TrialState.DIVERGED),
        r.count(TrialState.FAILED),
        r.count(TrialState.WAITING) + r.count(TrialState.RUNNING),
        Double.isNaN(seconds) ? "" : String.format(Locale.ROOT, "; this run took %.0f s", seconds));
    TrialRecord best = r.best();
    if (best == null) {
      out.println("no trial completed yet, so there is no best network to show");
      return;
    }
    EpochMetrics last = lastEpoch(best);
    out.println();
    out.printf(
        Locale.ROOT,
        "best: trial %d, %s %.4f after %d epochs (validation loss %.4f, "
            + "accuracy %.4f); test accuracy %.4f, measured once at its end and not used to "
            + "choose%n",
        best.number(),
        objective,
        best.value(),
        best.epochs().size(),
        last == null ? Double.NaN : last.valLoss(),
        last == null ? Double.NaN : last.valAccuracy(),
        best.test().accuracy());
    out.println("  " + params(best));
    out.println("  model " + best.config().model());
    out.println("train it again:");
    out.println("  " + trainCommand(best));
    out.println();
    out.printf(Locale.ROOT, "top %d by %s:%n", r.top().size(), objective);
    out.printf(
        Locale.ROOT,
        "%4s %6s %12s %1s %6s %8s  %s%n",
        "rank",
        "trial",
        objective,
        "",
        "epochs",
        "seconds",
        "params");
    int rank = 1;
    int near = 0;
    for (TrialRecord t : r.top()) {
      boolean mark = r.withinNoise(t);
      near += mark ? 1 : 0;
      out.printf(
          Locale.ROOT,
          "%4d %6d %12.4f %1s %6d %8.0f  %s%n",
          rank++,
          t.number(),
          t.value(),
          mark ? "*" : "",
          t.epochs().size(),
          t.seconds(),
          params(t));
    }
    if (near > 0) {
      out.printf(
          Locale.ROOT,
          "* within one standard error of the best (%.4f = sqrt(p(1-p)/n) for p = %.4f on n = %d "
              + "validation images): as single runs these cannot be told from the best%s%n",
          r.standardError(),
          best.value(),
          best.config().valSize(),
          r.confirmation() == null
              ? "; --confirm K[xS] trains the top K again with new seeds"
              : "");
    }
    if (r.confirmation() != null) {
      TuneConfirmationOutput.text(out, r.confirmation(), objective);
    }
  }

  /** Prints the report as one JSON document. */
  static void json(PrintWriter out, TuneReport r, String storage, double seconds) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("study", r.study().name());
    doc.put("storage", storage);
    doc.put("space", r.definition().spaceName());
    doc.put("sampler", r.definition().sampler());
    doc.put("pruner", r.definition().pruner());
    doc.put("seed", r.study().spec().seed());
    doc.put("objective", r.study().spec().objective());
    doc.put("direction", r.study().spec().direction().name().toLowerCase(Locale.ROOT));
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (TrialState s : TrialState.values()) {
      counts.put(s.name().toLowerCase(Locale.ROOT), r.count(s));
    }
    doc.put("trials", counts);
    doc.put("seconds", seconds);
    TrialRecord best = r.best();
    if (best != null) {
      Map<String, Object> b = trial(best);
      EpochMetrics last = lastEpoch(best);
      b.put("val_accuracy", last == null ? Double.NaN : last.valAccuracy());
      b.put("val_loss", last == null ? Double.NaN : last.valLoss());
      b.put("test_accuracy", best.test().accuracy());
      b.put("config", best.config());
      b.put("train_command", trainCommand(best));
      doc.put("best", b);
    } else {
      doc.put("best", null);
    }
    List<Map<String, Object>> top = new ArrayList<>();
    for (TrialRecord t : r.top()) {
      Map<String, Object> m = trial(t);
      m.put("within_noise", r.withinNoise(t));
      top.add(m);
    }
    doc.put("top", top);
    doc.put("standard_error", r.standardError());
    doc.put(
        "confirmation",
        r.confirmation() == null ? null : TuneConfirmationOutput.json(r.confirmation()));
    try {
      out.println(JsonFormat.MAPPER.writeValueAsString(doc));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the search result as JSON", e);
    }
  }

  /** Returns the command that trains {@code t}'s config again. */
  static String trainCommand(TrialRecord t) {
    return "./mnist-lab train "
        + TrainArgs.forUser(t.config()).stream()
            .map(TuneOutput::quote)
            .collect(Collectors.joining(" "));
  }

  /** Returns the trial's parameters as {@code name=value}, numbers rounded for reading. */
  static String params(TrialRecord t) {
    return t.params().entrySet().stream()
        .map(e -> e.getKey() + "=" + format(e.getValue()))
        .collect(Collectors.joining(" "));
  }

  /** Returns a parameter value without float noise (0.15, not 0.15000000000000002). */
  static String format(Object value) {
    if (value instanceof Double d && Double.isFinite(d)) {
      return new BigDecimal(d).round(new MathContext(6)).stripTrailingZeros().toString();
    }
    return String.valueOf(value);
  }

  private static Map<String, Object> trial(TrialRecord t) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("number", t.number());
    m.put("value", t.value());
    m.put("epochs", t.epochs().size());
    m.put("seconds", t.seconds());
    m.put("params", t.params());
    return m;
  }

  private static EpochMetrics lastEpoch(TrialRecord t) {
    return t.epochs().isEmpty() ? null : t.epochs().get(t.epochs().size() - 1);
  }

  private static String quote(String arg) {
    return arg.matches("[A-Za-z0-9_./:=,+-]+") ? arg : "'" + arg.replace("'", "'\\''") + "'";
  }
}
