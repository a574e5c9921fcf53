package dev.mnistlab.study;

import dev.mnistlab.train.TrainConfig;
import java.util.Objects;

/**
 * Describes one trial of a study: a full training config (its seed is the first repeat's) and what
 * a reference reported for it, if anything.
 *
 * @param name unique within the study, e.g. {@code trial 3}
 * @param config the settings every repeat uses, but for the seed
 * @param reportedAccuracy accuracy a reference reported, or null
 * @param reportedLoss training loss a reference reported, or null
 * @param notes free text shown beside the trial, or null
 */
public record TrialDefinition(
    String name, TrainConfig config, Double reportedAccuracy, Double reportedLoss, String notes) {

  public TrialDefinition {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(config, "config");
  }

  /** Returns the name as a file-name part: lower case, runs of other characters as '-'. */
  public String slug() {
    return slugOf(name);
  }

  /** Returns {@code text} as a file-name part: lower case, runs of other characters as '-'. */
  public static String slugOf(String text) {
    return text.toLowerCase(java.util.Locale.ROOT)
        .replaceAll("[^a-z0-9]+", "-")
        .replaceAll("^-|-$", "");
  }
}
