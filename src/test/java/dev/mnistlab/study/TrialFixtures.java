package dev.mnistlab.study;

import dev.mnistlab.storage.Direction;
import dev.mnistlab.storage.Storage;
import dev.mnistlab.storage.StudyRecord;
import dev.mnistlab.storage.StudySpec;
import dev.mnistlab.storage.TrialRecord;
import dev.mnistlab.storage.TrialRequest;
import dev.mnistlab.storage.TrialState;
import dev.mnistlab.train.Evaluation;
import dev.mnistlab.train.OptimizerKind;
import dev.mnistlab.train.ScheduleKind;
import dev.mnistlab.train.TrainConfig;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds tiny trials, studies and the command that trains them, for the worker tests. */
public final class TrialFixtures {
  private TrialFixtures() {}

  /**
   * Returns a config that trains on the synthetic set (100 training, 20 validation images) in about
   * a second, most of it the JVM and engine starting: one linear layer, batch 10, one engine
   * thread.
   */
  public static TrainConfig tiny(int epochs) {
    return new TrainConfig(
        "linear(10)",
        epochs,
        10,
        1e-2,
        OptimizerKind.ADAM,
        0.9,
        0,
        0.9,
        0.999,
        ScheduleKind.CONSTANT,
        0,
        42,
        1,
        0,
        0,
        20,
        "last",
        false,
        "pytorch",
        100);
  }

  /** Returns {@link #tiny(int)} with one epoch. */
  public static TrainConfig tiny() {
    return tiny(1);
  }

  /** Creates a study maximising validation accuracy. */
  public static StudyRecord study(Storage storage, String name) {
    return storage.createStudy(
        new StudySpec(name, "val_accuracy", Direction.MAXIMIZE, "sweep", "{}", 42, null));
  }

  /**
   * Queues {@code count} trials of {@code config} after the study's others, each labelled {@code
   * tN} and seeded {@code N} after its number {@code N}.
   */
  public static List<TrialRecord> enqueue(
      Storage storage, StudyRecord study, int count, TrainConfig config) {
    int first = storage.trials(study.id(), false).size();
    List<TrialRequest> requests = new ArrayList<>();
    for (int n = first; n < first + count; n++) {
      requests.add(new TrialRequest("t" + n, Map.of("n", n), config.withSeed(n)));
    }
    return storage.enqueue(study.id(), requests);
  }

  /** Returns a running trial record that was never stored, for executors run alone. */
  public static TrialRecord running(int number, TrainConfig config) {
    return new TrialRecord(
        number + 1,
        1,
        number,
        "t" + number,
        Map.of(),
        config,
        TrialState.RUNNING,
        null,
        "test:1:x",
        1,
        Instant.now(),
        Instant.now(),
        Instant.now(),
        null,
        Double.NaN,
        Evaluation.NONE,
        Double.NaN,
        0,
        Double.NaN,
        null,
        List.of(),
        List.of());
  }

  /** Returns the command that starts mnist-lab's main class on this JVM's class path. */
  public static List<String> javaCommand() {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return List.of(
        java,
        "-Djava.awt.headless=true",
        "-cp",
        System.getProperty("java.class.path"),
        "dev.mnistlab.cli.Main");
  }
}
