package dev.mnistlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mnistlab.storage.Direction;
import dev.mnistlab.storage.StudyRecord;
import dev.mnistlab.storage.TrialRecord;
import dev.mnistlab.storage.TrialState;
import dev.mnistlab.train.Evaluation;
import dev.mnistlab.train.TrainConfig;
import dev.mnistlab.tune.ConfirmPlan;
import dev.mnistlab.tune.TuneConfirmation;
import dev.mnistlab.tune.TuneDefinition;
import dev.mnistlab.tune.TuneReport;
import dev.mnistlab.worker.Objective;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TuneOutputTest {
  private static final TrainConfig BASE = TrainConfig.defaults().withSeed(42);
  private static final TuneDefinition DEFINITION =
      new TuneDefinition("mlp", "name: mlp", "tpe", "median", 10, 2, BASE);
  private static final StudyRecord STUDY =
      new StudyRecord(1, DEFINITION.spec("tune-mlp", Objective.VAL_ACCURACY), Instant.EPOCH);

  private static TrialRecord trial(int number, TrainConfig config, double value, double test) {
    return new TrialRecord(
        100 + number,
        1,
        number,
        "trial " + number,
        Map.of("lr", config.lr()),
        config,
        TrialState.COMPLETE,
        null,
        "w",
        1,
        Instant.EPOCH,
        null,
        null,
        null,
        value,
        new Evaluation(0.1, test),
        10.0,
        0,
        Double.NaN,
        null,
        List.of(),
        List.of());
  }

  /** Four search trials; the second and third are within 0.0015 of the best's 0.9882. */
  private static List<TrialRecord> search() {
    return List.of(
        trial(0, BASE.withRun(12, 128, 0.001), 0.9882, 0.985),
        trial(1, BASE.withRun(12, 128, 0.002), 0.9870, 0.984),
        trial(2, BASE.withRun(12, 128, 0.003), 0.9868, 0.983),
        trial(3, BASE.withRun(12, 128, 0.004), 0.9800, 0.979));
  }

  private static String text(TuneReport r) {
    StringWriter s = new StringWriter();
    TuneOutput.text(new PrintWriter(s), r, "sqlite:x.db", Double.NaN);
    return s.toString();
  }

  @Test
  void marksTheTopTenEntriesWithinOneStandardErrorOfTheBest() {
    String out = text(TuneReport.of(STUDY, DEFINITION, search()));

    assertThat(out)
        .containsPattern("(?m)^   1      0       0\\.9882        0 ")
        .containsPattern("(?m)^   2      1       0\\.9870 \\*      0 ")
        .containsPattern("(?m)^   3      2       0\\.9868 \\*      0 ")
        .containsPattern("(?m)^   4      3       0\\.9800        0 ")
        .contains(
            "* within one standard error of the best (0.0015 = sqrt(p(1-p)/n) for p = 0.9882 on"
                + " n = 5000 validation images): as single runs these cannot be told from the best;"
                + " --confirm K[xS] trains the top K again with new seeds")
        .doesNotContain("Confirmation");
  }

  @Test
  void printsTheConfirmationAfterTheTopTen() {
    List<TrialRecord> search = search();
    List<TrialRecord> runs = new ArrayList<>();
    double[][] values = {{0.984, 0.985, 0.986}, {0.988, 0.989, 0.990}};
    for (int c = 0; c < 2; c++) {
      for (int s = 0; s < 3; s++) {
        runs.add(
            trial(
                10 + runs.size(),
                search.get(c).config().withSeed(43 + s),
                values[c][s],
                0.97 + 0.001 * s));
      }
    }
    TuneReport r = TuneReport.of(STUDY, DEFINITION, search);
    r =
        r.withConfirmation(
            TuneConfirmation.of(
                new ConfirmPlan(2, 3),
                Direction.MAXIMIZE,
                TuneReport.ranked(Direction.MAXIMIZE, search),
                runs));

    String out = text(r);

    assertThat(out)
        .contains("Confirmation (2 configs x 3 seeds)")
        .containsPattern(
            "(?m)^   1      0   0\\.9882 +0\\.9850 \\[0\\.9825, 0\\.9875\\]   3/3  worse \\(p=0\\.0")
        .containsPattern(
            "(?m)^   2      1   0\\.9870 +0\\.9890 \\[0\\.9865, 0\\.9915\\]   3/3  best$")
        .contains(
            "chosen: trial 1 (rank 2 in the search), val_accuracy 0.9890 [0.9865, 0.9915] over seeds"
                + " 43, 44, 45")
        .contains("  test accuracy 0.9710 [0.9685, 0.9735] over its 3 new run(s)")
        .doesNotContain("--confirm K[xS] trains");
    assertThat(out.indexOf("Confirmation")).isGreaterThan(out.indexOf("top 4 by val_accuracy"));
  }
}
