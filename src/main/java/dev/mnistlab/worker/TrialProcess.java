package dev.mnistlab.worker;

import dev.mnistlab.InvalidInputException;
import dev.mnistlab.storage.TrialOutcome;
import dev.mnistlab.storage.TrialRecord;
import dev.mnistlab.storage.TrialState;
import dev.mnistlab.train.EpochGate;
import dev.mnistlab.train.JsonFormat;
import dev.mnistlab.train.TrainConfig;
import dev.mnistlab.train.TrainResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.Function;

/**
 * Runs each trial in a training process of its own, {@code mnist-lab serve-trials} with one engine
 * thread (see {@link TrainingServer}), and turns what the run leaves behind into a {@link
 * TrialOutcome}. A training process that finished a run is kept for the next trial of the same
 * executor, so a worker pays the JVM's, the engine's and the data's start-up once per thread, not
 * once per trial; one that crashed, was stopped or misbehaved is replaced. {@link #close} ends the
 * idle ones.
 *
 * <p>Interrupting the thread inside {@link #run} stops the trial's process: SIGTERM, then SIGKILL
 * if it has not ended within {@value TrainingServer#STOP_SECONDS} s.
 *
 * <p>With a models directory, every run is asked to save its trained model into {@code trial-N}
 * there ({@code train --save}); a run that completes keeps it, and its outcome names the directory.
 * A run that is pruned, diverges or fails saves nothing.
 *
 * <p>Every run goes through an {@link EpochGate}: after every epoch but the last the run waits for
 * its trial's {@link EpochJudge}, and a trial the judge stops ends as {@code PRUNED} with the
 * epochs it trained. Without judges every epoch goes on.
 */
public final class TrialProcess implements TrialExecutor, AutoCloseable {
  private static final EpochJudge GO_ON = metrics -> null;

  private final List<String> javaCommand;
  private final Path dataDir;
  private final Function<TrialRecord, EpochJudge> judges;
  private final Path modelsDir;
  private final Deque<TrainingServer> idle = new ConcurrentLinkedDeque<>();
  private volatile boolean closed;

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
  public TrialProcess(
      List<String> javaCommand, Path dataDir, Function<TrialRecord, EpochJudge> judges) {
    this(javaCommand, dataDir, judges, null);
  }

  /**
   * Creates an executor that keeps the model of every run that completes.
   *
   * @param judges gives each trial's judge when it starts, or null for none
   * @param modelsDir the study's directory for kept models, one {@code trial-N} directory each;
   *     null keeps none
   */
  public TrialProcess(
      List<String> javaCommand,
      Path dataDir,
      Function<TrialRecord, EpochJudge> judges,
      Path modelsDir) {
    if (javaCommand.isEmpty()) {
      throw new IllegalArgumentException("the java command must not be empty");
    }
    this.javaCommand = List.copyOf(javaCommand);
    this.dataDir = dataDir.toAbsolutePath();
    this.judges = judges;
    this.modelsDir = modelsDir == null ? null : modelsDir.toAbsolutePath().normalize();
  }

  /** Returns the directory trial {@code number}'s model is kept in under {@code modelsDir}. */
  public static Path modelDir(Path modelsDir, int number) {
    return modelsDir.resolve("trial-" + number);
  }

