package dev.mnistlab.data;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Reports the check of one file of a data directory.
 *
 * @param file which of the four files
 * @param path where it was found, or null when missing
 * @param bytes its size on disk (compressed, for a .gz), or 0 when missing
 * @param sha256 the SHA-256 of its uncompressed bytes, or null when it could not be read
 * @param knownMnist whether {@code sha256} is that of the original MNIST file
 * @param status the verdict
 * @param problem a one-line description of the fault, or null when there is none
 */
public record FileCheck(
    MnistFile file,
    Path path,
    long bytes,
    String sha256,
    boolean knownMnist,
    Status status,
    String problem) {

  /** Gives the verdict on one file. */
  public enum Status {
    /** Well formed and the original MNIST file. */
    OK,
    /** Well formed, checksum not MNIST's, in a directory that was not fetched. */
    MNIST_LIKE,
    /** Not in the directory, under its raw or .gz name. */
    MISSING,
    /** Malformed, or a fetched copy whose checksum is not MNIST's. */
    INVALID
  }

  /** Checks that a problem is given exactly when the file fails. */
  public FileCheck {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(status, "status");
    boolean fails = status == Status.MISSING || status == Status.INVALID;
    if (fails != (problem != null)) {
      throw new IllegalArgumentException(
          "problem must be given exactly when status is "
              + "MISSING or INVALID, got status "
              + status
              + " and problem "
              + problem);
    }
  }

  /** Returns whether the file can be used: {@link Status#OK} or {@link Status#MNIST_LIKE}. */
  public boolean usable() {
    return status == Status.OK || status == Status.MNIST_LIKE;
  }
}
