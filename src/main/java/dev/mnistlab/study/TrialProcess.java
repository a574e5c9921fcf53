package dev.mnistlab.study;

import dev.mnistlab.storage.TrialOutcome;
import dev.mnistlab.storage.TrialRecord;
import dev.mnistlab.storage.TrialState;
import dev.mnistlab.train.EpochGate;
import dev.mnistlab.train.JsonFormat;
import dev.mnistlab.train.TrainConfig;
import dev.mnistlab.train.TrainResult;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Runs each trial as a child {@code train} process with one engine thread, as
 * {@link StudyRunner} runs a study's runs, and turns what the child leaves behind into a
 * {@link TrialOutcome}.
 *
 * <p>The child is told this process's id and halts itself when this process ends, so a
 * worker killed outright (kill -9, out of memory) leaves no training running on its own.
 * Interrupting the thread inside {@link #run} stops the child: SIGTERM, then SIGKILL if it
 * has not ended within {@value #STOP_SECONDS} s.
 *
 * <p>Given judges, it follows each run epoch by epoch through an {@link EpochGate}: after
 * every epoch but the last the child waits for its trial's {@link EpochJudge}, and a trial the
 * judge stops ends as {@code PRUNED} with the epochs it trained.
 */
public final class TrialProcess implements TrialExecutor {
  /** Seconds a stopped child gets to end before it is killed. */
  static final int STOP_SECONDS = 10;
  /** Bytes at the end of the child's stderr searched for its last message. */
  private static final int TAIL_BYTES = 8192;

  private final List<String> javaCommand;
  private final Path dataDir;
  private final Function<TrialRecord, EpochJudge> judges;

  /**
   * Creates an executor.
   *
   * @param javaCommand the command that starts mnist-lab's main class (java, flags, class)
   * @param dataDir the data directory every trial trains on
   */
  public TrialProcess(List<String> javaCommand, Path dataDir) {
    this(javaCommand, dataDir, null);
  }

  /**
   * Creates an executor whose trials a judge may stop after any epoch.
   *
   * @param judges gives each trial's judge when it starts, or null for none
   */
  public TrialProcess(List<String> javaCommand, Path dataDir,
      Function<TrialRecord, EpochJudge> judges) {
    if (javaCommand.isEmpty()) {
      throw new IllegalArgumentException("the java command must not be empty");
    }
    this.javaCommand = List.copyOf(javaCommand);
    this.dataDir = dataDir.toAbsolutePath();
    this.judges = judges;
  }

  @Override
  public TrialOutcome run(TrialRecord trial, Objective objective) throws InterruptedException {
    if (Thread.interrupted()) {
      throw new InterruptedException("trial " + trial.number() + " was cancelled before it "
          + "started");
    }
    Path dir = createTempDirectory();
    try {
      Path json = dir.resolve("result.json");
      Path stderr = dir.resolve("stderr.txt");
      EpochJudge judge = judges == null ? null : judges.apply(trial);
      List<String> command = command(trial.config(), json);
      if (judge != null) {
        command.add("--epoch-gate");
      }
      ProcessBuilder builder = new ProcessBuilder(command)
          .redirectOutput(judge == null ? ProcessBuilder.Redirect.DISCARD
              : ProcessBuilder.Redirect.PIPE)
          .redirectError(stderr.toFile());
      // One engine thread per trial: trials run side by side (see README, "Threads").
      builder.environment().put("OMP_NUM_THREADS", "1");
      builder.environment().put("MKL_NUM_THREADS", "1");
      Process process = start(builder);
      GateConversation gate = judge == null ? null
          : GateConversation.start(process, judge, trial.config().epochs(),
              "trial " + trial.number());
      int code;
      try {
        code = process.waitFor();
        if (gate != null) {
          gate.awaitEnd();
        }
      } catch (InterruptedException e) {
        stop(process);
        if (gate != null) {
          gate.cancel();
        }
        throw e;
      }
      TrialOutcome outcome = outcome(code, readResult(json), lastMessage(stderr), objective);
      return gate == null ? outcome : gate.verdict(outcome);
    } finally {
      deleteQuietly(dir);
    }
  }

  /** Returns the child's command line: train flags, data, result file, this process's id. */
  List<String> command(TrainConfig config, Path json) {
    List<String> command = new ArrayList<>(javaCommand);
    command.add("train");
    command.addAll(TrainArgs.of(config));
    command.addAll(List.of("--data-dir", dataDir.toString(), "--json", json.toString(),
        "--exit-with-parent", String.valueOf(ProcessHandle.current().pid())));
    return command;
  }

  /**
   * Maps what a finished child left behind to an outcome.
   *
   * @param code the child's exit code
   * @param result the result JSON it wrote, or null when it wrote none
   * @param lastMessage the last line of its stderr that is not a stack frame, or ""
   * @param objective how the trial's value is measured
   */
  static TrialOutcome outcome(int code, TrainResult result, String lastMessage,
      Objective objective) {
    if (result != null) {
      return switch (result.state()) {
        case COMPLETE -> new TrialOutcome(TrialState.COMPLETE, null, objective.valueOf(result),
            result);
        case DIVERGED -> new TrialOutcome(TrialState.DIVERGED, result.message(), Double.NaN,
            result);
        case FAILED -> new TrialOutcome(TrialState.FAILED, result.message(), Double.NaN,
            result);
      };
    }
    if (code == 2 && !lastMessage.isEmpty()) {
      // Bad input: the child's one line already names the rule and the value.
      return new TrialOutcome(TrialState.FAILED, lastMessage, Double.NaN, null);
    }
    String reason = "training process exited with code " + code
        + (code > 128 ? " (signal " + (code - 128) + ")" : "")
        + (lastMessage.isEmpty() ? " without a result" : ": " + lastMessage);
    return new TrialOutcome(TrialState.FAILED, reason, Double.NaN, null);
  }

  /** Returns the last non-blank line of {@code text} that is not a stack frame, or "". */
  static String lastMessage(String text) {
    String[] lines = text.split("\\R");
    for (int i = lines.length - 1; i >= 0; i--) {
      String line = lines[i];
      if (!line.isBlank() && !Character.isWhitespace(line.charAt(0))) {
        return line.strip();
      }
    }
    return "";
  }

  private static String lastMessage(Path stderr) {
    try (RandomAccessFile file = new RandomAccessFile(stderr.toFile(), "r")) {
      long start = Math.max(0, file.length() - TAIL_BYTES);
      byte[] tail = new byte[(int) (file.length() - start)];
      file.seek(start);
      file.readFully(tail);
      return lastMessage(new String(tail, StandardCharsets.UTF_8));
    } catch (IOException e) {
      return "";
    }
  }

  private static TrainResult readResult(Path json) {
    if (!Files.isRegularFile(json)) {
      return null;
    }
    try {
      return JsonFormat.MAPPER.readValue(json.toFile(), TrainResult.class);
    } catch (IOException e) {
      // The child writes the file by renaming a finished one, so this means a foreign file.
      return null;
    }
  }

  private static Process start(ProcessBuilder builder) {
    try {
      return builder.start();
    } catch (IOException e) {
      throw new IllegalStateException("cannot start a training process ("
          + builder.command().get(0) + "): " + e.getMessage(), e);
    }
  }

  /** Ends {@code process}: SIGTERM, then SIGKILL after {@link #STOP_SECONDS}. */
  private static void stop(Process process) {
    process.destroy();
    try {
      if (!process.waitFor(STOP_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(STOP_SECONDS, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private static Path createTempDirectory() {
    try {
      return Files.createTempDirectory("mnist-lab-trial-");
    } catch (IOException e) {
      throw new IllegalStateException("cannot create a temporary directory for a trial: "
          + e.getMessage(), e);
    }
  }

  private static void deleteQuietly(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // A leftover temporary directory is harmless; the outcome matters more.
    }
  }
}