  @Override
  public TrialOutcome run(TrialRecord trial, Objective objective) throws InterruptedException {
    if (Thread.interrupted()) {
      throw new InterruptedException(
          "trial " + trial.number() + " was cancelled before it " + "started");
    }
    Path dir = createTempDirectory();
    TrainingServer server = null;
    boolean reusable = false;
    try {
      Path json = dir.resolve("result.json");
      EpochJudge judge = judges == null ? GO_ON : judges.apply(trial);
      Path model = modelsDir == null ? null : modelDir(modelsDir, trial.number());
      if (model != null) {
        // Made here, once, so that each run's save is a rename inside it.
        createDirectories(modelsDir);
      }
      server = idleOrNew();
      long stderrStart = server.stderrLength();
      Integer code = null;
      if (server.send(ServerProtocol.request(arguments(trial.config(), json, model)))) {
        GateConversation gate =
            GateConversation.start(
                server, judge, trial.config().epochs(), "trial " + trial.number());
        try {
          code = gate.awaitEnd();
        } catch (InterruptedException e) {
          gate.cancel();
          throw e;
        }
        reusable = code != null;
        if (reusable) {
          TrialOutcome outcome =
              outcome(code, readResult(json), server.lastMessageSince(stderrStart), objective);
          return kept(gate.verdict(outcome), model);
        }
      }
      // The process ended in the middle of the run: its exit code says how.
      return outcome(
          server.exitCode(), readResult(json), server.lastMessageSince(stderrStart), objective);
    } finally {
      if (server != null) {
        if (reusable && !closed) {
          idle.push(server);
        } else {
          server.close();
        }
      }
      deleteQuietly(dir);
    }
  }

  /** Ends the training processes kept for later trials. */
  @Override
  public void close() {
    closed = true;
    TrainingServer server;
    while ((server = idle.poll()) != null) {
      server.close();
    }
  }

  /** Returns a kept training process that is still running, or a new one. */
  private TrainingServer idleOrNew() {
    TrainingServer server;
    while ((server = idle.poll()) != null) {
      if (server.alive()) {
        return server;
      }
      server.close();
    }
    return TrainingServer.start(javaCommand);
  }

  /**
   * Returns the command a training process runs for a trial: train flags, data, result, and the
   * directory to save the model into, or none when {@code model} is null.
   */
  List<String> arguments(TrainConfig config, Path json, Path model) {
    List<String> arguments = new ArrayList<>();
    arguments.add("train");
    arguments.addAll(TrainArgs.of(config));
    arguments.addAll(
        List.of("--data-dir", dataDir.toString(), "--json", json.toString(), "--epoch-gate"));
    if (model != null) {
      arguments.addAll(List.of("--save", model.toString()));
    }
    return arguments;
  }

  /**
   * Returns {@code outcome} naming {@code model} when the run completed and saved it there; a
   * pruned, diverged or failed run saved nothing and names no directory.
   */
  static TrialOutcome kept(TrialOutcome outcome, Path model) {
    if (model == null
        || outcome.state() != TrialState.COMPLETE
        || !Files.isRegularFile(model.resolve("model.params"))) {
      return outcome;
    }
    return outcome.withModelDir(model.toString());
  }

  /**
   * Maps what a finished child left behind to an outcome.
   *
   * @param code the child's exit code
   * @param result the result JSON it wrote, or null when it wrote none
   * @param lastMessage the last line of its stderr that is not a stack frame, or ""
   * @param objective how the trial's value is measured
   */
  static TrialOutcome outcome(
      int code, TrainResult result, String lastMessage, Objective objective) {
    if (result != null) {
      return switch (result.state()) {
        case COMPLETE ->
            new TrialOutcome(TrialState.COMPLETE, null, objective.valueOf(result), result);
        case DIVERGED ->
            new TrialOutcome(TrialState.DIVERGED, result.message(), Double.NaN, result);
        case FAILED -> new TrialOutcome(TrialState.FAILED, result.message(), Double.NaN, result);
      };
    }
    if (code == 2 && !lastMessage.isEmpty()) {
      // Bad input: the child's one line already names the rule and the value.
      return new TrialOutcome(TrialState.FAILED, lastMessage, Double.NaN, null);
    }
    String reason =
        "training process exited with code "
            + code
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

  private static void createDirectories(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new InvalidInputException(
          "cannot create the models directory " + dir + ": " + e.getMessage(), e);
    }
  }

  private static Path createTempDirectory() {
    try {
      return Files.createTempDirectory("mnist-lab-trial-");
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot create a temporary directory for a trial: " + e.getMessage(), e);
    }
  }

  private static void deleteQuietly(Path dir) {
    TrainingServer.deleteQuietly(dir);
  }
}
