package dev.mnistlab.output;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Mounts a small tmpfs for a test that needs a full disk, and fills it.
 *
 * <p>Mounting needs root. Elsewhere the test is skipped with the reason printed, except in CI
 * (where {@code CI} is set and the tests run as root), where a failed mount fails the test so
 * that the full-disk cases are never silently left out.
 */
public final class SmallDisk implements AutoCloseable {
  private final Path dir;

  private SmallDisk(Path dir) {
    this.dir = dir;
  }

  /** Mounts a tmpfs of {@code kib} KiB on the new directory {@code dir}. */
  public static SmallDisk mount(Path dir, int kib) throws IOException, InterruptedException {
    Files.createDirectories(dir);
    String why = run("mount", "-t", "tmpfs", "-o", "size=" + kib + "k", "tmpfs", dir.toString());
    if (why != null) {
      String reason = "needs a small tmpfs for a full disk, but mount failed (" + why
          + "); run the tests as root to include them";
      if (System.getenv("CI") != null) {
        fail(reason);
      }
      System.out.println("skipped: " + reason);
      Assumptions.abort(reason);
    }
    return new SmallDisk(dir);
  }

  /** Returns the mounted directory. */
  public Path dir() {
    return dir;
  }

  /** Fills the disk with one file until no byte more fits; returns that file. */
  public Path fill() throws IOException {
    Path filler = dir.resolve("filler");
    byte[] block = new byte[4096];
    try (OutputStream out = Files.newOutputStream(filler)) {
      while (true) {
        out.write(block);
        out.flush();
      }
    } catch (IOException full) {
      // The point: the disk is full now. Top up the last partial block byte by byte.
      try (OutputStream out = Files.newOutputStream(filler,
          java.nio.file.StandardOpenOption.APPEND)) {
        while (true) {
          out.write(0);
          out.flush();
        }
      } catch (IOException alsoFull) {
        return filler;
      }
    }
  }

  /** Unmounts the tmpfs; its contents go with it. */
  @Override
  public void close() throws IOException, InterruptedException {
    String why = run("umount", dir.toString());
    if (why != null) {
      throw new IOException("umount " + dir + " failed: " + why);
    }
  }

  /** Runs a command; returns null on success, else what it printed. */
  private static String run(String... command) throws IOException, InterruptedException {
    Process p;
    try {
      p = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      return e.getMessage();
    }
    String output = new String(p.getInputStream().readAllBytes()).strip();
    if (!p.waitFor(30, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      return "timed out";
    }
    return p.exitValue() == 0 ? null : "exit " + p.exitValue() + ": " + output;
  }
}
