package dev.mnistlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mnistlab.data.IdxFixtures;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataCommandTest {
  @TempDir Path dir;

  @Test
  void verifiesSyntheticSetAsMnistLike() {
    SyntheticMnist.write(dir);

    CliRun run = CliRun.of("data", "verify", "--data-dir", dir.toString());

    assertThat(run.code()).as("stderr:%n%s", run.err()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.outLines()).hasSize(5);
    assertThat(run.outLines().get(4))
        .isEqualTo("ok: MNIST-like (checksums not those of MNIST) in " + dir);
  }

  @Test
  void failsVerifyOfFetchedDirectoryWithFilesThatAreNotMnist() {
    SyntheticMnist.write(dir);
    IdxFixtures.markFetched(dir);

    CliRun run = CliRun.of("data", "verify", "--data-dir", dir.toString());

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.outLines())
        .filteredOn(line -> line.startsWith("INVALID"))
        .hasSize(4)
        .allMatch(line -> line.contains("SHA-256 mismatch"));
    assertThat(run.outLines())
        .last()
        .asString()
        .isEqualTo("failed: fix or re-fetch the files above ('mnist-lab data fetch')");
  }

  @Test
  void printsCountsPerClassAndSources() {
    SyntheticMnist.write(dir);

    CliRun run = CliRun.of("data", "info", "--data-dir", dir.toString());

    assertThat(run.code()).as("stderr:%n%s", run.err()).isZero();
    assertThat(run.outLines())
        .contains(
            "train 120 images, test 30 images (28x28 grey, 10 classes)",
            "0            12       3",
            "9            12       3",
            "train-images-idx3-ubyte  from user files in " + dir);
  }

  @Test
  void rejectsInfoOnMissingDirectoryWithOneLine() {
    Path missing = dir.resolve("nope");

    CliRun run = CliRun.of("data", "info", "--data-dir", missing.toString());

    assertThat(run.badInputLine())
        .isEqualTo(
            "mnist-lab data info: data directory does not "
                + "exist: "
                + missing
                + " (only 'mnist-lab data fetch' creates one)");
  }
}
