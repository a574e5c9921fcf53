package dev.mnistlab.storage;

import dev.mnistlab.InvalidInputException;
import java.util.Objects;

/**
 * Describes a study to create: what it optimises and what defines it.
 *
 * @param name unique within a storage; letters, digits, '.', '_' and '-'
 * @param objective the metric a trial's value is, e.g. {@code val_accuracy}
 * @param direction whether larger or smaller values are better
 * @param kind what the definition is: {@code study} (a preset or study file), {@code sweep} or
 *     {@code search}
 * @param definition the definition as JSON, enough to rebuild the study's reports
 * @param seed the study's seed
 * @param notes free text, or null
 */
public record StudySpec(
    String name,
    String objective,
    Direction direction,
    String kind,
    String definition,
    long seed,
    String notes) {

  public StudySpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(objective, "objective");
    Objects.requireNonNull(direction, "direction");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(definition, "definition");
    if (!name.matches("[A-Za-z0-9._-]{1,100}")) {
      throw new InvalidInputException(
          "study name must be 1-100 letters, digits, '.', '_' or " + "'-', got '" + name + "'");
    }
  }
}
