package dev.mnistlab.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mnistlab.InvalidInputException;
import dev.mnistlab.storage.Direction;
import dev.mnistlab.train.EpochMetrics;
import dev.mnistlab.train.Evaluation;
import dev.mnistlab.train.RunState;
import dev.mnistlab.train.TrainConfig;
import dev.mnistlab.train.TrainResult;
import java.util.List;
import org.junit.jupiter.api.Test;

class ObjectiveTest {
  /** Returns a run of two epochs whose second has the given validation loss and accuracy. */
  static TrainResult run(double valLoss, double valAccuracy, double testAccuracy) {
    List<EpochMetrics> epochs =
        List.of(
            new EpochMetrics(1, 0.9, 0.9, 0.8, 0.50, 1e-3, 1.0, 1000.0),
            new EpochMetrics(2, 0.5, 0.5, valLoss, valAccuracy, 1e-3, 1.0, 1000.0));
    return new TrainResult(
        TrainConfig.defaults(),
        null,
        epochs,
        List.of(),
        new Evaluation(0.3, testAccuracy),
        RunState.COMPLETE,
        "ran all 2 epoch(s)",
        0,
        2.0,
        300.0);
  }

  @Test
  void readsTheLastEpochsValidationAccuracyByDefault() {
    assertThat(Objective.DEFAULT).isEqualTo(Objective.VAL_ACCURACY);
    assertThat(Objective.parse("val_accuracy").valueOf(run(0.4, 0.91, 0.88))).isEqualTo(0.91);
    assertThat(Objective.VAL_ACCURACY.direction()).isEqualTo(Direction.MAXIMIZE);
  }

  @Test
  void minimisesTheLastEpochsValidationLoss() {
    Objective loss = Objective.parse("val_loss");

    assertThat(loss.valueOf(run(0.37, 0.91, 0.88))).isEqualTo(0.37);
    assertThat(loss.direction()).isEqualTo(Direction.MINIMIZE);
  }

  @Test
  void readsTheTestAccuracy() {
    assertThat(Objective.parse(" Test_Accuracy ").valueOf(run(0.4, 0.91, 0.88))).isEqualTo(0.88);
  }

  @Test
  void isNanWhenTheRunMeasuredNothing() {
    TrainResult none =
        new TrainResult(
            TrainConfig.defaults(),
            null,
            List.of(),
            List.of(),
            Evaluation.NONE,
            RunState.FAILED,
            "out of memory",
            0,
            0.1,
            Double.NaN);

    for (Objective objective : Objective.values()) {
      assertThat(objective.valueOf(none)).as(objective.cliName()).isNaN();
    }
    assertThat(Objective.VAL_ACCURACY.valueOf(run(Double.NaN, Double.NaN, 0.9))).isNaN();
  }

  @Test
  void rejectsAnUnknownNameListingTheAllowedOnes() {
    assertThatThrownBy(() -> Objective.parse("accuracy"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "objective must be one of val_accuracy, val_loss, test_accuracy, got " + "'accuracy'");
  }
}
