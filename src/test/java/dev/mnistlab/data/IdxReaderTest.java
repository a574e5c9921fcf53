package dev.mnistlab.data;

import static dev.mnistlab.data.IdxFixtures.gzip;
import static dev.mnistlab.data.IdxFixtures.images;
import static dev.mnistlab.data.IdxFixtures.labels;
import static dev.mnistlab.data.IdxFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mnistlab.InvalidInputException;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {
  @TempDir Path dir;

  @Test
  void readsRawImagesWithChecksumOfTheBytes() {
    byte[] bytes = images(3);
    IdxReader.Images read =
        IdxReader.readImages(write(dir.resolve("train-images-idx3-ubyte"), bytes));

    assertThat(read.count()).isEqualTo(3);
    assertThat(read.pixels()).isEqualTo(Arrays.copyOfRange(bytes, 16, bytes.length));
    assertThat(read.sha256()).isEqualTo(Sha256.of(bytes));
    assertThat(read.bytes()).isEqualTo(bytes.length);
  }

  @Test
  void readsGzipByMagicBytesWhateverTheName() {
    byte[] bytes = labels(5, 0, 4);
    IdxReader.Labels read = IdxReader.readLabels(write(dir.resolve("labels.bin"), gzip(bytes)));

    assertThat(read.labels()).containsExactly(5, 0, 4);
    assertThat(read.sha256()).as("checksum of the uncompressed bytes").isEqualTo(Sha256.of(bytes));
  }

  @Test
  void rejectsTruncatedImages() {
    byte[] bytes = Arrays.copyOf(images(2), 1000);
    Path path = write(dir.resolve("train-images-idx3-ubyte"), bytes);

    assertThatThrownBy(() -> IdxReader.readImages(path))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "train-images-idx3-ubyte: truncated: header promises 2 images of 28x28"
                + " (1584 bytes), file has 1000 bytes");
  }

  @Test
  void rejectsTruncatedGzipImagesCountingUncompressedBytes() {
    byte[] bytes = Arrays.copyOf(images(2), 1000);
    Path path = write(dir.resolve("train-images-idx3-ubyte.gz"), gzip(bytes));

    assertThatThrownBy(() -> IdxReader.readImages(path))
        .hasMessage(
            "train-images-idx3-ubyte.gz: truncated: header promises 2 images of 28x28"
                + " (1584 bytes), uncompressed data has 1000 bytes");
  }

  @Test
  void rejectsTrailingBytes() {
    byte[] bytes = Arrays.copyOf(labels(1, 2, 3), 11 + 4);
    Path path = write(dir.resolve("t10k-labels-idx1-ubyte"), bytes);

    assertThatThrownBy(() -> IdxReader.readLabels(path))
        .hasMessage(
            "t10k-labels-idx1-ubyte: trailing bytes: header promises 3 labels (11 bytes),"
                + " file has 15 bytes");
  }

  @Test
  void rejectsLabelsFileWhereImagesAreExpected() {
    Path path = write(dir.resolve("train-images-idx3-ubyte"), labels(1, 2));

    assertThatThrownBy(() -> IdxReader.readImages(path))
        .hasMessage(
            "train-images-idx3-ubyte: wrong number of dimensions: expected 3"
                + " (magic 0x00000803), found 1 (magic 0x00000801)");
  }

  @Test
  void rejectsWrongMagic() {
    Path path = write(dir.resolve("train-labels-idx1-ubyte"), "PK\3\4 not an idx file".getBytes());

    assertThatThrownBy(() -> IdxReader.readLabels(path))
        .hasMessage(
            "train-labels-idx1-ubyte: wrong magic number: expected 0x00000801"
                + " (IDX of unsigned bytes, 1 dimension), found 0x504b0304");
  }

  @Test
  void rejectsImagesThatAreNot28By28() {
    Path path =
        write(dir.resolve("train-images-idx3-ubyte"), images(IdxReader.IMAGE_MAGIC, 1, 32, 32));

    assertThatThrownBy(() -> IdxReader.readImages(path))
        .hasMessage(
            "train-images-idx3-ubyte: wrong image size: expected 28x28 for an"
                + " MNIST-like set, found 32x32");
  }

  @Test
  void rejectsLabelOutsideTheTenClasses() {
    Path path = write(dir.resolve("train-labels-idx1-ubyte"), labels(3, 9, 12));

    assertThatThrownBy(() -> IdxReader.readLabels(path))
        .hasMessage(
            "train-labels-idx1-ubyte: label out of range at index 2: expected 0-9," + " found 12");
  }

  @Test
  void rejectsTruncatedHeader() {
    Path path = write(dir.resolve("train-images-idx3-ubyte"), new byte[] {0, 0, 8, 3, 0, 0});

    assertThatThrownBy(() -> IdxReader.readImages(path))
        .hasMessage("train-images-idx3-ubyte: truncated: header needs 16 bytes, file has 6 bytes");
  }

  @Test
  void rejectsNegativeCount() {
    byte[] bytes = labels(1);
    bytes[4] = (byte) 0xff;
    Path path = write(dir.resolve("train-labels-idx1-ubyte"), bytes);

    assertThatThrownBy(() -> IdxReader.readLabels(path))
        .hasMessageStartingWith("train-labels-idx1-ubyte: bad item count in header: expected >= 0");
  }

  @Test
  void reportsCorruptGzipAsUnreadable() {
    byte[] gz = gzip(labels(1, 2, 3));
    Path path = write(dir.resolve("train-labels-idx1-ubyte.gz"), Arrays.copyOf(gz, gz.length - 12));

    assertThatThrownBy(() -> IdxReader.readLabels(path))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("train-labels-idx1-ubyte.gz: ");
  }

  @Test
  void reportsMissingFile() {
    Path path = dir.resolve("t10k-labels-idx1-ubyte");

    assertThatThrownBy(() -> IdxReader.readLabels(path))
        .hasMessage("t10k-labels-idx1-ubyte: file not found: " + path);
  }
}
