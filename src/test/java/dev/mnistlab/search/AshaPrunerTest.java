package dev.mnistlab.search;

import static dev.mnistlab.storage.Direction.MAXIMIZE;
import static dev.mnistlab.storage.Direction.MINIMIZE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mnistlab.InvalidInputException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class AshaPrunerTest {
  @Test
  void placesRungsFromWhichAContinuingTrialTrainsEtaTimesAsLong() {
    assertThat(new AshaPruner(MAXIMIZE, 1, 3, 27).rungs()).containsExactly(1, 3, 9);
    assertThat(new AshaPruner(MAXIMIZE, 1, 3, 12).rungs()).containsExactly(1, 3);
    assertThat(new AshaPruner(MAXIMIZE, 1, 3, 9).rungs()).containsExactly(1, 3);
    assertThat(new AshaPruner(MAXIMIZE, 2, 2, 16).rungs()).containsExactly(2, 4, 8);
    assertThat(new AshaPruner(MAXIMIZE, 1, 3, 1).rungs()).isEmpty();
  }

  @Test
  void promotesTheTopThirdOfEachRung() {
    AshaPruner pruner = new AshaPruner(MAXIMIZE, 1, 3, 27);
    // Nine trials, shuffled so that trial number and rank differ; trial i scores score[i].
    double[] score = {0.5, 0.9, 0.1, 0.7, 0.3, 0.8, 0.2, 0.6, 0.4};

    for (int rung : List.of(1, 3, 9)) {
      List<Integer> continuing = new ArrayList<>();
      for (int t = 0; t < score.length; t++) {
        List<Curve> others = new ArrayList<>();
        for (int o = 0; o < score.length; o++) {
          if (o != t) {
            others.add(new Curve(o, flat(rung, score[o])));
          }
        }
        if (!pruner.prune(t, flat(rung, score[t]), others)) {
          continuing.add(t);
        }
      }
      assertThat(continuing).as("rung %d", rung).containsExactly(1, 3, 5);
    }
  }

  @Test
  void keepsFloorOfOneEtathOfTheTrialsAtTheRung() {
    AshaPruner pruner = new AshaPruner(MAXIMIZE, 1, 3, 27);
    List<Curve> five = new ArrayList<>();
    for (int o = 0; o < 5; o++) {
      five.add(new Curve(o, List.of(0.1 * (o + 1))));
    }

    // Six trials at the rung keep two: only the second best of them may continue.
    assertThat(pruner.prune(5, List.of(0.45), five)).isFalse();
    assertThat(pruner.prune(5, List.of(0.35), five)).isTrue();
  }

  @Test
  void neverPrunesBetweenRungs() {
    AshaPruner pruner = new AshaPruner(MAXIMIZE, 1, 3, 27);
    List<Curve> better = new ArrayList<>();
    for (int o = 0; o < 9; o++) {
      better.add(new Curve(o, flat(27, 0.9)));
    }

    for (int epoch = 1; epoch <= 27; epoch++) {
      boolean rung = epoch == 1 || epoch == 3 || epoch == 9;
      assertThat(pruner.prune(9, flat(epoch, 0.1), better)).as("epoch %d", epoch).isEqualTo(rung);
    }
  }

  @Test
  void continuesWhileFewerThanEtaTrialsReachedTheRung() {
    AshaPruner pruner = new AshaPruner(MAXIMIZE, 1, 3, 27);
    Curve best = new Curve(0, List.of(0.9));

    assertThat(pruner.prune(1, List.of(0.1), List.of())).isFalse();
    assertThat(pruner.prune(1, List.of(0.1), List.of(best))).isFalse();
    assertThat(pruner.prune(2, List.of(0.1), List.of(best, new Curve(1, List.of(0.5))))).isTrue();
  }

  @Test
  void ranksOnlyTheTrialsThatReachedTheRung() {
    AshaPruner pruner = new AshaPruner(MAXIMIZE, 1, 3, 27);
    // Two better trials stopped at epoch 1 and cannot be ranked at epoch 3.
    List<Curve> others =
        List.of(
            new Curve(0, List.of(0.9)),
            new Curve(1, List.of(0.9)),
            new Curve(2, List.of(0.9, 0.9, 0.9)));

    assertThat(pruner.prune(3, List.of(0.1, 0.1, 0.1), others)).isFalse();
  }

  @Test
  void respectsDirectionForLoss() {
    AshaPruner loss = new AshaPruner(MINIMIZE, 1, 3, 27);
    AshaPruner accuracy = new AshaPruner(MAXIMIZE, 1, 3, 27);
    List<Curve> others = List.of(new Curve(0, List.of(0.2)), new Curve(1, List.of(0.8)));

    assertThat(loss.prune(2, List.of(0.1), others)).isFalse();
    assertThat(loss.prune(2, List.of(0.5), others)).isTrue();
    assertThat(accuracy.prune(2, List.of(0.9), others)).isFalse();
    assertThat(accuracy.prune(2, List.of(0.5), others)).isTrue();
  }

  @Test
  void ranksNanBelowEveryValue() {
    AshaPruner loss = new AshaPruner(MINIMIZE, 1, 3, 27);
    List<Curve> diverged =
        List.of(new Curve(0, List.of(Double.NaN)), new Curve(1, List.of(Double.NaN)));

    assertThat(
            loss.prune(
                2,
                List.of(Double.NaN),
                List.of(new Curve(0, List.of(5.0)), new Curve(1, List.of(7.0)))))
        .isTrue();
    assertThat(loss.prune(2, List.of(100.0), diverged)).isFalse();
  }

  @Test
  void rejectsSettingsOutOfRange() {
    assertThatThrownBy(() -> new AshaPruner(MAXIMIZE, 1, 1, 27))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("asha eta must be >= 2, got 1");
    assertThatThrownBy(() -> new AshaPruner(MAXIMIZE, 0, 3, 27))
        .hasMessage("asha min must be between 1 and the epochs (27), got 0");
    assertThatThrownBy(() -> new AshaPruner(MAXIMIZE, 28, 3, 27))
        .hasMessage("asha min must be between 1 and the epochs (27), got 28");
    assertThatThrownBy(() -> new AshaPruner(MAXIMIZE, 1, 3, 0))
        .hasMessage("epochs must be >= 1, got 0");
  }

  @Test
  void describesItsRungs() {
    assertThat(new AshaPruner(MAXIMIZE, 1, 3, 27))
        .hasToString("asha (maximize; eta 3, min 1, 27 epochs; rungs at epochs [1, 3, 9])");
    assertThat(new AshaPruner(MINIMIZE, 4, 3, 4))
        .hasToString("asha (minimize; eta 3, min 4, 4 epochs; rungs at epochs none)");
  }

  private static List<Double> flat(int epochs, double value) {
    return Collections.nCopies(epochs, value);
  }
}
