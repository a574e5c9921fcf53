package dev.mnistlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mnistlab.analysis.FactorEffect;
import dev.mnistlab.analysis.LevelSummary;
import dev.mnistlab.data.DataDirectory;
import dev.mnistlab.storage.Storage;
import dev.mnistlab.storage.Storages;
import dev.mnistlab.storage.StudyRecord;
import dev.mnistlab.sweep.StoredSweep;
import dev.mnistlab.sweep.SweepPlan;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code sweep --quick} on the real MNIST as a new user would (14 runs, about 70 s on 2 cores)
 * and checks that every factor of the seed is reported in every format.
 */
@Tag("slow")
class SweepQuickTest {
  @TempDir static Path tmp;
  private static CliRun run;
  private static List<FactorEffect> factors;

  @BeforeAll
  static void runTheQuickSweep() {
    Path data = DataDirectory.resolve(null, System.getenv()).ensure(System.err::println);
    String storage = "sqlite:" + tmp.resolve("sweep.db");
    run =
        CliRun.of(
            "sweep",
            "--quick",
            "--data-dir",
            data.toString(),
            "--storage",
            storage,
            "--out",
            tmp.resolve("report").toString());
    assertThat(run.code()).as(run.err()).isZero();
    try (Storage opened = Storages.open(storage)) {
      StudyRecord record = Storages.requireStudy(opened, "sweep-quick");
      SweepPlan plan = StoredSweep.plan(record);
      factors = StoredSweep.factors(plan, opened.trials(record.id(), true));
    }
  }

  @Test
  void reportsEachOfTheSeedsFiveFactorsEverywhere() {
    assertThat(run.out())
        .contains(
            "Factor: lr",
            "Factor: batch_size",
            "Factor: optimizer",
            "Factor: layers",
            "Epochs",
            "Mini-batch noise",
            "QUICK");
    for (String name : List.of("lr", "batch-size", "optimizer", "layers")) {
      assertThat(tmp.resolve("report/factor-" + name + ".png")).isNotEmptyFile();
      assertThat(tmp.resolve("report/curves-" + name + ".png")).isNotEmptyFile();
    }
    assertThat(tmp.resolve("report/curves-epochs.png")).isNotEmptyFile();
    assertThat(tmp.resolve("report/report.md")).content().contains("factor-lr.png");
    assertThat(tmp.resolve("report/report.html")).content().contains("QUICK");
  }

  @Test
  void findsTheLargeLearningRateWorseThanAdamsDefault() {
    FactorEffect lr = factors.get(0);
    assertThat(lr.factor()).isEqualTo("lr");
    LevelSummary small = lr.levels().get(1);
    LevelSummary large = lr.levels().get(3);
    assertThat(small.label()).isEqualTo("1e-3");
    assertThat(large.label()).isEqualTo("1e-1");
    assertThat(small.finalValAccuracy().mean()).isGreaterThan(0.93);
    assertThat(
            large.diverged() > 0
                || large.finalValAccuracy().mean() < small.finalValAccuracy().mean())
        .isTrue();
  }
}
