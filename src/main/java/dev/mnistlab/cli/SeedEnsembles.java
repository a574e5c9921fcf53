package dev.mnistlab.cli;

import dev.mnistlab.InvalidInputException;
import dev.mnistlab.report.Block;
import dev.mnistlab.storage.TrialRecord;
import dev.mnistlab.storage.TrialState;
import dev.mnistlab.train.TestTimeAugmentation;
import dev.mnistlab.train.TrainConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Adds to a study's report, for every trial with two or more kept models ({@code --keep-models}),
 * what its seeds score on the test set as one ensemble (the mean of their softmax outputs) beside
 * what one of them scores on average. Reports without kept models are left as they were, and their
 * data are never read.
 */
final class SeedEnsembles {
  /**
   * Holds one trial's line.
   *
   * @param trial the trial's label
   * @param seeds how many kept models the ensemble has
   * @param meanSingle the mean test accuracy of those models alone, or NaN when they could not be
   *     scored
   * @param ensemble the ensemble's test accuracy, or NaN when it could not be scored
   * @param problem why it could not be scored (a model missing or damaged), or null
   */
  record Line(String trial, int seeds, double meanSingle, double ensemble, String problem) {}

  private SeedEnsembles() {}

  /**
   * Returns {@code blocks} with a "Seed ensembles" section inserted before the heading {@code
   * before} (at the end when there is none), or {@code blocks} itself when no trial kept two
   * models. Its lines follow {@code order} (trial labels as the report lists them), then the stored
   * order.
   */
  static List<Block> insert(
      List<Block> blocks,
      String before,
      List<TrialRecord> stored,
      List<String> order,
      Supplier<Path> dataDir) {
    Map<String, List<TrialRecord>> groups = groups(stored);
    if (groups.isEmpty()) {
      return blocks;
    }
    Map<String, List<TrialRecord>> ordered = new LinkedHashMap<>();
    order.stream().filter(groups::containsKey).forEach(t -> ordered.put(t, groups.get(t)));
    groups.forEach(ordered::putIfAbsent);
    List<Line> lines = lines(ordered, dataDir.get());
    List<Block> section = section(lines);
    List<Block> out = new ArrayList<>(blocks);
    int at = out.size();
    for (int i = 0; i < out.size(); i++) {
      if (out.get(i) instanceof Block.Heading h && h.text().equals(before)) {
        at = i;
        break;
      }
    }
    out.addAll(at, section);
    return out;
  }

  /**
   * Returns, by trial label, its complete runs that kept a model, in seed order, for labels with at
   * least two; when a trial was edited, the runs of its newest settings.
   */
  static Map<String, List<TrialRecord>> groups(List<TrialRecord> stored) {
    Map<String, TrainConfig> newest = new LinkedHashMap<>();
    Map<String, Integer> newestNumber = new LinkedHashMap<>();
    for (TrialRecord t : stored) {
      if (t.number() >= newestNumber.getOrDefault(t.label(), -1)) {
        newestNumber.put(t.label(), t.number());
        newest.put(t.label(), t.config().withSeed(0));
      }
    }
    Map<String, List<TrialRecord>> groups = new LinkedHashMap<>();
    for (TrialRecord t : stored) {
      if (t.state() == TrialState.COMPLETE
          && t.modelDir() != null
          && t.config().withSeed(0).equals(newest.get(t.label()))) {
        groups.computeIfAbsent(t.label(), k -> new ArrayList<>()).add(t);
      }
    }
    groups.values().removeIf(g -> g.size() < 2);
    groups.values().forEach(g -> g.sort(Comparator.comparingLong(t -> t.config().seed())));
    return groups;
  }

  private static List<Line> lines(Map<String, List<TrialRecord>> groups, Path dataDir) {
    List<Line> lines = new ArrayList<>();
    for (Map.Entry<String, List<TrialRecord>> g : groups.entrySet()) {
      List<Path> dirs = g.getValue().stream().map(t -> Path.of(t.modelDir())).toList();
      int n = dirs.size();
      Path missing = dirs.stream().filter(d -> !Files.isDirectory(d)).findFirst().orElse(null);
      if (missing != null) {
        lines.add(new Line(g.getKey(), n, Double.NaN, Double.NaN, "missing: " + missing));
        continue;
      }
      try (ModelEnsemble e = ModelEnsemble.load(dirs)) {
        EnsembleScores s = EnsembleScores.of(e, dataDir, TestTimeAugmentation.NONE, line -> {});
        lines.add(
            new Line(
                g.getKey(), n, s.mean().test().accuracy(), s.ensemble().test().accuracy(), null));
      } catch (InvalidInputException ex) {
        // A damaged model spoils its line, not the report.
        lines.add(new Line(g.getKey(), n, Double.NaN, Double.NaN, ex.getMessage()));
      }
    }
    return lines;
  }

  private static List<Block> section(List<Line> lines) {
    List<List<String>> rows = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (Line l : lines) {
      boolean scored = l.problem() == null;
      rows.add(
          List.of(
              l.trial(),
              String.valueOf(l.seeds()),
              scored ? fixed(l.meanSingle()) : "-",
              scored ? fixed(l.ensemble()) : "-",
              scored ? signed(l.ensemble() - l.meanSingle()) : "-"));
      if (!scored) {
        problems.add(l.trial() + ": " + l.problem());
      }
    }
    List<Block> section = new ArrayList<>();
    section.add(new Block.Heading(2, "Seed ensembles"));
    section.add(
        new Block.Paragraph(
            "For each trial whose runs kept their models (--keep-models), the ensemble of its"
                + " seeds (the mean of their softmax outputs) beside the mean test accuracy of"
                + " one seed alone; 'mnist-lab ensemble --study NAME --trial T' shows each seed."
                + " The test set is only reported here: nothing was chosen by it."));
    section.add(
        new Block.Table(
            List.of(
                "trial",
                "seeds",
                "test acc, mean single",
                "test acc, ensemble",
                "ensemble - mean single"),
            rows));
    if (!problems.isEmpty()) {
      section.add(new Block.Bullets(problems));
    }
    return section;
  }

  private static String fixed(double v) {
    return String.format(Locale.ROOT, "%.4f", v);
  }

  private static String signed(double v) {
    return String.format(Locale.ROOT, "%+.4f", v);
  }
}
