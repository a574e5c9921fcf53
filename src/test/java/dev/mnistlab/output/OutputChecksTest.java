package dev.mnistlab.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mnistlab.InvalidInputException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputChecksTest {
  @TempDir Path tmp;

  @Test
  void acceptsANewFileAndCreatesNothing() throws IOException {
    OutputChecks.requireWritableFile("--json", tmp.resolve("x.json"));

    assertThat(OutputFileTest.namesOf(tmp)).isEmpty();
  }

  @Test
  void rejectsAnEmptyName() {
    assertThatThrownBy(() -> OutputChecks.requireWritableFile("--json", Path.of("")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("--json must name a file, got an empty value");
  }

  @Test
  void rejectsADirectory() {
    assertThatThrownBy(() -> OutputChecks.requireWritableFile("--json", tmp))
        .hasMessage("--json must be a file, got a directory: " + tmp);
  }

  @Test
  void rejectsAFileUnderAMissingDirectory() {
    Path file = tmp.resolve("missing/x.json");

    assertThatThrownBy(() -> OutputChecks.requireWritableFile("--json", file))
        .hasMessage(
            "cannot write --json "
                + file
                + ": directory "
                + tmp.resolve("missing")
                + " does not exist");
  }

  @Test
  void rejectsAFileUnderAFile() throws IOException {
    Path parent = Files.writeString(tmp.resolve("plain"), "x");
    Path file = parent.resolve("x.json");

    assertThatThrownBy(() -> OutputChecks.requireWritableFile("--json", file))
        .hasMessage("cannot write --json " + file + ": " + parent + " is a file, not a directory");
  }

  @Test
  void rejectsAProcFileBeforeAnyWork() {
    assertThatThrownBy(() -> OutputChecks.requireWritableFile("--json", Path.of("/proc/version")))
        .hasMessage("cannot write --json /proc/version: /proc does not accept new files");
  }

  @Test
  void acceptsDevNullAndStdout() {
    OutputChecks.requireWritableFile("--json", Path.of("/dev/null"));
    OutputChecks.requireWritableFile("--json", Path.of("/dev/stdout"));
  }

  @Test
  void rejectsADirectoryUnderProc() {
    assertThatThrownBy(() -> OutputChecks.requireWritableDirectory("--out", Path.of("/proc/rep")))
        .hasMessage("cannot write --out /proc/rep: /proc does not accept new files");
  }

  @Test
  void acceptsANewDirectoryAndCreatesNothing() throws IOException {
    OutputChecks.requireWritableDirectory("--out", tmp.resolve("a/b/report"));

    assertThat(OutputFileTest.namesOf(tmp)).isEmpty();
  }

  @Test
  void rejectsAFileAsDirectory() throws IOException {
    Path file = Files.writeString(tmp.resolve("plain"), "x");

    assertThatThrownBy(() -> OutputChecks.requireWritableDirectory("--save", file))
        .hasMessage("--save must be a directory, got a file: " + file);
    assertThatThrownBy(() -> OutputChecks.requireWritableDirectory("--save", file.resolve("d")))
        .hasMessage(
            "cannot write --save "
                + file.resolve("d")
                + ": "
                + file
                + " is a file, not a directory");
  }

  @Test
  void rejectsAnEmptyDirectoryName() {
    assertThatThrownBy(() -> OutputChecks.requireWritableDirectory("--out", Path.of("")))
        .hasMessage("--out must name a directory, got an empty value");
  }

  @Test
  void wordsReasonsWithoutClassNames() {
    assertThat(OutputChecks.reason(new AccessDeniedException("/x"))).isEqualTo("permission denied");
    assertThat(OutputChecks.reason(new FileSystemException("/x", null, "Read-only file system")))
        .isEqualTo("read-only file system");
    assertThat(OutputChecks.reason(new IOException("No space left on device")))
        .isEqualTo("no space left on device");
    assertThat(OutputChecks.reason(new IOException())).isEqualTo("input/output error");
  }
}
