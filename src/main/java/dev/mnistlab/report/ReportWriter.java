package dev.mnistlab.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a report's files in one call: {@code <baseName>.md} with a {@code <id>.png} per
 * chart, and the self-contained {@code <baseName>.html}. Each file is written to a
 * temporary name and renamed, so a reader never sees half of one.
 *
 * <p>Thread-safe as long as two calls do not write the same directory and base name.
 */
public final class ReportWriter {
  private ReportWriter() {}

  /**
   * Writes the Markdown (with PNG charts) and the HTML report of {@code blocks} into
   * {@code dir}, creating it.
   *
   * @throws IllegalArgumentException when the base name or a chart id cannot name a file
   */
  public static void writeAll(List<Block> blocks, Path dir, String baseName) throws IOException {
    if (baseName == null || baseName.isBlank() || baseName.contains("/")
        || baseName.contains("\\")) {
      throw new IllegalArgumentException(
          "report base name must be a non-blank file name without slashes, got '" + baseName + "'");
    }
    Files.createDirectories(dir);
    new MarkdownRenderer().write(blocks, dir, baseName);
    new HtmlRenderer().write(blocks, dir, baseName);
  }
}
