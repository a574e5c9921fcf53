package dev.mnistlab.output;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Mounts a small tmpfs for tests of a full disk, and fills it on demand with a filler file.
 *
 * <p>Mounting needs root. Elsewhere the calling test is skipped with the reason; in CI ({@code
 * CI=true}), which runs as root, a mount that fails is an error, so the test cannot silently stop
 * running there.
 */
public final class SmallDisk implements AutoCloseable {
  private final Path dir;
  private final Path filler;

  private SmallDisk(Path dir) {
    this.dir = dir;
    this.filler = dir.resolve("filler");
  }

  /** Mounts a tmpfs of {@code kilobytes} on {@code dir}, an empty or new directory. */
  public static SmallDisk mount(Path dir, int kilobytes) throws IOException, InterruptedException {
    long uid = -1;
    try {
      uid = ((Number) Files.getAttribute(Path.of("/proc/self"), "unix:uid")).longValue();
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      // Not Linux: the mount below fails and says so.
    }
    if (uid != 0 && !"true".equals(System.getenv("CI"))) {
      Assumptions.abort(
          "mounting a small tmpfs needs root (uid " + uid + "); skipping the" + " full-disk test");
    }
    Files.createDirectories(dir);
    String output =
        run(
            List.of(
                "mount", "-t", "tmpfs", "-o", "size=" + kilobytes + "k", "tmpfs", dir.toString()));
    if (output != null) {
      String reason = "cannot mount a " + kilobytes + " KB tmpfs on " + dir + ": " + output;
      if ("true".equals(System.getenv("CI"))) {
        throw new IllegalStateException(reason + "; CI runs as root and must run this test");
      }
      Assumptions.abort(reason + "; skipping the full-disk test");
    }
    return new SmallDisk(dir);
  }

  /** Returns the mounted directory. */
  public Path dir() {
    return dir;
  }

  /** Fills the disk with a filler file until no byte more fits. */
  public void fill() throws IOException {
    fill(0);
  }

  /** Fills the disk with a filler file until about {@code keepBytes} are left free. */
  public void fill(long keepBytes) throws IOException {
    byte[] chunk = new byte[64 * 1024];
    try (OutputStream out = Files.newOutputStream(filler)) {
      while (true) {
        out.write(chunk);
      }
    } catch (IOException full) {
      // No space left on device: the disk is full.
    }
    try (FileChannel c = FileChannel.open(filler, StandardOpenOption.WRITE)) {
      c.truncate(Math.max(0, c.size() - keepBytes));
    }
  }

  /** Deletes the filler file, freeing the disk. */
  public void empty() throws IOException {
    Files.deleteIfExists(filler);
  }

  /** Unmounts the tmpfs, lazily if a file on it is still open. */
  @Override
  public void close() throws IOException, InterruptedException {
    if (run(List.of("umount", dir.toString())) != null) {
      String output = run(List.of("umount", "-l", dir.toString()));
      if (output != null) {
        throw new IllegalStateException("cannot unmount the tmpfs on " + dir + ": " + output);
      }
    }
  }

  /** Runs {@code command}; returns null when it succeeded, else its output. */
  private static String run(List<String> command) throws IOException, InterruptedException {
    Process p;
    try {
      p = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      return e.getMessage();
    }
    if (!p.waitFor(30, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      return String.join(" ", command) + " did not end within 30 s";
    }
    String output = new String(p.getInputStream().readAllBytes()).strip();
    return p.exitValue() == 0 ? null : output + " (exit code " + p.exitValue() + ")";
  }
}
