package dev.mnistlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mnistlab.analysis.TrialSummary;
import dev.mnistlab.data.DataDirectory;
import dev.mnistlab.storage.Storage;
import dev.mnistlab.storage.Storages;
import dev.mnistlab.storage.StudyRecord;
import dev.mnistlab.storage.TrialRecord;
import dev.mnistlab.study.StoredStudy;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code study beyond --quick} on the real MNIST as a new user would (7 runs, five of them
 * CNNs, on the first 10,000 training images) and checks that every step is explained, timed and
 * reported, labelled QUICK.
 */
@Tag("slow")
class StudyBeyondQuickTest {
  @TempDir static Path tmp;
  private static CliRun run;
  private static List<TrialRecord> stored;
  private static List<TrialSummary> summaries;

  @BeforeAll
  static void runTheQuickBeyondStudy() {
    Path data = DataDirectory.resolve(null, System.getenv()).ensure(System.err::println);
    String storage = "sqlite:" + tmp.resolve("studies.db");
    run =
        CliRun.of(
            "study",
            "beyond",
            "--quick",
            "--data-dir",
            data.toString(),
            "--storage",
            storage,
            "--out",
            tmp.resolve("report").toString());
    assertThat(run.code()).as(run.err()).isZero();
    try (Storage opened = Storages.open(storage)) {
      StudyRecord record = Storages.requireStudy(opened, "beyond-quick");
      stored = opened.trials(record.id(), true);
      summaries =
          StoredStudy.runs(StoredStudy.definition(record), stored).stream()
              .map(TrialSummary::of)
              .toList();
    }
  }

  @Test
  void trainsEachStepOnceOnTenThousandImages() {
    assertThat(stored).hasSize(7);
    assertThat(stored).allSatisfy(t -> assertThat(t.config().trainLimit()).isEqualTo(10_000));
    assertThat(summaries).allSatisfy(s -> assertThat(s.complete()).as(s.name()).isEqualTo(1));
  }

  @Test
  void learnsInEveryStep() {
    // Even a fifth of the epochs on a sixth of the images is far above chance (0.1).
    for (TrialSummary s : summaries.subList(0, 2)) {
      assertThat(s.testAccuracy().mean()).as(s.name()).isGreaterThan(0.9);
    }
    for (TrialSummary s : summaries.subList(2, 7)) {
      assertThat(s.testAccuracy().mean()).as(s.name()).isGreaterThan(0.95);
    }
  }

  @Test
  void explainsAndTimesEveryStepLabelledQuick() {
    assertThat(run.out().replaceAll("\\s+", " "))
        .contains("Study beyond-quick (QUICK)")
        .contains(
            "QUICK RUN: one repeat, a fifth of the epochs and the first 10,000 training images")
        .contains("1 seed trial 7 -> 2 normalised, cosine: changed schedule: constant -> cosine")
        .contains("2 normalised, cosine -> 3 CNN baseline: changed model:")
        .contains("3 CNN baseline -> 4 + batch norm")
        .contains("4 + batch norm -> 5 + augmentation: changed augment: none ->")
        .contains("5 + augmentation -> 6 + one-cycle, 20 epochs")
        .contains("6 + one-cycle, 20 epochs -> 7 + smoothing, EMA")
        .contains("Verdict: unknown")
        .contains("Time per run")
        .contains("Which trial to choose")
        .doesNotContain("NaN");
  }

  @Test
  void writesTheReports() {
    assertThat(tmp.resolve("report/report.md")).content().contains("(QUICK)");
    assertThat(tmp.resolve("report/report.html")).exists();
    assertThat(tmp.resolve("report/7-smoothing-ema.png")).exists();
  }
}
