package dev.mnistlab.study;

import dev.mnistlab.InvalidInputException;
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
 */
public record StudyDefinition(
    String name, String description, int repeats, List<TrialDefinition> trials, boolean quick) {

  public StudyDefinition {
    if (repeats < 1) {
      throw new InvalidInputException("repeats must be >= 1, got " + repeats);
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

  /** Returns a copy run {@code newRepeats} times per trial. */
  public StudyDefinition withRepeats(int newRepeats) {
    return new StudyDefinition(name, description, newRepeats, trials, quick);
  }

  /**
   * Returns the quick version: one repeat, every trial's epochs divided by five (at least two),
   * named {@code NAME-quick} so its results never mix with the full study's.
   */
  public StudyDefinition toQuick() {
    List<TrialDefinition> shorter =
        trials.stream()
            .map(
                t ->
                    new TrialDefinition(
                        t.name(),
                        t.config()
                            .withRun(
                                Math.max(2, t.config().epochs() / 5),
                                t.config().batchSize(),
                                t.config().lr()),
                        t.reportedAccuracy(),
                        t.reportedLoss(),
                        t.notes()))
            .toList();
    return new StudyDefinition(name + "-quick", description, 1, shorter, true);
  }
}
