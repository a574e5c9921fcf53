package dev.mnistlab.tune;

import dev.mnistlab.analysis.OptimizationHistory;
import dev.mnistlab.analysis.ParamImportances;
import dev.mnistlab.analysis.RepeatGroups;
import dev.mnistlab.analysis.SearchAnalysis;
import dev.mnistlab.report.Block;
import dev.mnistlab.storage.TrialRecord;
import dev.mnistlab.storage.TrialState;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Builds the report of a search as blocks: the answer first (the best trial, how sure, which
 * parameters mattered and when the search got there), then the charts, then the tables. The
 * terminal, Markdown, HTML and dashboard renderers all draw these.
 */
public final class SearchSections {
  private SearchSections() {}

  /** Returns the whole report of a search: summary, findings, charts and tables. */
  public static List<Block> blocks(
      TuneReport report, SearchAnalysis analysis, List<TrialRecord> trials) {
    List<Block> blocks = new ArrayList<>();
    blocks.add(new Block.Heading(1, "Search " + report.study().name()));
    blocks.add(new Block.Paragraph(summary(report)));
    blocks.addAll(analysisBlocks(report, analysis, trials));
    return blocks;
  }

  /**
   * Returns the findings, charts and tables of the analysis, for a report that has already said
   * what the search is (the terminal report of {@code tune} prints that itself).
   */
  public static List<Block> analysisBlocks(
      TuneReport report, SearchAnalysis analysis, List<TrialRecord> trials) {
    String objective = report.study().spec().objective();
    List<Block> blocks = new ArrayList<>();
    blocks.add(new Block.Heading(2, "What the search found"));
    blocks.add(new Block.Bullets(findings(report, analysis)));
    if (analysis.history().points().isEmpty()) {
      return blocks;
    }
    String id = chartId(report.study().name());
    blocks.add(new Block.Heading(2, "Charts"));
    blocks.add(
        new Block.HistoryChart(
            id + "-history",
            "Optimization history: " + objective + " by trial, best so far",
            objective,
            analysis.history(),
            tips(trials)));
    if (!analysis.importances().importances().isEmpty()) {
      blocks.add(
          new Block.ImportanceChart(
              id + "-importance", "Parameter importance", analysis.importances()));
    }
    blocks.add(
        new Block.ParallelChart(
            id + "-parallel",
            "Parallel coordinates of the complete trials",
            objective,
            analysis.parallel()));
    blocks.add(
        new Block.SliceCharts(
            id + "-slices", objective + " against each parameter", objective, analysis.slices()));
    if (!analysis.curves().curves().isEmpty()) {
      blocks.add(
          new Block.TrialCurvesChart(
              id + "-curves",
              "Learning curves of the " + analysis.curves().curves().size() + " best trials",
              analysis.curves()));
    }
    blocks.add(
        new Block.TimelineChart(
            id + "-timeline", "Trials by worker over time", analysis.timeline()));
    blocks.add(new Block.Heading(2, "Tables"));
    blocks.add(topTable(report));
    if (!analysis.importances().importances().isEmpty()) {
      blocks.add(new Block.Paragraph(analysis.importances().method() + "."));
      blocks.add(importanceTable(analysis.importances()));
    }
    if (!analysis.repeats().groups().isEmpty()) {
      blocks.add(
          new Block.Paragraph(
              "Configurations that ran more than once, with the 95% interval of their mean:"));
      blocks.add(repeatTable(analysis.repeats(), objective));
    }
    return blocks;
  }

  private static String summary(TuneReport r) {
    return String.format(
        Locale.ROOT,
        "Space %s, sampler %s, pruner %s, seed %d. %d trials finished: %d complete, %d pruned, "
            + "%d diverged, %d failed; %d queued or running.",
        r.definition().spaceName(),
        r.definition().sampler(),
        r.definition().pruner(),
        r.study().spec().seed(),
        r.finished(),
        r.count(TrialState.COMPLETE),
        r.count(TrialState.PRUNED),
        r.count(TrialState.DIVERGED),
        r.count(TrialState.FAILED),
        r.count(TrialState.WAITING) + r.count(TrialState.RUNNING));
  }

