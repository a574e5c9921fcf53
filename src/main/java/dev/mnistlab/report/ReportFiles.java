package dev.mnistlab.report;

import dev.mnistlab.output.OutputFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a report's files and checks the ids that name them. */
final class ReportFiles {
  private ReportFiles() {}

  /** Writes {@code text} as UTF-8 to {@code target}, as {@link #write(Path, byte[])} does. */
  static void write(Path target, String text) throws IOException {
    write(target, text.getBytes(StandardCharsets.UTF_8));
  }

  /** Writes {@code bytes} to {@code target} (see {@link OutputFile}), creating its directory. */
  static void write(Path target, byte[] bytes) throws IOException {
    Files.createDirectories(target.toAbsolutePath().getParent());
    OutputFile.write(target, bytes);
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
