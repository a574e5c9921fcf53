package dev.mnistlab.search;

import static dev.mnistlab.storage.Direction.MAXIMIZE;
import static dev.mnistlab.storage.Direction.MINIMIZE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mnistlab.InvalidInputException;
import dev.mnistlab.search.MedianPruner.Among;
import dev.mnistlab.search.MedianPruner.Judge;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MedianPrunerTest {
  /** Five finished trials whose accuracies at epochs 1..3 have medians 0.5, 0.6 and 0.7. */
  private static final List<Curve> FIVE =
      List.of(
          new Curve(0, List.of(0.3, 0.4, 0.5)),
          new Curve(1, List.of(0.4, 0.5, 0.6)),
          new Curve(2, List.of(0.5, 0.6, 0.7)),
          new Curve(3, List.of(0.6, 0.7, 0.8)),
          new Curve(4, List.of(0.7, 0.8, 0.9)));

  @Test
  void prunesTrialBelowMedianAfterWarmup() {
    MedianPruner pruner = new MedianPruner(MAXIMIZE, 5, 1, 1);

    assertThat(pruner.prune(5, List.of(0.9, 0.55), FIVE)).isTrue();
    assertThat(pruner.prune(5, List.of(0.9, 0.65), FIVE)).isFalse();
    assertThat(pruner.prune(5, List.of(0.9, 0.65, 0.69), FIVE)).isTrue();
  }

  @Test
  void comparesAtTheSameEpochNotTheBestSoFar() {
    MedianPruner pruner = new MedianPruner(MAXIMIZE, 5, 0, 1);

    // 0.9 after epoch 1 beats every median, but the value after epoch 3 is what is judged.
    assertThat(pruner.prune(5, List.of(0.9, 0.8, 0.65), FIVE)).isTrue();
  }

  @Test
  void letsATieWithTheMedianContinue() {
    MedianPruner pruner = new MedianPruner(MAXIMIZE, 5, 0, 1);

    assertThat(pruner.prune(5, List.of(0.5), FIVE)).isFalse();
    assertThat(pruner.prune(5, List.of(0.4999), FIVE)).isTrue();
  }

  @Test
  void neverPrunesDuringWarmup() {
    MedianPruner pruner = new MedianPruner(MAXIMIZE, 5, 2, 1);

    assertThat(pruner.prune(5, List.of(0.0), FIVE)).isFalse();
    assertThat(pruner.prune(5, List.of(0.0, 0.0), FIVE)).isFalse();
    assertThat(pruner.prune(5, List.of(0.0, 0.0, 0.0), FIVE)).isTrue();
  }

  @Test
  void neverPrunesBeforeStartupTrials() {
    MedianPruner pruner = new MedianPruner(MAXIMIZE, 5, 0, 1);

    assertThat(pruner.prune(5, List.of(0.0), FIVE.subList(0, 4))).isFalse();
    assertThat(pruner.prune(5, List.of(0.0), FIVE)).isTrue();
    assertThat(new MedianPruner(MAXIMIZE, 0, 0, 1).prune(0, List.of(0.0), List.of())).isFalse();
  }

  @Test
  void countsOnlyTheTrialsThatReachedTheEpochTowardStartup() {
    List<Curve> others = new ArrayList<>(FIVE);
    others.set(4, new Curve(4, List.of(0.7)));
    MedianPruner pruner = new MedianPruner(MAXIMIZE, 5, 0, 1);

    assertThat(pruner.prune(5, List.of(0.0), others)).isTrue();
    assertThat(pruner.prune(5, List.of(0.9, 0.0), others)).isFalse();
  }

  @Test
  void checksOnlyEveryIntervalEpochsAfterWarmup() {
    MedianPruner pruner = new MedianPruner(MAXIMIZE, 1, 1, 2);
    List<Curve> good = List.of(new Curve(0, List.of(1.0, 1.0, 1.0, 1.0, 1.0)));

    assertThat(pruner.prune(1, List.of(0.0), good)).isFalse();
    assertThat(pruner.prune(1, List.of(0.0, 0.0), good)).isTrue();
    assertThat(pruner.prune(1, List.of(0.0, 0.0, 0.0), good)).isFalse();
    assertThat(pruner.prune(1, List.of(0.0, 0.0, 0.0, 0.0), good)).isTrue();
    assertThat(pruner.prune(1, List.of(0.0, 0.0, 0.0, 0.0, 0.0), good)).isFalse();
  }

  @Test
  void respectsDirectionForLoss() {
    List<Curve> losses =
        List.of(new Curve(0, List.of(0.3)), new Curve(1, List.of(0.4)), new Curve(2, List.of(0.5)));
    MedianPruner loss = new MedianPruner(MINIMIZE, 3, 0, 1);
    MedianPruner accuracy = new MedianPruner(MAXIMIZE, 3, 0, 1);

    assertThat(loss.prune(3, List.of(0.45), losses)).isTrue();
    assertThat(loss.prune(3, List.of(0.35), losses)).isFalse();
    assertThat(accuracy.prune(3, List.of(0.45), losses)).isFalse();
    assertThat(accuracy.prune(3, List.of(0.35), losses)).isTrue();
  }

  @Test
  void countsNanAsWorstOnBothSides() {
    List<Curve> mostlyDiverged =
        List.of(
            new Curve(0, List.of(Double.NaN)),
            new Curve(1, List.of(Double.NaN)),
            new Curve(2, List.of(0.2)));
    MedianPruner pruner = new MedianPruner(MINIMIZE, 3, 0, 1);

    assertThat(pruner.prune(3, List.of(Double.NaN), FIVE)).isTrue();
    assertThat(pruner.prune(3, List.of(9.0), mostlyDiverged)).isFalse();
  }

  @Test
  void rejectsSettingsOutOfRange() {
    assertThatThrownBy(() -> new MedianPruner(MAXIMIZE, -1, 0, 1))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("median startup must be >= 0 trials, got -1");
    assertThatThrownBy(() -> new MedianPruner(MAXIMIZE, 5, -2, 1))
        .hasMessage("median warmup must be >= 0 epochs, got -2");
    assertThatThrownBy(() -> new MedianPruner(MAXIMIZE, 5, 0, 0))
        .hasMessage("median interval must be >= 1 epoch, got 0");
  }

  @Test
  void describesItsSettings() {
    assertThat(new MedianPruner(MINIMIZE, 5, 2, 1))
        .hasToString(
            "median (minimize; judged from "
                + "epoch 3 every 1 epoch(s), once 5 earlier trial(s) reached the epoch; latest value "
                + "against the median)");
    assertThat(new MedianPruner(MAXIMIZE, 5, 0, 1, Among.COMPLETE, Judge.BEST))
        .hasToString(
            "median (maximize; judged from epoch 1 every 1 epoch(s), once 5 earlier "
                + "complete trial(s) reached the epoch; best value so far against the median of "
                + "complete trials)");
  }

  @Test
  void amongCompleteTakesTheMedianAndTheStartupOverCompleteTrialsOnly() {
    List<Curve> others = new ArrayList<>(FIVE);
    others.add(new Curve(5, List.of(0.1), false));
    others.add(new Curve(6, List.of(0.1), false));
    MedianPruner all = new MedianPruner(MAXIMIZE, 5, 0, 1);
    MedianPruner complete = new MedianPruner(MAXIMIZE, 5, 0, 1, Among.COMPLETE, Judge.LATEST);

    // Epoch 1 over all seven: median 0.4; over the five complete ones: 0.5.
    assertThat(all.prune(7, List.of(0.45), others)).isFalse();
    assertThat(complete.prune(7, List.of(0.45), others)).isTrue();
    // Four complete and two pruned: enough for all, too few for complete.
    List<Curve> fourComplete = others.subList(1, 7);
    assertThat(all.prune(7, List.of(0.0), fourComplete)).isTrue();
    assertThat(complete.prune(7, List.of(0.0), fourComplete)).isFalse();
    assertThat(complete.readsOutcomes()).isTrue();
    assertThat(all.readsOutcomes()).isFalse();
  }

  @Test
  void judgeBestComparesTheBestValueSoFar() {
    MedianPruner best = new MedianPruner(MAXIMIZE, 5, 0, 1, Among.ALL, Judge.BEST);

    // Epoch-3 median 0.7: 0.65 now is below it, but 0.75 after epoch 2 is not.
    assertThat(best.prune(5, List.of(0.5, 0.75, 0.65), FIVE)).isFalse();
    assertThat(best.prune(5, List.of(0.5, 0.6, 0.65), FIVE)).isTrue();
    // Minimising, the best is the smallest value.
    MedianPruner loss = new MedianPruner(MINIMIZE, 5, 0, 1, Among.ALL, Judge.BEST);
    assertThat(loss.prune(5, List.of(0.2, 0.9, 0.9), FIVE)).isFalse();
    assertThat(loss.prune(5, List.of(0.8, 0.9, 0.75), FIVE)).isTrue();
  }
}
