package dev.mnistlab.study;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mnistlab.report.Block;
import dev.mnistlab.report.TerminalRenderer;
import dev.mnistlab.storage.TrialRecord;
import dev.mnistlab.storage.TrialState;
import dev.mnistlab.train.TrainConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class StudyNarrativeTest {
  private static final TrainConfig SMALL = TrainConfig.defaults().withRun(2, 100, 1e-3).withSeed(1);
  private static final TrainConfig LONG = SMALL.withRun(3, 100, 1e-3);
  private static final StudyDefinition STUDY =
      new StudyDefinition(
          "demo",
          "",
          2,
          List.of(
              new TrialDefinition("small", SMALL, null, null, null),
              new TrialDefinition("long", LONG, null, null, null)),
          false);

  /** Two finished runs of "small", with no step losses sampled (the fixture keeps none). */
  private static List<TrialRecord> smallRuns() {
    return List.of(
        StoredTrials.finished(
            0,
            "small",
            TrialState.COMPLETE,
            SMALL,
            new double[] {0.30, 0.20},
            new double[] {0.95, 0.96},
            0.955),
        StoredTrials.finished(
            1,
            "small",
            TrialState.COMPLETE,
            SMALL.withSeed(2),
            new double[] {0.32, 0.22},
            new double[] {0.94, 0.95},
            0.945));
  }

  @Test
  void showsADashAndSaysWhyWhenNoStepLossesWereSampled() {
    List<Block> blocks = blocks(smallRuns());

    assertThat(table(blocks, "step-loss sd").rows().get(0))
        .containsExactly("small", "100", "adam", "\u2014", "\u2014", "\u2014", "0");
    assertThat(paragraphAfter(blocks, "step-loss sd"))
        .isEqualTo(
            "\u2014 no run has finished "
                + "yet (a waiting or running trial shows results once an attempt finishes); or fewer "
                + "than 23 step losses were sampled in each run (one every log_every steps), too few "
                + "for a spread around the moving average; train for more steps or lower log_every.");
    assertThat(text(blocks)).doesNotContain("NaN").doesNotContain("Infinity");
  }

  @Test
  void showsNothingOfAStoppedAttemptsPartialEpochs() {
    // The attempt was stopped after two of three epochs and the trial queued again; storage
    // keeps the epochs it reported.
    TrialRecord stopped =
        StoredTrials.finished(
            2,
            "long",
            TrialState.WAITING,
            LONG,
            new double[] {0.31, 0.21},
            new double[] {0.9123, 0.9234},
            0.9345);
    List<TrialRecord> stored = new java.util.ArrayList<>(smallRuns());
    stored.add(stopped);

    List<Block> blocks = blocks(stored);

    List<String> row = table(blocks, "runs ok").rows().get(1);
    assertThat(row.subList(0, 1)).containsExactly("long");
    assertThat(row.subList(6, 12)).containsExactly("0/0", "-", "-", "-", "-", "-");
    assertThat(table(blocks, "step-loss sd").rows().get(1))
        .containsExactly("long", "100", "adam", "\u2014", "\u2014", "\u2014", "0");
    String text = text(blocks);
    assertThat(text)
        .contains(
            "- long: no run has finished yet (a waiting or running trial "
                + "shows results once an attempt finishes).");
    assertThat(text)
        .contains(
            "- small -> long: changed epochs: 2 -> 3. Validation accuracy "
                + "not measured (a side has no finished run) (p not defined); test accuracy not "
                + "measured (a side has no finished run). Verdict: unknown");
    assertThat(text)
        .doesNotContain("0.9234")
        .doesNotContain("0.9123")
        .doesNotContain("0.9345")
        .doesNotContain("NaN");
  }

  @Test
  void saysWhatEachStepCostInSecondsPerRun() {
    List<TrialRecord> stored = new java.util.ArrayList<>(smallRuns());
    stored.add(longRun(2, 1, 30));
    stored.add(longRun(3, 2, 40));

    String text = text(blocks(stored));

    // small: 12.5 s a run (the fixture's); long: 30 and 40 s.
    assertThat(text).contains("Verdict: ").contains(" Time per run 13 s -> 35 s (+23 s, x2.8).");
  }

  @Test
  void saysTheTimeIsNotMeasuredWhenASideHasNoFinishedRun() {
    assertThat(text(blocks(smallRuns())))
        .contains("Time per run not measured (a side has no finished run).");
  }

  @Test
  void labelsAQuickRunWithTheImagesItTrainedOn() {
    StudyDefinition quick =
        new StudyDefinition("demo", "", 2, STUDY.trials(), false, 10_000).toQuick();

    String text = text(StudyNarrative.blocks(quick, StoredStudy.runs(quick, List.of())));

    assertThat(text)
        .contains("Study demo-quick (QUICK)")
        .contains(
            "QUICK RUN: one repeat, a fifth of the epochs and the first 10,000 training images,"
                + " for a first look. Without repeats, no difference below can be told from seed"
                + " noise.");
    String plain = text(StudyNarrative.blocks(STUDY.toQuick(), List.of()));
    assertThat(plain)
        .contains("QUICK RUN: one repeat and a fifth of the epochs, for a first look. Without")
        .doesNotContain("EMA");
  }

  @Test
  void saysAQuickRunShortensItsWeightAverages() {
    StudyDefinition averaged =
        new StudyDefinition(
                "demo",
                "",
                2,
                List.of(new TrialDefinition("small", SMALL.withEma(0.999), null, null, null)),
                false)
            .toQuick();

    assertThat(text(StudyNarrative.blocks(averaged, List.of())))
        .contains(
            "Weight averages (EMA) are shortened with the runs, so each spans the same share of"
                + " its run's steps as in the full study.");
  }

  private static TrialRecord longRun(int number, long seed, double seconds) {
    return StoredTrials.finished(
        number,
        "long",
        TrialState.COMPLETE,
        LONG.withSeed(seed),
        new double[] {0.3, 0.2, 0.15},
        new double[] {0.95, 0.96, 0.97},
        0.965,
        seconds);
  }

  private static List<Block> blocks(List<TrialRecord> stored) {
    return StudyNarrative.blocks(STUDY, StoredStudy.runs(STUDY, stored));
  }

  private static Block.Table table(List<Block> blocks, String column) {
    return blocks.stream()
        .filter(b -> b instanceof Block.Table t && t.header().contains(column))
        .map(Block.Table.class::cast)
        .findFirst()
        .orElseThrow();
  }

  private static String paragraphAfter(List<Block> blocks, String column) {
    int i = blocks.indexOf(table(blocks, column));
    return ((Block.Paragraph) blocks.get(i + 1)).text();
  }

  private static String text(List<Block> blocks) {
    StringWriter out = new StringWriter();
    new TerminalRenderer().render(blocks, new PrintWriter(out));
    return out.toString().replaceAll("\\s+", " ");
  }
}
