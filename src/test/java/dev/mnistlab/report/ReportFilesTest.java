package dev.mnistlab.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportFilesTest {
  @TempDir Path dir;

  @Test
  void writesIntoANewDirectoryAndLeavesNoTemporaryFile() throws Exception {
    Path target = dir.resolve("a/b/report.md");

    ReportFiles.write(target, "one");
    ReportFiles.write(target, "two \u00b1");

    assertThat(Files.readString(target)).isEqualTo("two \u00b1");
    try (Stream<Path> files = Files.list(target.getParent())) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("report.md");
    }
  }

  @Test
  void acceptsChartIdsThatCanNameAFileAndRejectsOthers() {
    assertThat(ReportFiles.checkChartId("trial_3-curves")).isEqualTo("trial_3-curves");
    assertThatThrownBy(() -> ReportFiles.checkChartId("a b"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("chart id must match [A-Za-z0-9_-]+ (it names a file), got 'a b'");
  }
}
