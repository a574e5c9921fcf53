package dev.mnistlab.worker;

import dev.mnistlab.InvalidInputException;
import dev.mnistlab.storage.Direction;
import dev.mnistlab.train.EpochMetrics;
import dev.mnistlab.train.TrainResult;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Names the metric a study optimises and reads it from a training result.
 *
 * <p>The validation metrics are what selection should look at; {@code test_accuracy} exists for
 * studies that only report, since tuning on the test set overstates how good the chosen network is.
 */
public enum Objective {
  /** The last epoch's validation accuracy; larger is better. The default. */
  VAL_ACCURACY(Direction.MAXIMIZE),
  /** The last epoch's validation loss; smaller is better. */
  VAL_LOSS(Direction.MINIMIZE),
  /** The accuracy on the test set, measured once at the end; larger is better. */
  TEST_ACCURACY(Direction.MAXIMIZE);

  /** The objective a study has when none is named. */
  public static final Objective DEFAULT = VAL_ACCURACY;

  private final Direction direction;

  Objective(Direction direction) {
    this.direction = direction;
  }

  /** Returns the objective a study names, or fails naming the allowed ones. */
  public static Objective parse(String name) {
    String wanted = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
    for (Objective objective : values()) {
      if (objective.cliName().equals(wanted)) {
        return objective;
      }
    }
    throw new InvalidInputException(
        "objective must be one of " + allowedNames() + ", got '" + name + "'");
  }

  /** Returns the names a study may use, comma separated. */
  public static String allowedNames() {
    return Arrays.stream(values()).map(Objective::cliName).collect(Collectors.joining(", "));
  }

  /** Returns the name stored with a study, e.g. {@code val_accuracy}. */
  public String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Returns whether larger or smaller values of this metric are better. */
  public Direction direction() {
    return direction;
  }

  /**
   * Returns this metric of {@code result}, or NaN when the run did not measure it (no epoch
   * finished, no validation split, no test evaluation).
   */
  public double valueOf(TrainResult result) {
    if (this == TEST_ACCURACY) {
      double value = result.test().accuracy();
      return Double.isFinite(value) ? value : Double.NaN;
    }
    EpochMetrics last = result.lastEpoch();
    return last == null ? Double.NaN : valueOf(last);
  }

  /**
   * Returns this metric after one epoch, what pruners compare, or NaN when the epoch did not
   * measure it (the test set is measured only at the end).
   */
  public double valueOf(EpochMetrics epoch) {
    double value =
        switch (this) {
          case VAL_ACCURACY -> epoch.valAccuracy();
          case VAL_LOSS -> epoch.valLoss();
          case TEST_ACCURACY -> Double.NaN;
        };
    return Double.isFinite(value) ? value : Double.NaN;
  }
}
