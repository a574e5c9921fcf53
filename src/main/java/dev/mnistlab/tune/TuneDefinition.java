package dev.mnistlab.tune;

import dev.mnistlab.InvalidInputException;
import dev.mnistlab.storage.StudyRecord;
import dev.mnistlab.storage.StudySpec;
import dev.mnistlab.train.JsonFormat;
import dev.mnistlab.train.TrainConfig;
import dev.mnistlab.worker.Objective;
import java.io.IOException;
import java.util.Objects;

/**
 * Describes a search as its study stores it, so that every worker that joins, and every later
 * {@code --continue}, runs the same search.
 *
 * @param spaceName the space's name ({@code mlp}, {@code cnn} or the file's)
 * @param spaceText the space file's text, so the search does not depend on the file staying
 * @param sampler the sampler's spec, e.g. {@code tpe}
 * @param pruner the pruner's spec, e.g. {@code asha}
 * @param trials how many trials the study holds when it is done, all runs together
 * @param lag how many of the trials just before trial n it does not wait for: trial n learns from
 *     trials 0..n-lag only, so with as many workers as {@code lag} the sequence of configurations
 *     is the same on every run
 * @param base the settings a point of the space does not set (seed, train limit, ...)
 */
public record TuneDefinition(
    String spaceName,
    String spaceText,
    String sampler,
    String pruner,
    int trials,
    int lag,
    TrainConfig base) {

  /** The study kind a search is stored as. */
  public static final String KIND = "search";

  public TuneDefinition {
    Objects.requireNonNull(spaceName, "spaceName");
    Objects.requireNonNull(spaceText, "spaceText");
    Objects.requireNonNull(sampler, "sampler");
    Objects.requireNonNull(pruner, "pruner");
    Objects.requireNonNull(base, "base");
    if (trials < 1) {
      throw new InvalidInputException("--trials must be >= 1, got " + trials);
    }
    if (lag < 1) {
      throw new InvalidInputException("--lag must be >= 1, got " + lag);
    }
  }

  /** Returns the study to store for this search. */
  public StudySpec spec(String name, Objective objective) {
    return new StudySpec(
        name,
        objective.cliName(),
        objective.direction(),
        KIND,
        toJson(),
        base.seed(),
        "search of space " + spaceName + " with " + sampler + " and " + pruner);
  }

  /** Returns this definition as the JSON a study stores. */
  public String toJson() {
    try {
      return JsonFormat.MAPPER.writeValueAsString(this);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write a search definition as JSON", e);
    }
  }

  /** Reads a stored search's definition back; a study of another kind is bad input. */
  public static TuneDefinition of(StudyRecord record) {
    if (!KIND.equals(record.spec().kind())) {
      throw new InvalidInputException(
          "study '"
              + record.name()
              + "' is a "
              + record.spec().kind()
              + ", not a search; choose another --study name");
    }
    try {
      return JsonFormat.MAPPER.readValue(record.spec().definition(), TuneDefinition.class);
    } catch (IOException e) {
      throw new InvalidInputException(
          "search '"
              + record.name()
              + "' has a definition this "
              + "mnist-lab cannot read: "
              + e.getMessage().lines().findFirst().orElse(""));
    }
  }
}
