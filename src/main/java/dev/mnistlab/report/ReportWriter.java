package dev.mnistlab.report;

import dev.mnistlab.output.OutputDirectory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a report's files in one call: {@code <baseName>.md} with a {@code <id>.png} per chart, and
 * the self-contained {@code <baseName>.html}. They are built in a staging directory beside {@code
 * dir} and moved in together, so the directory holds the whole new report or the old one, and a
 * failure (a full disk) leaves nothing behind.
 *
 * <p>Thread-safe as long as two calls do not write the same directory and base name.
 */
public final class ReportWriter {
  private ReportWriter() {}

  /**
   * Writes the Markdown (with PNG charts) and the HTML report of {@code blocks} into {@code dir},
   * creating it when all are written.
   *
   * @throws IllegalArgumentException when the base name or a chart id cannot name a file
   */
  public static void writeAll(List<Block> blocks, Path dir, String baseName) throws IOException {
    if (baseName == null
        || baseName.isBlank()
        || baseName.contains("/")
        || baseName.contains("\\")) {
      throw new IllegalArgumentException(
          "report base name must be a non-blank file name without slashes, got '" + baseName + "'");
    }
    try (OutputDirectory staged = OutputDirectory.stage(dir)) {
      new MarkdownRenderer().write(blocks, staged.path(), baseName);
      new HtmlRenderer().write(blocks, staged.path(), baseName);
      staged.commit();
    }
  }
}
