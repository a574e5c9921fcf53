package dev.mnistlab.data;

import static dev.mnistlab.data.IdxFixtures.gzip;
import static dev.mnistlab.data.IdxFixtures.images;
import static dev.mnistlab.data.IdxFixtures.labels;
import static dev.mnistlab.data.IdxFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.mnistlab.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MnistDataTest {
  @TempDir Path dir;

  @Test
  void loadsPixelsAsFloatsInUnitRange() {
    MnistData data = MnistData.load(IdxFixtures.smallSet(dir), false);

    assertThat(data.trainCount()).isEqualTo(20);
    assertThat(data.testCount()).isEqualTo(10);
    assertThat(data.trainX()).hasSize(20 * 784);
    assertThat(data.trainX()[0]).isEqualTo(0f);
    assertThat(data.trainX()[255]).isEqualTo(1f);
    assertThat(data.trainX()[51]).isCloseTo(0.2f, within(1e-6f));
    assertThat(data.trainY()).startsWith(0, 1, 2, 3);
    assertThat(data.normalized()).isFalse();
  }

  @Test
  void normalisesWithMnistMeanAndStd() {
    MnistData data = MnistData.load(IdxFixtures.smallSet(dir), true);

    assertThat(data.trainX()[0]).isCloseTo(-0.1307f / 0.3081f, within(1e-6f));
    assertThat(data.trainX()[255]).isCloseTo((1 - 0.1307f) / 0.3081f, within(1e-6f));
  }

  @Test
  void loadsGzipFilesAndCarriesUncompressedChecksums() {
    byte[] trainImages = images(20);
    write(dir.resolve("train-images-idx3-ubyte.gz"), gzip(trainImages));
    write(dir.resolve("train-labels-idx1-ubyte.gz"), gzip(labels(IdxFixtures.cycle(20))));
    write(dir.resolve("t10k-images-idx3-ubyte.gz"), gzip(images(10)));
    write(dir.resolve("t10k-labels-idx1-ubyte.gz"), gzip(labels(IdxFixtures.cycle(10))));

    MnistData data = MnistData.load(dir, false);

    DataProvenance p = data.provenance();
    assertThat(p.sha256().get(MnistFile.TRAIN_IMAGES)).isEqualTo(Sha256.of(trainImages));
    assertThat(p.fetchedCopy()).isFalse();
    assertThat(p.knownMnist()).isFalse();
    assertThat(p.kind()).isEqualTo("MNIST-like (checksums not those of MNIST)");
    assertThat(p.source()).isEqualTo("user files in " + dir.toAbsolutePath().normalize());
  }

  @Test
  void rejectsDifferentNumbersOfImagesAndLabels() {
    IdxFixtures.smallSet(dir);
    write(dir.resolve("train-labels-idx1-ubyte"), labels(IdxFixtures.cycle(19)));

    assertThatThrownBy(() -> MnistData.load(dir, false))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "train-labels-idx1-ubyte has 19 labels but train-images-idx3-ubyte has 20" + " images");
  }

  @Test
  void rejectsChecksumMismatchInAFetchedCopy() {
    IdxFixtures.smallSet(dir);
    IdxFixtures.markFetched(dir);

    assertThatThrownBy(() -> MnistData.load(dir, false))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "train-images-idx3-ubyte: SHA-256 mismatch: expected"
                + " ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db, got "
                + Sha256.of(images(20)));
  }

  @Test
  void namesTheMissingFile() throws Exception {
    IdxFixtures.smallSet(dir);
    Files.delete(dir.resolve("t10k-images-idx3-ubyte"));

    assertThatThrownBy(() -> MnistData.load(dir, false))
        .hasMessage(
            "data directory "
                + dir.toAbsolutePath().normalize()
                + " lacks t10k-images-idx3-ubyte (or t10k-images-idx3-ubyte.gz)");
  }

  @Test
  void splitCopiesTheChosenImagesContiguously() {
    MnistData data = MnistData.load(IdxFixtures.smallSet(dir), false);

    Dataset ds = data.split(new SplitOptions(5, SplitMode.LAST, 0, null));

    assertThat(ds.trainSize()).isEqualTo(15);
    assertThat(ds.valSize()).isEqualTo(5);
    assertThat(ds.testSize()).isEqualTo(10);
    assertThat(ds.valY()).containsExactly(5, 6, 7, 8, 9);
    assertThat(ds.valX()).isEqualTo(Arrays.copyOfRange(data.trainX(), 15 * 784, 20 * 784));
    assertThat(ds.trainX()).isEqualTo(Arrays.copyOfRange(data.trainX(), 0, 15 * 784));
    assertThat(ds.testX()).isSameAs(data.testX());
    assertThat(ds.provenance()).isSameAs(data.provenance());
  }

  @Test
  void randomSplitKeepsImagesWithTheirLabels() {
    MnistData data = MnistData.load(IdxFixtures.smallSet(dir), false);

    Dataset ds = data.split(new SplitOptions(6, SplitMode.RANDOM, 42, 4));

    assertThat(ds.trainSize()).isEqualTo(4);
    assertThat(ds.valSize()).isEqualTo(6);
    for (int i = 0; i < ds.valSize(); i++) {
      float[] image = Arrays.copyOfRange(ds.valX(), i * 784, (i + 1) * 784);
      int source = indexOf(data, image);
      assertThat(data.trainY()[source]).isEqualTo(ds.valY()[i]);
    }
  }

  @Test
  void splitRejectsValidationAsLargeAsTheTrainingSet() {
    MnistData data = MnistData.load(IdxFixtures.smallSet(dir), false);

    assertThatThrownBy(() -> data.split(new SplitOptions(20, SplitMode.LAST, 0, null)))
        .hasMessage("validation size must be between 0 and 19, got 20");
  }

  @Test
  @Tag("slow")
  void loadsRealMnistWithItsKnownLabels() {
    // Fetched on first use, as every command does: the slow suite must not skip silently.
    Path dir = DataDirectory.resolve(null, System.getenv()).ensure(System.err::println);

    MnistData data = MnistData.load(dir, false);

    int[] counts = new int[10];
    Arrays.stream(data.trainY()).forEach(y -> counts[y]++);
    assertThat(counts).containsExactly(5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949);
    assertThat(Arrays.copyOf(data.trainY(), 10)).containsExactly(5, 0, 4, 1, 9, 2, 1, 3, 1, 4);
    assertThat(data.testCount()).isEqualTo(10000);
    assertThat(data.provenance().knownMnist()).isTrue();
    Dataset ds = data.split(SplitOptions.defaults());
    assertThat(ds.trainSize()).isEqualTo(55000);
    assertThat(ds.valSize()).isEqualTo(5000);
  }

  private static int indexOf(MnistData data, float[] image) {
    // Fixture images differ in their first pixel, so each is unique.
    for (int i = 0; i < data.trainCount(); i++) {
      if (Arrays.equals(image, Arrays.copyOfRange(data.trainX(), i * 784, (i + 1) * 784))) {
        return i;
      }
    }
    throw new AssertionError("image not found in the training set");
  }
}
