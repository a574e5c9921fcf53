package dev.mnistlab.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Names the four files of an MNIST-like set and the SHA-256 sums of the original MNIST ones.
 *
 * <p>The sums are those of the uncompressed IDX files, so a {@code .gz} copy and a raw copy of the
 * same data have the same sum.
 */
public enum MnistFile {
  TRAIN_IMAGES(
      "train-images-idx3-ubyte",
      true,
      "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db"),
  TRAIN_LABELS(
      "train-labels-idx1-ubyte",
      false,
      "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5"),
  TEST_IMAGES(
      "t10k-images-idx3-ubyte",
      true,
      "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7"),
  TEST_LABELS(
      "t10k-labels-idx1-ubyte",
      false,
      "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2");

  private final String fileName;
  private final boolean images;
  private final String knownSha256;

  MnistFile(String fileName, boolean images, String knownSha256) {
    this.fileName = fileName;
    this.images = images;
    this.knownSha256 = knownSha256;
  }

  /** Returns the standard uncompressed file name, such as {@code train-images-idx3-ubyte}. */
  public String fileName() {
    return fileName;
  }

  /** Returns whether this file holds images (otherwise it holds labels). */
  public boolean isImages() {
    return images;
  }

  /** Returns the lowercase hex SHA-256 of the original uncompressed MNIST file. */
  public String knownSha256() {
    return knownSha256;
  }

  /** Returns the path of this file in {@code dir}, the raw name preferred to the .gz one. */
  Optional<Path> locate(Path dir) {
    Path raw = dir.resolve(fileName);
    if (Files.isRegularFile(raw)) {
      return Optional.of(raw);
    }
    Path gz = dir.resolve(fileName + ".gz");
    return Files.isRegularFile(gz) ? Optional.of(gz) : Optional.empty();
  }
}
