package dev.mnistlab.data;

import dev.mnistlab.InvalidInputException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Holds the four files of a data directory as read, checked together as one data set.
 *
 * <p>Applies the checking rule: in a directory that {@code data fetch} wrote, a checksum other than
 * MNIST's is damage and an error; elsewhere it is a user's own MNIST-like set, checked by structure
 * only.
 */
record RawMnist(
    IdxReader.Images trainImages,
    IdxReader.Labels trainLabels,
    IdxReader.Images testImages,
    IdxReader.Labels testLabels,
    DataProvenance provenance) {

  static RawMnist read(Path dir) {
    Optional<SourceMarker> marker = SourceMarker.read(dir);
    Map<MnistFile, String> sums = new EnumMap<>(MnistFile.class);
    IdxReader.Images trainImages = IdxReader.readImages(locate(dir, MnistFile.TRAIN_IMAGES));
    check(MnistFile.TRAIN_IMAGES, trainImages.path(), trainImages.sha256(), marker, sums);
    IdxReader.Labels trainLabels = IdxReader.readLabels(locate(dir, MnistFile.TRAIN_LABELS));
    check(MnistFile.TRAIN_LABELS, trainLabels.path(), trainLabels.sha256(), marker, sums);
    IdxReader.Images testImages = IdxReader.readImages(locate(dir, MnistFile.TEST_IMAGES));
    check(MnistFile.TEST_IMAGES, testImages.path(), testImages.sha256(), marker, sums);
    IdxReader.Labels testLabels = IdxReader.readLabels(locate(dir, MnistFile.TEST_LABELS));
    check(MnistFile.TEST_LABELS, testLabels.path(), testLabels.sha256(), marker, sums);
    checkCounts(trainImages, trainLabels);
    checkCounts(testImages, testLabels);

    Map<MnistFile, String> sources = new EnumMap<>(MnistFile.class);
    for (MnistFile f : MnistFile.values()) {
      sources.put(
          f,
          marker
              .map(m -> m.entries().get(f))
              .map(SourceMarker.Entry::source)
              .orElse("user files in " + dir));
    }
    DataProvenance provenance = new DataProvenance(dir, marker.isPresent(), sums, sources);
    return new RawMnist(trainImages, trainLabels, testImages, testLabels, provenance);
  }

  static Path locate(Path dir, MnistFile file) {
    return file.locate(dir)
        .orElseThrow(
            () ->
                new InvalidInputException(
                    String.format(
                        "data directory %s lacks %s (or %s.gz)",
                        dir, file.fileName(), file.fileName())));
  }

  /** Throws the mismatch error when the directory is a fetched MNIST copy. */
  static void checkSum(MnistFile file, Path path, String sha256, boolean fetchedCopy) {
    if (fetchedCopy && !file.knownSha256().equals(sha256)) {
      throw new InvalidInputException(
          String.format(
              "%s: SHA-256 mismatch: expected %s, got %s",
              path.getFileName(), file.knownSha256(), sha256));
    }
  }

  static void checkCounts(IdxReader.Images images, IdxReader.Labels labels) {
    if (images.count() != labels.count()) {
      throw new InvalidInputException(countMismatch(images, labels));
    }
  }

  static String countMismatch(IdxReader.Images images, IdxReader.Labels labels) {
    return String.format(
        "%s has %d labels but %s has %d images",
        labels.path().getFileName(), labels.count(), images.path().getFileName(), images.count());
  }

  private static void check(
      MnistFile file,
      Path path,
      String sha256,
      Optional<SourceMarker> marker,
      Map<MnistFile, String> sums) {
    checkSum(file, path, sha256, marker.isPresent());
    sums.put(file, sha256);
  }
}
