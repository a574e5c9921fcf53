package dev.mnistlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchStorageCommandTest {
  @TempDir Path tmp;

  @Test
  void timesEachSeedShapeAndLeavesNoStudyBehind() {
    String url = "sqlite:" + tmp.resolve("bench.db");

    CliRun run = CliRun.of("bench", "storage", "--storage", url, "--trials", "1");

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.outLines()).hasSize(3);
    assertThat(run.out())
        .contains("6,875 steps")
        .contains("34,375 steps")
        .containsPattern("total \\d+\\.\\d ms per trial");
    assertThat(CliRun.of("studies", "--storage", url).out()).contains("no studies");
  }

  @Test
  void rejectsFewerThanOneTrial() {
    CliRun run = CliRun.of("bench", "storage", "--trials", "0");

    assertThat(run.badInputLine()).contains("--trials must be >= 1, got 0");
  }
}
