package dev.mnistlab.cli;

import dev.mnistlab.InvalidInputException;
import dev.mnistlab.storage.StudyRecord;
import dev.mnistlab.storage.TrialRecord;
import dev.mnistlab.storage.TrialState;
import dev.mnistlab.train.TrainConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Finds and removes the models a study kept ({@code --keep-models}): the seeds of one trial, for
 * {@code ensemble --study --trial} and the study report, and everything, for {@code study delete}.
 */
final class KeptModels {
  private KeptModels() {}

  /**
   * Returns the complete runs of the study trial named {@code trial} (a label, or the number of one
   * of its stored runs) that kept their model, in seed order: its seeds. When the trial was edited,
   * only the runs of its newest settings count.
   *
   * @throws InvalidInputException when no trial is named or numbered so, or none of its runs kept a
   *     model
   */
  static List<TrialRecord> seeds(StudyRecord study, List<TrialRecord> stored, String trial) {
    String label = label(study, stored, trial);
    List<TrialRecord> named = stored.stream().filter(t -> t.label().equals(label)).toList();
    TrainConfig newest =
        named.stream()
            .max(Comparator.comparingInt(TrialRecord::number))
            .orElseThrow()
            .config()
            .withSeed(0);
    List<TrialRecord> runs =
        named.stream()
            .filter(t -> t.config().withSeed(0).equals(newest))
            .filter(t -> t.state() == TrialState.COMPLETE)
            .toList();
    List<TrialRecord> kept =
        runs.stream()
            .filter(t -> t.modelDir() != null)
            .sorted(Comparator.comparingLong(t -> t.config().seed()))
            .toList();
    if (kept.isEmpty()) {
      throw new InvalidInputException(
          "trial '"
              + label
              + "' of study '"
              + study.name()
              + "' kept no models: "
              + (runs.isEmpty()
                  ? "none of its runs is complete"
                  : "its " + runs.size() + " complete run(s) were trained without --keep-models"));
    }
    return kept;
  }

  /** Returns {@code trial} if a stored run has that label, else the label of run number trial. */
  private static String label(StudyRecord study, List<TrialRecord> stored, String trial) {
    if (stored.stream().anyMatch(t -> t.label().equals(trial))) {
      return trial;
    }
    if (trial.matches("\\d{1,9}")) {
      int number = Integer.parseInt(trial);
      for (TrialRecord t : stored) {
        if (t.number() == number) {
          return t.label();
        }
      }
    }
    Set<String> labels = new LinkedHashSet<>();
    stored.forEach(t -> labels.add(t.label()));
    String known =
        labels.isEmpty()
            ? "it has no trials"
            : "its trials: "
                + labels.stream().limit(12).collect(Collectors.joining(", "))
                + (labels.size() > 12 ? ", ..." : "");
    throw new InvalidInputException(
        "study '"
            + study.name()
            + "' has no trial named or numbered '"
            + trial
            + "' ("
            + known
            + ")");
  }

  /**
   * Removes what the study kept: every trial's model directory and the study's models directory,
   * each only as far as it holds saved models ({@code trial-N} directories of {@code config.json}
   * and {@code model.params}, and unfinished saves); returns how many models were removed.
   */
  static int remove(StudyRecord study, List<TrialRecord> trials) throws IOException {
    Set<Path> models = new LinkedHashSet<>();
    trials.stream()
        .filter(t -> t.modelDir() != null)
        .forEach(t -> models.add(Path.of(t.modelDir())));
    Set<Path> parents = new LinkedHashSet<>();
    models.forEach(m -> parents.add(m.getParent()));
    if (study.modelsDir() != null) {
      Path dir = Path.of(study.modelsDir());
      parents.add(dir);
      if (Files.isDirectory(dir)) {
        try (Stream<Path> children = Files.list(dir)) {
          children
              .filter(p -> p.getFileName().toString().matches("trial-\\d+"))
              .forEach(models::add);
        }
      }
    }
    int removed = 0;
    for (Path model : models) {
      if (removeModel(model)) {
        removed++;
      }
    }
    for (Path parent : parents) {
      removeUnfinishedSaves(parent);
      if (parent.getFileName().toString().equals(study.name())) {
        deleteIfEmpty(parent);
      }
    }
    return removed;
  }

  /** Removes a saved model's files and then its directory, if that is left empty. */
  private static boolean removeModel(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return false;
    }
    boolean any = false;
    for (String name : new String[] {SavedModel.CONFIG, SavedModel.PARAMS}) {
      any |= Files.deleteIfExists(dir.resolve(name));
    }
    deleteIfEmpty(dir);
    return any;
  }

  /** Removes the hidden staging directories a save that never finished left (a killed run). */
  private static void removeUnfinishedSaves(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return;
    }
    List<Path> staged;
    try (Stream<Path> children = Files.list(dir)) {
      staged =
          children
              .filter(p -> p.getFileName().toString().matches("\\.trial-\\d+\\..*\\.partial"))
              .toList();
    }
    for (Path p : staged) {
      List<Path> all;
      try (Stream<Path> walk = Files.walk(p)) {
        all = walk.sorted(Comparator.reverseOrder()).toList();
      }
      for (Path f : all) {
        Files.deleteIfExists(f);
      }
    }
  }

  private static void deleteIfEmpty(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (Stream<Path> children = Files.list(dir)) {
      if (children.findAny().isPresent()) {
        return;
      }
    }
    Files.delete(dir);
  }
}
