package dev.mnistlab.worker;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.RandomAccessFile;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One long-lived training process, {@code mnist-lab serve-trials}, which trains the runs it is sent
 * one after another (see {@link ServerProtocol}), with one engine thread. It is told this process's
 * id and halts itself when this process ends, so a worker killed outright (kill -9, out of memory)
 * leaves no training running on its own. Its stderr goes to a file; {@link #lastMessageSince} reads
 * what one run wrote there.
 *
 * <p>Used by one thread at a time.
 */
final class TrainingServer implements AutoCloseable {
  /** Seconds a stopped process gets to end before it is killed. */
  static final int STOP_SECONDS = 10;

  /** Bytes at the end of stderr searched for a run's last message. */
  private static final int TAIL_BYTES = 8192;

  private final Process process;
  private final Path dir;
  private final Path stderr;
  private final BufferedReader lines;
  private final Writer requests;

  private TrainingServer(Process process, Path dir, Path stderr) {
    this.process = process;
    this.dir = dir;
    this.stderr = stderr;
    this.lines =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    this.requests = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
  }

  /**
   * The JVM flags of a training process. It trains with one engine thread, so the JVM sizes its own
   * threads for one CPU, and it compiles with C1 alone: C2 kept a second core a fifth busy for
   * minutes, which two workers on two cores paid for in trials, while the training itself runs in
   * the engine's native code (measured on 2 cores: 31 small-net trials in 40 s with one worker and
   * 55 with two, against 26 and 38 without these flags).
   */
  static final List<String> JVM_FLAGS =
      List.of("-XX:ActiveProcessorCount=1", "-XX:TieredStopAtLevel=1");

  /** Returns the command that starts a training process: java, flags, main class, then ours. */
  static List<String> command(List<String> javaCommand) {
    List<String> command = new ArrayList<>(javaCommand);
    command.addAll(1, JVM_FLAGS);
    command.addAll(
        List.of(
            "serve-trials", "--exit-with-parent", String.valueOf(ProcessHandle.current().pid())));
    return command;
  }

  /** Starts a training process with {@code javaCommand} (java, flags, main class). */
  static TrainingServer start(List<String> javaCommand) {
    Path dir;
    try {
      dir = Files.createTempDirectory("mnist-lab-trainer-");
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot create a temporary directory for a training " + "process: " + e.getMessage(), e);
    }
    Path stderr = dir.resolve("stderr.txt");
    ProcessBuilder builder =
        new ProcessBuilder(command(javaCommand)).redirectError(stderr.toFile());
    // One engine thread per trial: trials run side by side (see README, "Threads").
    builder.environment().put("OMP_NUM_THREADS", "1");
    builder.environment().put("MKL_NUM_THREADS", "1");
    try {
      return new TrainingServer(builder.start(), dir, stderr);
    } catch (IOException e) {
      deleteQuietly(dir);
      throw new IllegalStateException(
          "cannot start a training process (" + builder.command().get(0) + "): " + e.getMessage(),
          e);
    }
  }

  /** Returns whether the process is still running. */
  boolean alive() {
    return process.isAlive();
  }

  /** Sends one line; false when the process can no longer read it (it has ended). */
  boolean send(String line) {
    try {
      requests.write(line.replace('\n', ' ') + "\n");
      requests.flush();
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** Reads the process's next stdout line, or null once it has closed its stdout. */
  String readLine() throws IOException {
    return lines.readLine();
  }

  /** Kills the process at once: it waits for a reply that will not come. */
  void kill() {
    process.destroyForcibly();
  }

  /** Waits for the process to end and returns its exit code. */
  int exitCode() throws InterruptedException {
    return process.waitFor();
  }

  /** Returns the bytes written to stderr so far: where the next run's messages start. */
  long stderrLength() {
    return stderr.toFile().length();
  }

  /**
   * Returns the last line written to stderr since byte {@code start} that is not a stack frame, or
   * "".
   */
  String lastMessageSince(long start) {
    try (RandomAccessFile file = new RandomAccessFile(stderr.toFile(), "r")) {
      long from = Math.max(start, file.length() - TAIL_BYTES);
      byte[] tail = new byte[(int) Math.max(0, file.length() - from)];
      file.seek(from);
      file.readFully(tail);
      return TrialProcess.lastMessage(new String(tail, StandardCharsets.UTF_8));
    } catch (IOException e) {
      return "";
    }
  }

  /** Ends the process (end of input, then SIGTERM, then SIGKILL) and deletes its files. */
  @Override
  public void close() {
    try {
      requests.close();
    } catch (IOException e) {
      // Already gone.
    }
    process.destroy();
    try {
      if (!process.waitFor(STOP_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(STOP_SECONDS, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    } finally {
      deleteQuietly(dir);
    }
  }

  static void deleteQuietly(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // A leftover temporary directory is harmless.
    }
  }
}
