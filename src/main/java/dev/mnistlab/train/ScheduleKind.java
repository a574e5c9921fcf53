package dev.mnistlab.train;

import dev.mnistlab.InvalidInputException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Names the learning-rate schedules {@code train} offers.
 *
 * <ul>
 *   <li>{@code constant}: the base rate throughout (after any warm-up).
 *   <li>{@code step}: the base rate times 0.1 after each third of the run.
 *   <li>{@code cosine}: half a cosine from the base rate down to zero at the last step (Loshchilov
 *       and Hutter 2017, without restarts).
 *   <li>{@code onecycle}: up from base/25 to the base rate over the first 30% of steps (or the
 *       warm-up), then a cosine down to base/1e4 (Smith and Topin 2019), as PyTorch's {@code
 *       OneCycleLR} does by default.
 * </ul>
 */
public enum ScheduleKind {
  CONSTANT,
  STEP,
  COSINE,
  ONECYCLE;

  /** Returns the kind for a user-typed name, or fails naming the allowed ones. */
  public static ScheduleKind parse(String name) {
    for (ScheduleKind kind : values()) {
      if (kind.cliName().equals(name.trim().toLowerCase(Locale.ROOT))) {
        return kind;
      }
    }
    throw new InvalidInputException(
        "unknown schedule '" + name + "': allowed are " + allowedNames());
  }

  /** Returns the names users type, comma separated. */
  public static String allowedNames() {
    return Arrays.stream(values()).map(ScheduleKind::cliName).collect(Collectors.joining(", "));
  }

  /** Returns the name users type for this kind. */
  public String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Returns whether the rate at a given epoch depends on the total number of epochs. */
  public boolean dependsOnTotalEpochs() {
    return this != CONSTANT;
  }
}