  /** Returns the few lines that answer the search's question, each with its uncertainty. */
  static List<String> findings(TuneReport r, SearchAnalysis a) {
    List<String> lines = new ArrayList<>();
    TrialRecord best = r.best();
    String objective = r.study().spec().objective();
    if (best == null) {
      lines.add("No trial has completed yet, so there is no best network to show.");
      return lines;
    }
    double se = r.standardError();
    lines.add(
        String.format(
                Locale.ROOT,
                "Best: trial %d, %s %.4f%s%s.",
                best.number(),
                objective,
                best.value(),
                Double.isNaN(se) ? "" : String.format(Locale.ROOT, " (one run: \u00b1%.4f)", se),
                Double.isNaN(best.test().accuracy())
                    ? ""
                    : String.format(
                        Locale.ROOT,
                        "; test accuracy %.4f, read once at its end and not used to choose",
                        best.test().accuracy()))
            + " "
            + params(best)
            + ".");
    long near = r.top().stream().filter(r::withinNoise).count();
    if (near > 0) {
      lines.add(
          near
              + " more of the top ten are within one standard error of it: as single runs they"
              + " cannot be told apart; tune --confirm trains them again with new seeds.");
    }
    ParamImportances imp = a.importances();
    if (imp.importances().size() > 1 && imp.trials() > 2) {
      String top =
          imp.importances().stream()
              .limit(3)
              .map(i -> i.param() + " " + share(i))
              .collect(Collectors.joining(", "));
      lines.add("What mattered most for reaching the top tenth: " + top + " (PED-ANOVA).");
    }
    OptimizationHistory h = a.history();
    if (!Double.isNaN(se)) {
      for (OptimizationHistory.Point p : h.points()) {
        if (p.state() == dev.mnistlab.analysis.SearchTrial.State.COMPLETE
            && Math.abs(p.value() - best.value()) <= se) {
          lines.add(
              String.format(
                  Locale.ROOT,
                  "It was within noise of its best from trial %d on, %s after it began.",
                  p.number(),
                  duration(p.seconds())));
          break;
        }
      }
    }
    return lines;
  }

  private static String share(ParamImportances.Importance i) {
    if (Double.isNaN(i.low())) {
      return String.format(Locale.ROOT, "%.2f", i.value());
    }
    return String.format(Locale.ROOT, "%.2f [%.2f, %.2f]", i.value(), i.low(), i.high());
  }

  private static String duration(double seconds) {
    if (Double.isNaN(seconds)) {
      return "an unknown time";
    }
    return seconds >= 120
        ? String.format(Locale.ROOT, "%.1f min", seconds / 60)
        : String.format(Locale.ROOT, "%.0f s", seconds);
  }

  private static Block.Table topTable(TuneReport r) {
    String objective = r.study().spec().objective();
    List<List<String>> rows = new ArrayList<>();
    int rank = 1;
    for (TrialRecord t : r.top()) {
      rows.add(
          List.of(
              String.valueOf(rank++),
              String.valueOf(t.number()),
              String.format(Locale.ROOT, "%.4f", t.value()) + (r.withinNoise(t) ? " *" : ""),
              String.valueOf(t.epochs().size()),
              Double.isNaN(t.seconds())
                  ? "\u2014"
                  : String.format(Locale.ROOT, "%.0f", t.seconds()),
              params(t)));
    }
    return new Block.Table(
        List.of("rank", "trial", objective, "epochs", "seconds", "parameters"), rows);
  }

  private static Block.Table importanceTable(ParamImportances imp) {
    List<List<String>> rows = new ArrayList<>();
    for (ParamImportances.Importance i : imp.importances()) {
      rows.add(
          List.of(
              i.param(),
              String.format(Locale.ROOT, "%.3f", i.value()),
              Double.isNaN(i.low())
                  ? "\u2014"
                  : String.format(Locale.ROOT, "%.3f to %.3f", i.low(), i.high()),
              i.applied() + " of " + imp.trials()));
    }
    return new Block.Table(List.of("parameter", "importance", "95% interval", "applies to"), rows);
  }

  private static Block.Table repeatTable(RepeatGroups repeats, String objective) {
    List<List<String>> rows = new ArrayList<>();
    for (RepeatGroups.Group g : repeats.groups()) {
      rows.add(
          List.of(
              g.numbers().stream().map(String::valueOf).collect(Collectors.joining(", ")),
              String.format(Locale.ROOT, "%.4f", g.band().mean()),
              String.format(Locale.ROOT, "%.4f to %.4f", g.band().low(), g.band().high()),
              params(g.params())));
    }
    return new Block.Table(
        List.of("trials", "mean " + objective, "95% interval", "parameters"), rows);
  }

  /** Returns each trial's parameters as the tooltip text of its points. */
  private static Map<Integer, String> tips(List<TrialRecord> trials) {
    Map<Integer, String> tips = new LinkedHashMap<>();
    trials.forEach(t -> tips.put(t.number(), params(t)));
    return tips;
  }

  /** Returns a trial's parameters as {@code name value}, numbers to 4 significant digits. */
  static String params(TrialRecord t) {
    return params(t.params());
  }

  private static String params(Map<String, Object> params) {
    return params.entrySet().stream()
        .map(e -> e.getKey() + " " + value(e.getValue()))
        .collect(Collectors.joining(", "));
  }

  private static String value(Object v) {
    if (v instanceof Double d && Double.isFinite(d)) {
      return new BigDecimal(d).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }
    return String.valueOf(v);
  }

  /** Returns a chart id made from a study name: letters, digits, _ and - only. */
  static String chartId(String name) {
    String id = name.replaceAll("[^A-Za-z0-9_-]", "_");
    return id.isEmpty() ? "search" : id;
  }
}
