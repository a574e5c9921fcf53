package dev.mnistlab.study;

import dev.mnistlab.InvalidInputException;
import dev.mnistlab.model.ModelSpec;
import dev.mnistlab.train.Evaluation;
import dev.mnistlab.train.RunState;
import dev.mnistlab.train.TrainConfig;
import dev.mnistlab.train.TrainResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Runs every repeat of every trial of a study that has no stored result yet, several at
 * once, each in a process of its own with one engine thread, and stores each result as it
 * finishes, so an interrupted study continues where it stopped.
 *
 * <p>Processes rather than threads: a run that crashes cannot take the study down, each
 * run's memory is its own, and the engine's global random generator (dropout) serves one
 * run only, so parallel runs repeat exactly. The longest runs start first, so the last
 * ones to finish are short.
 */
public final class StudyRunner {
  private final StudyStore store;
  private final List<String> javaCommand;
  private final Path dataDir;
  private final int parallel;
  private final Consumer<String> log;

  /**
   * Creates a runner.
   *
   * @param store where results are kept
   * @param javaCommand the command that starts mnist-lab's main class (java, flags, class)
   * @param dataDir the data directory every run uses
   * @param parallel how many runs at once
   * @param log receives one line per started or finished run
   */
  public StudyRunner(StudyStore store, List<String> javaCommand, Path dataDir, int parallel,
      Consumer<String> log) {
    if (parallel < 1) {
      throw new InvalidInputException("--parallel must be >= 1, got " + parallel);
    }
    this.store = store;
    this.javaCommand = List.copyOf(javaCommand);
    this.dataDir = dataDir;
    this.parallel = parallel;
    this.log = log;
  }

  /** Runs what is missing and returns how many runs it trained. */
  public int run(StudyDefinition study) throws InterruptedException {
    List<RunKey> missing = new ArrayList<>();
    int total = 0;
    for (TrialDefinition trial : study.trials()) {
      for (int r = 0; r < study.repeats(); r++) {
        total++;
        RunKey key = RunKey.of(trial, r);
        if (store.load(key).isEmpty()) {
          missing.add(key);
        }
      }
    }
    if (missing.isEmpty()) {
      log.accept("all " + total + " runs are stored in " + store.dir() + "; nothing to train");
      return 0;
    }
    log.accept(String.format(Locale.ROOT, "%d of %d runs to train (%d stored), %d at a time, "
        + "results in %s", missing.size(), total, total - missing.size(), parallel,
        store.dir()));
    missing.sort(Comparator.comparingDouble((RunKey k) -> cost(k.config())).reversed());
    AtomicInteger done = new AtomicInteger();
    long start = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(parallel);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (RunKey key : missing) {
        futures.add(pool.submit(() -> {
          TrainResult result = trainOne(key);
          int n = done.incrementAndGet();
          double elapsed = (System.nanoTime() - start) / 1e9;
          log.accept(String.format(Locale.ROOT, "[%d/%d] %s seed %d: %s, test accuracy %.4f,"
              + " %.0f s (%.0f s elapsed)", n, missing.size(), key.trial().name(),
              key.config().seed(), result.state(), result.test().accuracy(), result.seconds(),
              elapsed));
          return null;
        }));
      }
      for (Future<?> f : futures) {
        try {
          f.get();
        } catch (java.util.concurrent.ExecutionException e) {
          if (e.getCause() instanceof RuntimeException re) {
            throw re;
          }
          throw new IllegalStateException(e.getCause());
        }
      }
    } finally {
      pool.shutdownNow();
    }
    return missing.size();
  }

  private TrainResult trainOne(RunKey key) {
    Path json = store.pathOf(key);
    Path partial = json.resolveSibling(json.getFileName() + ".running");
    List<String> command = new ArrayList<>(javaCommand);
    command.add("train");
    command.addAll(TrainArgs.of(key.config()));
    command.addAll(List.of("--data-dir", dataDir.toString(), "--json", partial.toString()));
    ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(
        ProcessBuilder.Redirect.DISCARD);
    builder.environment().put("OMP_NUM_THREADS", "1");
    String stderr;
    int code;
    try {
      Process process = builder.start();
      stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      code = process.waitFor();
    } catch (IOException e) {
      throw new IllegalStateException("cannot start a training process: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
    if (code == 2) {
      throw new InvalidInputException(key.trial().name() + ": " + lastLine(stderr));
    }
    TrainResult result = code == 0 || code == 1 ? store.readPartial(partial).orElse(null) : null;
    if (result == null) {
      // The process died before writing a result (killed, out of memory): store why.
      result = new TrainResult(key.config(), null, List.of(), List.of(), Evaluation.NONE,
          RunState.FAILED, "training process exited with code " + code + ": "
          + lastLine(stderr), 0, 0, Double.NaN);
    }
    store.save(key, result);
    store.deletePartial(partial);
    return result;
  }

  private static String lastLine(String text) {
    String[] lines = text.strip().split("\n");
    return lines.length == 0 ? "" : lines[lines.length - 1];
  }

  /**
   * Estimates a run's seconds on one thread: per step, 0.45 ms of fixed cost plus 0.12 ns per
   * multiply-add (fitted to the trial-1 and trial-7 networks on 2 cores), times the steps.
   */
  static double cost(TrainConfig c) {
    long params = ModelSpec.parse(c.model()).parameterCount();
    int images = c.trainLimit() > 0 ? c.trainLimit() : 60_000 - c.valSize();
    double steps = Math.ceil((double) images / c.batchSize()) * c.epochs();
    return steps * (4.5e-4 + 1.2e-10 * params * c.batchSize());
  }
}
