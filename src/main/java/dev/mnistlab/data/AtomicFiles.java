package dev.mnistlab.data;

import dev.mnistlab.InvalidInputException;
import dev.mnistlab.output.OutputFile;
import java.io.IOException;
import java.security.MessageDigest;

/**
 * Writes data files so that a reader sees either the old file or the complete new one, and never a
 * file under a standard name that could pass for MNIST without its checksum.
 */
final class AtomicFiles {
  private AtomicFiles() {}

  /** Writes {@code bytes} to {@code target} atomically. */
  static void write(java.nio.file.Path target, byte[] bytes) throws IOException {
    writeVerified(target, bytes, null);
  }

  /**
   * Writes {@code bytes} to {@code target} atomically if their SHA-256 is {@code expectedSha256}
   * (or unconditionally when it is null); otherwise leaves the directory as it was and throws.
   */
  static void writeVerified(java.nio.file.Path target, byte[] bytes, String expectedSha256)
      throws IOException {
    if (expectedSha256 != null) {
      // Checked before anything is written, so a mismatch leaves no file at all.
      MessageDigest digest = Sha256.newDigest();
      digest.update(bytes);
      String actual = Sha256.hex(digest);
      if (!expectedSha256.equals(actual)) {
        throw new InvalidInputException(
            String.format(
                "%s: SHA-256 mismatch: expected %s, got %s",
                target.getFileName(), expectedSha256, actual));
      }
    }
    OutputFile.write(target, bytes);
  }
}
