package dev.mnistlab.study;

import dev.mnistlab.InvalidInputException;
import dev.mnistlab.train.TrainConfig;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Describes a study: named trials, each a full training config, run {@code repeats} times with
 * seeds {@code seed, seed+1, ...}.
 *
 * @param name the study's name, used for its directory
 * @param description one line on what it is for
 * @param repeats runs per trial, each with its own seed
 * @param trials the trials, in the order a reader should compare them
 * @param quick whether epochs were scaled down for a first look
 * @param quickTrainLimit the training images each trial of the quick version uses, the first N; 0
 *     for the trials' own (a study of CNNs needs fewer images to fit a quick look's minutes)
 */
public record StudyDefinition(
    String name,
    String description,
    int repeats,
    List<TrialDefinition> trials,
    boolean quick,
    int quickTrainLimit) {

  public StudyDefinition {
    if (repeats < 1) {
      throw new InvalidInputException("repeats must be >= 1, got " + repeats);
    }
    if (quickTrainLimit < 0) {
      throw new InvalidInputException(
          "quick train limit must be >= 0 (0 keeps the trials' own), got " + quickTrainLimit);
    }
    if (trials.isEmpty()) {
      throw new InvalidInputException("study '" + name + "' has no trials");
    }
    Set<String> slugs = new HashSet<>();
    for (TrialDefinition trial : trials) {
      if (!slugs.add(trial.slug())) {
        throw new InvalidInputException(
            "study '"
                + name
                + "': two trials are named like '"
                + trial.name()
                + "'; trial names must differ");
      }
    }
    trials = List.copyOf(trials);
  }

  /** Creates a study whose quick version keeps the trials' own training images. */
  public StudyDefinition(
      String name, String description, int repeats, List<TrialDefinition> trials, boolean quick) {
    this(name, description, repeats, trials, quick, 0);
  }

  /** Returns a copy run {@code newRepeats} times per trial. */
  public StudyDefinition withRepeats(int newRepeats) {
    return new StudyDefinition(name, description, newRepeats, trials, quick, quickTrainLimit);
  }

  /**
   * Returns the quick version: one repeat, every trial's epochs divided by five (at least two),
   * and, when {@code quickTrainLimit} is set, at most that many training images; named {@code
   * NAME-quick} so its results never mix with the full study's.
   *
   * <p>A weight average (EMA) is shortened with the run: its horizon, 1/(1-decay) steps, keeps its
   * share of the run's steps (see {@link #quickEma}). Left as it was, an average of 0.999 over a
   * quick run's few hundred steps would weigh them almost evenly, the untrained first ones too.
   */
  public StudyDefinition toQuick() {
    List<TrialDefinition> shorter =
        trials.stream()
            .map(
                t ->
                    new TrialDefinition(
                        t.name(),
                        quickConfig(t.config()),
                        t.reportedAccuracy(),
                        t.reportedLoss(),
                        t.notes()))
            .toList();
    return new StudyDefinition(name + "-quick", description, 1, shorter, true, quickTrainLimit);
  }

  private TrainConfig quickConfig(TrainConfig config) {
    TrainConfig shorter =
        config.withRun(Math.max(2, config.epochs() / 5), config.batchSize(), config.lr());
    if (quickTrainLimit > 0) {
      int own = config.trainLimit();
      shorter = shorter.withTrainLimit(own > 0 ? Math.min(own, quickTrainLimit) : quickTrainLimit);
    }
    return config.averagesWeights()
        ? shorter.withEma(quickEma(config.ema(), steps(config) / steps(shorter)))
        : shorter;
  }

  /**
   * Returns the decay whose horizon is {@code times} shorter than that of {@code decay}: 1 - (1 -
   * decay) * times, to four decimals, and at least 0.5 (an average of about the last two steps).
   */
  static double quickEma(double decay, double times) {
    if (times <= 1) {
      return decay;
    }
    double shorter = 1 - (1 - decay) * times;
    return Math.max(0.5, Math.round(shorter * 1e4) / 1e4);
  }

  /** Returns the optimizer steps of a run, taking MNIST's 60,000 training images as the pool. */
  private static double steps(TrainConfig c) {
    int images = c.trainLimit() > 0 ? c.trainLimit() : 60_000 - c.valSize();
    return Math.ceil((double) images / c.batchSize()) * c.epochs();
  }
}
