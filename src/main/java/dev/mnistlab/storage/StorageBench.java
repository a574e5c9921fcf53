package dev.mnistlab.storage;

import dev.mnistlab.train.EpochMetrics;
import dev.mnistlab.train.Evaluation;
import dev.mnistlab.train.Provenance;
import dev.mnistlab.train.RunState;
import dev.mnistlab.train.StepLoss;
import dev.mnistlab.train.ThreadSettings;
import dev.mnistlab.train.TrainConfig;
import dev.mnistlab.train.TrainResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Measures what storage costs a trial, to set beside what training it costs (minutes): the whole
 * life of one trial shaped like the seed study's, from queueing to reading it back with its curves,
 * in throwaway studies that are deleted afterwards.
 */
public final class StorageBench {
  /**
   * Describes a trial's size in storage.
   *
   * @param name what the shape is, for the report
   * @param epochs epochs of metrics
   * @param steps sampled step losses
   */
  public record Shape(String name, int epochs, int steps) {
    public Shape {
      if (epochs < 1 || steps < 0) {
        throw new IllegalArgumentException(
            "a shape needs epochs >= 1 and steps >= 0, got " + epochs + " and " + steps);
      }
    }
  }

  /**
   * The seed study's trial 1 (20 epochs of 3,437.5 batches of 16, every 10th step logged) and the
   * same run for 100 epochs.
   */
  public static final List<Shape> SEED_SHAPES =
      List.of(new Shape("seed trial 1", 20, 6_875), new Shape("100 epochs", 100, 34_375));

  /** Heartbeats written per trial; a worker writes one every few seconds of training. */
  static final int HEARTBEATS = 10;

  private StorageBench() {}

  /** Runs {@link #run(Storage, int, List)} with {@link #SEED_SHAPES}. */
  public static List<String> run(Storage storage, int trials) {
    return run(storage, trials, SEED_SHAPES);
  }

  /**
   * Times {@code trials} trials of each shape (enqueue, claim, heartbeats, finish, read back with
   * curves) and returns one line per shape with the median milliseconds of each phase per trial.
   */
  public static List<String> run(Storage storage, int trials, List<Shape> shapes) {
    if (trials < 1) {
      throw new IllegalArgumentException("bench trials must be >= 1, got " + trials);
    }
    List<String> lines = new ArrayList<>();
    for (Shape shape : shapes) {
      double[][] phases = new double[5][trials];
      for (int i = 0; i < trials; i++) {
        double[] one = timeOneTrial(storage, shape, i);
        for (int p = 0; p < phases.length; p++) {
          phases[p][i] = one[p];
        }
      }
      double[] medians = Arrays.stream(phases).mapToDouble(StorageBench::median).toArray();
      lines.add(
          String.format(
              Locale.ROOT,
              "%s, %s (%d epochs, %,d steps): enqueue %.1f ms,"
                  + " claim %.1f ms, %d heartbeats %.1f ms, finish %.1f ms, read with curves %.1f ms;"
                  + " total %.1f ms per trial (median of %d)",
              storage.describe(),
              shape.name(),
              shape.epochs(),
              shape.steps(),
              medians[0],
              medians[1],
              HEARTBEATS,
              medians[2],
              medians[3],
              medians[4],
              Arrays.stream(medians).sum(),
              trials));
    }
    return lines;
  }

  /** Returns the milliseconds of enqueue, claim, heartbeats, finish and read. */
  private static double[] timeOneTrial(Storage storage, Shape shape, int index) {
    String name = "bench-" + UUID.randomUUID().toString().substring(0, 8);
    StudyRecord study =
        storage.createStudy(
            new StudySpec(
                name,
                "val_accuracy",
                Direction.MAXIMIZE,
                "bench",
                "{}",
                index,
                "storage benchmark; deleted when done"));
    try {
      TrainConfig config = TrainConfig.defaults().withRun(shape.epochs(), 16, 0.01);
      TrainResult result = result(config, shape, index);
      String worker = WorkerId.current().toString();
      double[] ms = new double[5];

      long t = System.nanoTime();
      storage.enqueue(study.id(), List.of(new TrialRequest("trial 1", Map.of("lr", 0.01), config)));
      ms[0] = millisSince(t);
      t = System.nanoTime();
      TrialRecord trial = storage.claim(study.id(), worker).orElseThrow();
      ms[1] = millisSince(t);
      t = System.nanoTime();
      for (int h = 0; h < HEARTBEATS; h++) {
        storage.heartbeat(trial.id(), worker);
      }
      ms[2] = millisSince(t);
      t = System.nanoTime();
      storage.finish(
          trial.id(),
          worker,
          new TrialOutcome(TrialState.COMPLETE, null, result.lastEpoch().valAccuracy(), result));
      ms[3] = millisSince(t);
      t = System.nanoTime();
      List<TrialRecord> back = storage.trials(study.id(), true);
      ms[4] = millisSince(t);
      if (back.get(0).steps().size() != shape.steps()) {
        throw new IllegalStateException(
            "storage "
                + storage.describe()
                + " returned "
                + back.get(0).steps().size()
                + " steps of "
                + shape.steps());
      }
      return ms;
    } finally {
      storage.deleteStudy(name);
    }
  }

  /** Returns a plausible result of the shape: decaying noisy losses, fixed by the index. */
  private static TrainResult result(TrainConfig config, Shape shape, int index) {
    Random random = new Random(index);
    List<EpochMetrics> epochs = new ArrayList<>();
    for (int e = 1; e <= shape.epochs(); e++) {
      double loss = 0.3 / e + 0.02 * random.nextDouble();
      epochs.add(
          new EpochMetrics(
              e,
              loss,
              loss * 1.1,
              loss * 1.2,
              0.97 + 0.0001 * e,
              0.01,
              20 + random.nextDouble(),
              3_000 + random.nextDouble() * 100));
    }
    List<StepLoss> steps = new ArrayList<>(shape.steps());
    for (int s = 1; s <= shape.steps(); s++) {
      int epoch = 1 + (int) ((long) (s - 1) * shape.epochs() / Math.max(1, shape.steps()));
      steps.add(new StepLoss(10L * s, epoch, 2.3 / Math.sqrt(s) + 0.1 * random.nextDouble()));
    }
    Provenance provenance =
        new Provenance(
            Provenance.version(),
            "bench",
            "bench",
            System.getProperty("java.version"),
            System.getProperty("os.name"),
            "bench",
            1,
            new ThreadSettings(1, 1, true),
            "bench",
            Map.of());
    return new TrainResult(
        config,
        provenance,
        epochs,
        steps,
        new Evaluation(0.08, 0.975),
        RunState.COMPLETE,
        "ran every epoch",
        0,
        400,
        512);
  }

  private static double millisSince(long start) {
    return (System.nanoTime() - start) / 1e6;
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}
