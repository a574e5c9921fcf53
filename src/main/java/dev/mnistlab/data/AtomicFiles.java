package dev.mnistlab.data;

import dev.mnistlab.InvalidInputException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.UUID;

/**
 * Writes files so that a reader sees either the old file or the complete new one.
 *
 * <p>The bytes go to a temporary file in the same directory, which is then renamed over the
 * target with an atomic move. A fetch that dies half way therefore never leaves a file under
 * a standard name that could pass for MNIST.
 */
final class AtomicFiles {
  private AtomicFiles() {}

  /** Writes {@code bytes} to {@code target} atomically. */
  static void write(Path target, byte[] bytes) throws IOException {
    writeVerified(target, bytes, null);
  }

  /**
   * Writes {@code bytes} to {@code target} atomically if their SHA-256 is {@code expectedSha256}
   * (or unconditionally when it is null); otherwise leaves the directory as it was and throws.
   */
  static void writeVerified(Path target, byte[] bytes, String expectedSha256) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    // Not Files.createTempFile: its owner-only permissions would stick to the final file.
    Path temp = dir.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".partial");
    boolean moved = false;
    try {
      MessageDigest digest = Sha256.newDigest();
      try (OutputStream out = new DigestOutputStream(
          Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW), digest)) {
        out.write(bytes);
      }
      String actual = Sha256.hex(digest);
      if (expectedSha256 != null && !expectedSha256.equals(actual)) {
        throw new InvalidInputException(String.format("%s: SHA-256 mismatch: expected %s, got %s",
            target.getFileName(), expectedSha256, actual));
      }
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      moved = true;
    } finally {
      if (!moved) {
        Files.deleteIfExists(temp);
      }
    }
  }
}
