package dev.mnistlab.study;

import dev.mnistlab.InvalidInputException;
import dev.mnistlab.analysis.TrialRuns;
import dev.mnistlab.model.ModelSpec;
import dev.mnistlab.storage.Direction;
import dev.mnistlab.storage.StudyRecord;
import dev.mnistlab.storage.StudySpec;
import dev.mnistlab.storage.TrialRecord;
import dev.mnistlab.storage.TrialRequest;
import dev.mnistlab.storage.TrialState;
import dev.mnistlab.train.JsonFormat;
import dev.mnistlab.train.TrainConfig;
import dev.mnistlab.train.TrainResult;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Moves a study of named trials and repeats in and out of storage: the study as it is stored, the
 * runs still to queue, and the stored runs grouped back by trial for analysis.
 *
 * <p>A stored run counts for a trial when its label is the trial's name and its config is the
 * trial's but for the seed, so editing a trial queues it again and never mixes old and new results.
 * Queued, running and finished runs count; failed ones are queued again.
 */
public final class StoredStudy {
  /** What a study of trials optimises: the last epoch's validation accuracy. */
  public static final String OBJECTIVE = "val_accuracy";

  private static final Set<TrialState> KEPT =
      Set.of(
          TrialState.WAITING,
          TrialState.RUNNING,
          TrialState.COMPLETE,
          TrialState.DIVERGED,
          TrialState.PRUNED);

  private StoredStudy() {}

  /** Returns the study as storage keeps it, its definition as JSON. */
  public static StudySpec spec(StudyDefinition study) {
    try {
      return new StudySpec(
          study.name(),
          OBJECTIVE,
          Direction.MAXIMIZE,
          "study",
          JsonFormat.MAPPER.writeValueAsString(study),
          study.trials().get(0).config().seed(),
          study.description());
    } catch (IOException e) {
      throw new IllegalStateException("cannot write study '" + study.name() + "' as JSON", e);
    }
  }

  /** Reads a stored study's definition back; a study of another kind is bad input. */
  public static StudyDefinition definition(StudyRecord record) {
    if (!"study".equals(record.spec().kind())) {
      throw new InvalidInputException(
          "study '"
              + record.name()
              + "' is a "
              + record.spec().kind()
              + ", not a study of trials; 'study report' shows those only");
    }
    try {
      return JsonFormat.MAPPER.readValue(record.spec().definition(), StudyDefinition.class);
    } catch (IOException e) {
      throw new InvalidInputException(
          "study '"
              + record.name()
              + "' has a definition this "
              + "mnist-lab cannot read: "
              + e.getMessage().lines().findFirst().orElse(""));
    }
  }

  /**
   * Returns the runs of {@code study} that {@code stored} lacks, longest first so that the last
   * runs to finish are short ones.
   */
  public static List<TrialRequest> missing(StudyDefinition study, List<TrialRecord> stored) {
    List<TrialRequest> missing = new ArrayList<>();
    for (TrialDefinition trial : study.trials()) {
      for (int r = 0; r < study.repeats(); r++) {
        TrainConfig config = RunKey.of(trial, r).config();
        boolean present =
            stored.stream()
                .anyMatch(
                    t ->
                        KEPT.contains(t.state())
                            && t.label().equals(trial.name())
                            && t.config().equals(config));
        if (!present) {
          Map<String, Object> params = new LinkedHashMap<>();
          params.put("trial", trial.name());
          params.put("seed", config.seed());
          missing.add(new TrialRequest(trial.name(), params, config));
        }
      }
    }
    missing.sort(Comparator.comparingDouble((TrialRequest t) -> cost(t.config())).reversed());
    return missing;
  }

  /**
   * Returns each trial of {@code study} with its finished stored runs (complete or diverged), in
   * seed order.
   */
  public static List<TrialRuns> runs(StudyDefinition study, List<TrialRecord> stored) {
    List<TrialRuns> trials = new ArrayList<>();
    for (TrialDefinition trial : study.trials()) {
      TrainConfig unseeded = trial.config().withSeed(0);
      List<TrainResult> runs =
          stored.stream()
              .filter(
                  t -> t.label().equals(trial.name()) && t.config().withSeed(0).equals(unseeded))
              .sorted(Comparator.comparingLong(t -> t.config().seed()))
              .map(TrialRecord::toResult)
              .filter(r -> r != null)
              .toList();
      trials.add(
          new TrialRuns(
              trial.name(), trial.config(), runs, trial.reportedAccuracy(), trial.reportedLoss()));
    }
    return trials;
  }

  /**
   * Returns {@code study} with as many repeats as its best-covered trial has finished runs in
   * {@code stored}: a study run again with more repeats is reported with all of them.
   */
  public static StudyDefinition asRun(StudyDefinition study, List<TrialRecord> stored) {
    int repeats = runs(study, stored).stream().mapToInt(t -> t.runs().size()).max().orElse(0);
    return repeats > 0 && repeats != study.repeats() ? study.withRepeats(repeats) : study;
  }

  /**
   * Estimates a run's seconds on one thread: per step, 0.45 ms of fixed cost plus 0.12 ns per
   * multiply-add of the forward pass per image (fitted to the trial-1 and trial-7 networks on 2
   * cores, where multiply-adds are about the parameters; a convolution does many per parameter),
   * times the steps.
   */
  public static double cost(TrainConfig c) {
    long work = ModelSpec.parse(c.model()).multiplyAdds();
    int images = c.trainLimit() > 0 ? c.trainLimit() : 60_000 - c.valSize();
    double steps = Math.ceil((double) images / c.batchSize()) * c.epochs();
    return steps * (4.5e-4 + 1.2e-10 * (double) work * c.batchSize());
  }
}
