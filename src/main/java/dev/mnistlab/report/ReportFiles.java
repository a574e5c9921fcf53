package dev.mnistlab.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Writes report files so that a reader (a browser left open, a Markdown preview) sees either
 * the old file or the complete new one: bytes go to a temporary file in the same directory,
 * which is then renamed over the target.
 */
final class ReportFiles {
  private ReportFiles() {}

  /** Writes {@code text} as UTF-8 to {@code target} atomically. */
  static void write(Path target, String text) throws IOException {
    write(target, text.getBytes(StandardCharsets.UTF_8));
  }

  /** Writes {@code bytes} to {@code target} atomically, creating its directory. */
  static void write(Path target, byte[] bytes) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    // Not Files.createTempFile: its owner-only permissions would stick to the final file.
    Path temp = dir.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".partial");
    boolean moved = false;
    try {
      Files.write(temp, bytes, StandardOpenOption.CREATE_NEW);
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      moved = true;
    } finally {
      if (!moved) {
        Files.deleteIfExists(temp);
      }
    }
  }

  /**
   * Checks that a chart id can name a file and an HTML element.
   *
   * @throws IllegalArgumentException naming the rule and the id when it cannot
   */
  static String checkChartId(String id) {
    if (id == null || !id.matches("[A-Za-z0-9_-]+")) {
      throw new IllegalArgumentException(
          "chart id must match [A-Za-z0-9_-]+ (it names a file), got '" + id + "'");
    }
    return id;
  }
}
