package dev.mnistlab.data;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Reports the check of a whole data directory, one {@link FileCheck} per standard file.
 *
 * @param dir the directory checked
 * @param fetchedCopy whether {@code data fetch} wrote it (its marker file exists), which makes
 *     checksums other than MNIST's an error
 * @param files the four checks, in standard order
 */
public record VerifyReport(Path dir, boolean fetchedCopy, List<FileCheck> files) {
  /** Checks that nothing is null and freezes the list. */
  public VerifyReport {
    Objects.requireNonNull(dir, "dir");
    files = List.copyOf(files);
  }

  /** Returns whether every file can be used. */
  public boolean ok() {
    return files.stream().allMatch(FileCheck::usable);
  }

  /** Returns "MNIST", "MNIST-like (checksums not those of MNIST)" or "invalid". */
  public String kind() {
    if (!ok()) {
      return "invalid";
    }
    return files.stream().allMatch(f -> f.status() == FileCheck.Status.OK)
        ? DataProvenance.KIND_MNIST
        : DataProvenance.KIND_MNIST_LIKE;
  }
}
