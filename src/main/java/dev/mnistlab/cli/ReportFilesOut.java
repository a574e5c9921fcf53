package dev.mnistlab.cli;

import dev.mnistlab.InvalidInputException;
import dev.mnistlab.output.OutputChecks;
import dev.mnistlab.report.Block;
import dev.mnistlab.report.ReportWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/** Writes a study's or sweep's report files for {@code --out DIR} and says where they are. */
final class ReportFilesOut {
  private ReportFilesOut() {}

  /** Writes {@code report.md} (with PNGs) and {@code report.html} into {@code dir}, whole. */
  static void write(List<Block> blocks, Path dir, PrintWriter out) {
    try {
      ReportWriter.writeAll(blocks, dir, "report");
    } catch (IOException e) {
      throw new InvalidInputException(
          "cannot write the reports into " + dir + ": " + OutputChecks.reason(e), e);
    }
    out.println("reports written: " + dir.resolve("report.md") + ", " + dir.resolve("report.html"));
    out.flush();
  }
}
