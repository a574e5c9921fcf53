package dev.mnistlab.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {
  @TempDir Path dir;

  @BeforeAll
  static void headless() {
    System.setProperty("java.awt.headless", "true");
  }

  @Test
  void writesMarkdownPngsAndHtmlIntoANewDirectory() throws Exception {
    Path target = dir.resolve("reports/study-1");
    List<Block> blocks = List.of(new Block.Heading(1, "Study"), ReportFixtures.chart());

    ReportWriter.writeAll(blocks, target, "report");

    try (Stream<Path> files = Files.list(target)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("report.md", "report.html", "curves-overlay.png");
    }
  }

  @Test
  void replacesAnEarlierReport() throws Exception {
    ReportWriter.writeAll(List.of(new Block.Paragraph("old")), dir, "report");

    ReportWriter.writeAll(List.of(new Block.Paragraph("new")), dir, "report");

    assertThat(Files.readString(dir.resolve("report.md"))).isEqualTo("new\n");
    assertThat(Files.readString(dir.resolve("report.html"))).contains("<p>new</p>");
  }

  @Test
  void rejectsABaseNameWithASlash() {
    assertThatThrownBy(() -> ReportWriter.writeAll(List.of(), dir, "a/b"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("report base name must be a non-blank file name without slashes, got 'a/b'");
  }
}
