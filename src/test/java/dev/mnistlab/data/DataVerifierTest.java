package dev.mnistlab.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mnistlab.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataVerifierTest {
  @TempDir Path dir;

  @Test
  void reportsAUsersOwnSetAsMnistLike() {
    IdxFixtures.smallSet(dir);

    VerifyReport report = DataVerifier.verify(dir);

    assertThat(report.ok()).isTrue();
    assertThat(report.fetchedCopy()).isFalse();
    assertThat(report.kind()).isEqualTo("MNIST-like (checksums not those of MNIST)");
    FileCheck first = report.files().get(0);
    assertThat(first.file()).isEqualTo(MnistFile.TRAIN_IMAGES);
    assertThat(first.status()).isEqualTo(FileCheck.Status.MNIST_LIKE);
    assertThat(first.bytes()).isEqualTo(16 + 20 * 784);
    assertThat(first.sha256()).isEqualTo(Sha256.of(IdxFixtures.images(20)));
    assertThat(first.knownMnist()).isFalse();
  }

  @Test
  void reportsEachFaultInsteadOfStoppingAtTheFirst() throws Exception {
    IdxFixtures.smallSet(dir);
    Files.delete(dir.resolve("train-labels-idx1-ubyte"));
    IdxFixtures.write(dir.resolve("t10k-labels-idx1-ubyte"), IdxFixtures.labels(12));

    VerifyReport report = DataVerifier.verify(dir);

    assertThat(report.ok()).isFalse();
    assertThat(report.kind()).isEqualTo("invalid");
    assertThat(report.files())
        .extracting(FileCheck::status)
        .containsExactly(
            FileCheck.Status.MNIST_LIKE, FileCheck.Status.MISSING,
            FileCheck.Status.MNIST_LIKE, FileCheck.Status.INVALID);
    assertThat(report.files().get(3).problem())
        .isEqualTo("t10k-labels-idx1-ubyte: label out of range at index 0: expected 0-9, found 12");
  }

  @Test
  void reportsMismatchedCountsOnTheLabelsFile() {
    IdxFixtures.smallSet(dir);
    IdxFixtures.write(dir.resolve("t10k-labels-idx1-ubyte"), IdxFixtures.labels(1, 2));

    VerifyReport report = DataVerifier.verify(dir);

    assertThat(report.files().get(3).problem())
        .isEqualTo("t10k-labels-idx1-ubyte has 2 labels but t10k-images-idx3-ubyte has 10 images");
  }

  @Test
  void treatsForeignChecksumsInAFetchedCopyAsDamage() {
    IdxFixtures.smallSet(dir);
    IdxFixtures.markFetched(dir);

    VerifyReport report = DataVerifier.verify(dir);

    assertThat(report.fetchedCopy()).isTrue();
    assertThat(report.files()).allMatch(f -> f.status() == FileCheck.Status.INVALID);
    assertThat(report.files().get(1).problem())
        .isEqualTo(
            "train-labels-idx1-ubyte: SHA-256 mismatch: expected "
                + MnistFile.TRAIN_LABELS.knownSha256()
                + ", got "
                + Sha256.of(IdxFixtures.labels(IdxFixtures.cycle(20))));
  }

  @Test
  void rejectsAMissingDirectory() {
    Path missing = dir.resolve("nope");

    assertThatThrownBy(() -> DataVerifier.verify(missing))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("data directory does not exist: " + missing);
  }
}
