package dev.mnistlab.data;

import dev.mnistlab.InvalidInputException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Summarises a data directory for {@code data info}: sizes, class counts and provenance.
 *
 * @param provenance checksums, sources and whether they are MNIST's
 * @param trainImages the number of training images (validation not yet held out)
 * @param testImages the number of test images
 * @param trainClassCounts images per class 0-9 in the training file
 * @param testClassCounts images per class 0-9 in the test file
 * @param fetchedAt when each file was fetched, for the files the marker lists
 */
public record DataInfo(
    DataProvenance provenance,
    int trainImages,
    int testImages,
    List<Integer> trainClassCounts,
    List<Integer> testClassCounts,
    Map<MnistFile, Instant> fetchedAt) {

  /** Checks the counts and freezes the collections. */
  public DataInfo {
    Objects.requireNonNull(provenance, "provenance");
    trainClassCounts = List.copyOf(trainClassCounts);
    testClassCounts = List.copyOf(testClassCounts);
    if (trainClassCounts.size() != MnistData.NUM_CLASSES
        || testClassCounts.size() != MnistData.NUM_CLASSES) {
      throw new IllegalArgumentException(
          "class counts must have 10 entries, got "
              + trainClassCounts.size()
              + " and "
              + testClassCounts.size());
    }
    EnumMap<MnistFile, Instant> copy = new EnumMap<>(MnistFile.class);
    copy.putAll(fetchedAt);
    fetchedAt = Collections.unmodifiableMap(copy);
  }

  /**
   * Reads and checks the four files of {@code dir} and summarises them.
   *
   * @throws InvalidInputException on the first fault, with the same message as loading
   */
  public static DataInfo of(Path dir) {
    Path clean = dir.toAbsolutePath().normalize();
    RawMnist raw = RawMnist.read(clean);
    Map<MnistFile, Instant> fetchedAt = new EnumMap<>(MnistFile.class);
    SourceMarker.read(clean)
        .ifPresent(
            m ->
                m.entries()
                    .forEach(
                        (f, e) -> {
                          if (e.fetchedAt() != null) {
                            fetchedAt.put(f, e.fetchedAt());
                          }
                        }));
    return new DataInfo(
        raw.provenance(),
        raw.trainImages().count(),
        raw.testImages().count(),
        classCounts(raw.trainLabels().labels()),
        classCounts(raw.testLabels().labels()),
        fetchedAt);
  }

  private static List<Integer> classCounts(byte[] labels) {
    Integer[] counts = new Integer[MnistData.NUM_CLASSES];
    Arrays.fill(counts, 0);
    for (byte label : labels) {
      counts[label]++;
    }
    return List.of(counts);
  }
}
