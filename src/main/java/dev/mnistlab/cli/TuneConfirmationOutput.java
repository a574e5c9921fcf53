package dev.mnistlab.cli;

import dev.mnistlab.analysis.Band;
import dev.mnistlab.analysis.Standing;
import dev.mnistlab.tune.TuneConfirmation;
import dev.mnistlab.tune.TuneConfirmation.Row;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Prints the confirmation of a search's best, after its top ten: as text and as JSON. */
final class TuneConfirmationOutput {
  private TuneConfirmationOutput() {}

  /** Prints the confirmation table, the rule behind its verdicts and the chosen configuration. */
  static void text(PrintWriter out, TuneConfirmation c, String objective) {
    out.println();
    out.printf(
        Locale.ROOT,
        "Confirmation (%d configs x %d seeds): the top %d trained again with new seeds; "
            + "%s as mean [95%% t-interval] over them%n",
        c.plan().configs(),
        c.plan().seeds(),
        c.rows().size(),
        objective);
    if (c.rows().isEmpty()) {
      out.println("no complete trial to confirm yet");
      return;
    }
    out.printf(
        Locale.ROOT,
        "%4s %6s %8s %26s %5s  %s%n",
        "rank",
        "trial",
        "search",
        "mean [95% interval]",
        "runs",
        "verdict");
    int failed = 0;
    for (Row row : c.rows()) {
      failed += row.failed();
      out.printf(
          Locale.ROOT,
          "%4d %6d %8.4f %26s %5s  %s%n",
          row.rank(),
          row.trial().number(),
          row.trial().value(),
          band(row.value()),
          row.value().n() + "/" + c.plan().seeds(),
          verdict(row));
    }
    out.println(
        "within noise: Welch's t-test against the best gives p >= 0.05 (the 95% interval of the "
            + "difference contains 0); worse: p < 0.05");
    if (failed > 0) {
      out.printf(
          Locale.ROOT, "%d run(s) failed or diverged and are left out of the means%n", failed);
    }
    if (!c.complete()) {
      out.printf(
          Locale.ROOT,
          "%d of %d runs finished: the same tune command with --continue --confirm %s trains the "
              + "rest%n",
          c.runsFinished(),
          c.runsWanted(),
          c.plan());
    }
    Row best = c.best();
    if (best == null) {
      out.println("no confirmation run has a result yet, so none is chosen");
      return;
    }
    long within = c.rows().stream().filter(r -> r.standing() == Standing.WITHIN_NOISE).count();
    out.printf(
        Locale.ROOT,
        "chosen: trial %d (rank %d in the search), %s %s over seeds %s%s%n",
        best.trial().number(),
        best.rank(),
        objective,
        band(best.value()),
        best.seeds().stream().map(String::valueOf).collect(Collectors.joining(", ")),
        within == 0 ? "" : "; " + within + " other(s) within noise of it");
    out.printf(
        Locale.ROOT,
        "  test accuracy %s over its %d new run(s), measured at their end and not used to choose%n",
        band(c.chosenTest()),
        c.chosenTest().n());
    out.println("  " + TuneOutput.params(best.trial()));
    out.println("train it again:");
    out.println("  " + TuneOutput.trainCommand(best.trial()));
  }

  /** Returns the confirmation as a JSON-ready map. */
  static Map<String, Object> json(TuneConfirmation c) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("configs", c.plan().configs());
    doc.put("seeds", c.plan().seeds());
    doc.put("runs_wanted", c.runsWanted());
    doc.put("runs_finished", c.runsFinished());
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Row row : c.rows()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("rank", row.rank());
      m.put("trial", row.trial().number());
      m.put("search_value", row.trial().value());
      m.put("seeds", row.seeds());
      m.put("mean", row.value().mean());
      m.put("low", row.value().low());
      m.put("high", row.value().high());
      m.put("runs", row.value().n());
      m.put("failed", row.failed());
      m.put("verdict", row.standing().name().toLowerCase(Locale.ROOT));
      m.put("p", row.p());
      m.put("params", row.trial().params());
      rows.add(m);
    }
    doc.put("rows", rows);
    Row best = c.best();
    if (best == null) {
      doc.put("chosen", null);
    } else {
      Map<String, Object> chosen = new LinkedHashMap<>();
      chosen.put("trial", best.trial().number());
      chosen.put("rank", best.rank());
      chosen.put("mean", best.value().mean());
      chosen.put("low", best.value().low());
      chosen.put("high", best.value().high());
      chosen.put("test_accuracy", c.chosenTest().mean());
      chosen.put("test_low", c.chosenTest().low());
      chosen.put("test_high", c.chosenTest().high());
      chosen.put("test_runs", c.chosenTest().n());
      chosen.put("config", best.trial().config());
      chosen.put("train_command", TuneOutput.trainCommand(best.trial()));
      doc.put("chosen", chosen);
    }
    return doc;
  }

  private static String verdict(Row row) {
    return switch (row.standing()) {
      case BEST -> "best";
      case WITHIN_NOISE -> "within noise (p=" + p(row.p()) + ")";
      case WORSE -> "worse (p=" + p(row.p()) + ")";
      case UNDECIDED -> "undecided (too few runs to compare)";
      case NO_RESULT ->
          row.finished() == 0 ? "no run finished yet" : "no result (every run failed)";
    };
  }

  private static String p(double p) {
    return String.format(Locale.ROOT, "%.2g", p);
  }

  /** Returns a band as {@code mean [low, high]}, {@code mean (one run)} or {@code -}. */
  private static String band(Band b) {
    if (b.n() == 0 || Double.isNaN(b.mean())) {
      return "-";
    }
    if (b.n() == 1) {
      return String.format(Locale.ROOT, "%.4f (one run)", b.mean());
    }
    return String.format(Locale.ROOT, "%.4f [%.4f, %.4f]", b.mean(), b.low(), b.high());
  }
}
