package dev.mnistlab.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputDirectoryTest {
  @TempDir Path tmp;

  @Test
  void movesANewDirectoryIntoPlaceWhole() throws IOException {
    Path target = tmp.resolve("report");
    try (OutputDirectory out = OutputDirectory.stage(target)) {
      Files.writeString(out.path().resolve("report.md"), "# hi");
      Files.writeString(out.path().resolve("chart.png"), "png");
      assertThat(target).doesNotExist();
      out.commit();
    }

    assertThat(names(target)).containsExactlyInAnyOrder("report.md", "chart.png");
    assertThat(names(tmp)).containsExactly("report");
  }

  @Test
  void createsMissingParentsOnlyWhenCommitting() throws IOException {
    Path target = tmp.resolve("a/b/report");
    try (OutputDirectory out = OutputDirectory.stage(target)) {
      Files.writeString(out.path().resolve("report.md"), "# hi");
      assertThat(tmp.resolve("a")).doesNotExist();
      out.commit();
    }

    assertThat(target.resolve("report.md")).hasContent("# hi");
    assertThat(names(tmp)).containsExactly("a");
  }

  @Test
  void replacesNamedFilesOfAnExistingDirectoryAndKeepsTheOthers() throws IOException {
    Path target = Files.createDirectory(tmp.resolve("out"));
    Files.writeString(target.resolve("report.md"), "old");
    Files.writeString(target.resolve("mine.txt"), "the user's");
    try (OutputDirectory out = OutputDirectory.stage(target)) {
      Files.writeString(out.path().resolve("report.md"), "new");
      out.commit();
    }

    assertThat(target.resolve("report.md")).hasContent("new");
    assertThat(target.resolve("mine.txt")).hasContent("the user's");
    assertThat(names(tmp)).containsExactly("out");
  }

  @Test
  void leavesNothingWhenNotCommitted() throws IOException {
    Path target = Files.createDirectory(tmp.resolve("out"));
    Files.writeString(target.resolve("report.md"), "old");
    try (OutputDirectory out = OutputDirectory.stage(target)) {
      Files.writeString(out.path().resolve("report.md"), "half");
      // A failure here: no commit.
    }

    assertThat(target.resolve("report.md")).hasContent("old");
    assertThat(names(tmp)).containsExactly("out");
  }

  @Test
  void writesIntoTheTargetOfALinkedDirectory() throws IOException {
    Path real = Files.createDirectory(tmp.resolve("real"));
    Path link = Files.createSymbolicLink(tmp.resolve("link"), real.getFileName());
    try (OutputDirectory out = OutputDirectory.stage(link)) {
      Files.writeString(out.path().resolve("report.md"), "new");
      out.commit();
    }

    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(real.resolve("report.md")).hasContent("new");
  }

  @Test
  void refusesAFile() throws IOException {
    Path file = Files.writeString(tmp.resolve("file"), "x");

    assertThatThrownBy(() -> OutputDirectory.stage(file))
        .hasMessage(file + ": is a file, not a directory");
  }

  @Test
  void leavesNoFilesOnAFullDisk() throws Exception {
    try (SmallDisk disk = SmallDisk.mount(tmp.resolve("disk"), 64)) {
      Path target = disk.dir().resolve("report");
      disk.fill();

      assertThatThrownBy(
              () -> {
                try (OutputDirectory out = OutputDirectory.stage(target)) {
                  Files.writeString(out.path().resolve("a.png"), "small");
                  Files.write(out.path().resolve("report.md"), new byte[64 * 1024]);
                  out.commit();
                }
              })
          .isInstanceOf(IOException.class);

      assertThat(names(disk.dir())).containsExactly("filler");
    }
  }

  private static List<String> names(Path dir) throws IOException {
    return OutputFileTest.namesOf(dir).toList();
  }
}
