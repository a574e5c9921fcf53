package dev.mnistlab.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputFileTest {
  @TempDir Path tmp;

  @Test
  void replacesRegularFileWholeAndLeavesNoTemporaryFile() throws IOException {
    Path file = tmp.resolve("out.json");
    Files.writeString(file, "old");

    OutputFile.writeString(file, "new");

    assertThat(file).hasContent("new");
    assertThat(names(tmp)).containsExactly("out.json");
  }

  @Test
  void givesNewFilesTheUmasksPermissionsNotOwnerOnly() throws IOException {
    Path file = tmp.resolve("new.json");

    OutputFile.writeString(file, "{}");

    // The JVM runs with the usual umask 022 here; createTempFile would have given rw-------.
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo(PosixFilePermissions.toString(umaskPermissions()));
  }

  @Test
  void keepsTheReplacedFilesPermissions() throws IOException {
    Path file = tmp.resolve("shared.json");
    Files.writeString(file, "old");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-r--"));

    OutputFile.writeString(file, "new");

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-rw-r--");
  }

  @Test
  void writesThroughASymlinkToItsTargetAndKeepsTheLink() throws IOException {
    Path target = tmp.resolve("real.json");
    Files.writeString(target, "old");
    Path link = Files.createSymbolicLink(tmp.resolve("link.json"), target.getFileName());

    OutputFile.writeString(link, "new");

    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(Files.readSymbolicLink(link)).isEqualTo(target.getFileName());
    assertThat(target).hasContent("new");
    assertThat(names(tmp)).containsExactlyInAnyOrder("real.json", "link.json");
  }

  @Test
  void createsADanglingSymlinksTarget() throws IOException {
    Path sub = Files.createDirectory(tmp.resolve("sub"));
    Path link = Files.createSymbolicLink(tmp.resolve("link.json"), Path.of("sub/made.json"));

    OutputFile.writeString(link, "made");

    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(sub.resolve("made.json")).hasContent("made");
  }

  @Test
  void writesANamedPipeInPlaceWithoutReplacingIt() throws Exception {
    Path fifo = tmp.resolve("pipe");
    run("mkfifo", fifo.toString());
    CompletableFuture<String> reader =
        CompletableFuture.supplyAsync(
            () -> {
              try (InputStream in = Files.newInputStream(fifo)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
              } catch (IOException e) {
                throw new IllegalStateException(e);
              }
            });

    OutputFile.writeString(fifo, "through the pipe");

    assertThat(reader.get(10, TimeUnit.SECONDS)).isEqualTo("through the pipe");
    assertThat(Files.isRegularFile(fifo)).isFalse();
    assertThat(Files.getAttribute(fifo, "unix:mode"))
        .matches(m -> ((int) m & 0170000) == 0010000, "still a FIFO");
    assertThat(names(tmp)).containsExactly("pipe");
  }

  @Test
  void writesACharacterDeviceInPlaceWithoutReplacingIt() throws Exception {
    Path device = tmp.resolve("null");
    // A copy of /dev/null made in the test's own directory: mknod needs root.
    Assumptions.assumeTrue(
        run("mknod", device.toString(), "c", "1", "3") == 0, "mknod needs root; skipped");

    OutputFile.writeString(device, "discarded");

    assertThat(Files.isRegularFile(device)).isFalse();
    assertThat(Files.size(device)).isZero();
    assertThat(names(tmp)).containsExactly("null");
  }

  @Test
  void writesThroughASymlinkToADeviceInPlace() throws Exception {
    Path device = tmp.resolve("null");
    Assumptions.assumeTrue(
        run("mknod", device.toString(), "c", "1", "3") == 0, "mknod needs root; skipped");
    Path link = Files.createSymbolicLink(tmp.resolve("out.json"), device.getFileName());

    OutputFile.writeString(link, "discarded");

    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(Files.isRegularFile(device)).isFalse();
  }

  @Test
  void refusesADirectory() {
    assertThatThrownBy(() -> OutputFile.writeString(tmp, "x"))
        .isInstanceOf(IOException.class)
        .hasMessage(tmp + ": is a directory, not a file");
  }

  @Test
  void leavesNoTemporaryFileAndTheOldFileWhenTheWriterFails() throws IOException {
    Path file = tmp.resolve("out.json");
    Files.writeString(file, "old");

    assertThatThrownBy(
            () ->
                OutputFile.write(
                    file,
                    out -> {
                      out.write(1);
                      throw new IOException("writer broke");
                    }))
        .hasMessage("writer broke");

    assertThat(file).hasContent("old");
    assertThat(names(tmp)).containsExactly("out.json");
  }

  @Test
  void leavesNoTemporaryFileOnAFullDisk() throws Exception {
    try (SmallDisk disk = SmallDisk.mount(tmp.resolve("disk"), 64)) {
      Path file = disk.dir().resolve("out.json");
      Files.writeString(file, "old");
      disk.fill();

      assertThatThrownBy(() -> OutputFile.write(file, new byte[64 * 1024]))
          .isInstanceOf(IOException.class)
          .satisfies(
              e ->
                  assertThat(OutputChecks.reason((IOException) e))
                      .isEqualTo("no space left on device"));

      assertThat(file).hasContent("old");
      assertThat(names(disk.dir())).containsExactlyInAnyOrder("out.json", "filler");
    }
  }

  static Stream<String> namesOf(Path dir) throws IOException {
    try (Stream<Path> list = Files.list(dir)) {
      return list.map(p -> p.getFileName().toString()).toList().stream();
    }
  }

  private static java.util.List<String> names(Path dir) throws IOException {
    return namesOf(dir).toList();
  }

  private static java.util.Set<java.nio.file.attribute.PosixFilePermission> umaskPermissions()
      throws IOException {
    Path probe = Files.createTempDirectory("umask").resolve("probe");
    Files.createFile(probe);
    return Files.getPosixFilePermissions(probe);
  }

  private static int run(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    return p.waitFor();
  }
}
