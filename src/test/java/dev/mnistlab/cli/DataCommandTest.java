package dev.mnistlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mnistlab.data.IdxFixtures;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
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

  @Test
  void previewWritesAPngOfOriginalsBesideAugmentedCopies() throws IOException {
    SyntheticMnist.write(dir);
    Path png = dir.resolve("grid.png");

    CliRun run =
        CliRun.of(
            "data",
            "preview",
            "--data-dir",
            dir.toString(),
            "--augment",
            "rotate=12,shift=2,scale=0.1",
            "--count",
            "3",
            "--copies",
            "2",
            "--out",
            png.toString());

    assertThat(run.code()).as("stderr:%n%s", run.err()).isZero();
    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image.getWidth()).isEqualTo(3 * 84 + 2 + 3);
    assertThat(image.getHeight()).isEqualTo(3 * 84 + 4);
    assertThat(run.outLines())
        .containsExactly(
            "wrote "
                + png
                + ": 3 training images, 2 copies each (rotate=12,shift=2,scale=0.1, seed 42)");
  }

  @Test
  void previewRefusesABadSpecBeforeWritingAnything() {
    SyntheticMnist.write(dir);
    Path png = dir.resolve("grid.png");

    CliRun run =
        CliRun.of(
            "data",
            "preview",
            "--data-dir",
            dir.toString(),
            "--augment",
            "shift=20",
            "--out",
            png.toString());

    assertThat(run.badInputLine())
        .isEqualTo("mnist-lab data preview: --augment: shift must be >= 0 and < 14 pixels, got 20");
    assertThat(png).doesNotExist();
  }
}
