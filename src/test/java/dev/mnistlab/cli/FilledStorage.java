package dev.mnistlab.cli;

import dev.mnistlab.storage.Direction;
import dev.mnistlab.storage.Storage;
import dev.mnistlab.storage.Storages;
import dev.mnistlab.storage.StudyRecord;
import dev.mnistlab.storage.StudySpec;
import dev.mnistlab.storage.TrialOutcome;
import dev.mnistlab.storage.TrialRecord;
import dev.mnistlab.storage.TrialRequest;
import dev.mnistlab.storage.TrialState;
import dev.mnistlab.train.EpochMetrics;
import dev.mnistlab.train.Evaluation;
import dev.mnistlab.train.RunState;
import dev.mnistlab.train.StepLoss;
import dev.mnistlab.train.TrainConfig;
import dev.mnistlab.train.TrainResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Fills a real SQLite storage with one study, {@code demo}, through the storage's own worker calls:
 * trial 0 complete (validation accuracy 0.97 after 2 epochs), trial 1 complete (0.98), trial 2
 * failed, trial 3 still waiting.
 */
final class FilledStorage {
  private FilledStorage() {}

  /** Creates {@code dir/filled.db} and returns its storage URL. */
  static String create(Path dir) {
    String url = "sqlite:" + dir.resolve("filled.db");
    try (Storage storage = Storages.open(url)) {
      StudyRecord study =
          storage.createStudy(
              new StudySpec(
                  "demo", "val_accuracy", Direction.MAXIMIZE, "search", "{}", 7, "made by a test"));
      TrainConfig base = TrainConfig.defaults().withRun(2, 100, 1e-3);
      storage.enqueue(
          study.id(),
          List.of(
              new TrialRequest("a", Map.of("lr", 0.001), base.withSeed(1)),
              new TrialRequest("b", Map.of("lr", 0.01), base.withRun(2, 100, 0.01).withSeed(2)),
              new TrialRequest(
                  "c, with comma", Map.of("lr", 0.1), base.withRun(2, 100, 0.1).withSeed(3)),
              new TrialRequest("d", Map.of("lr", 1.0), base.withRun(2, 100, 1.0).withSeed(4))));
      String worker = "test-host:1:filled";
      finish(storage, study, worker, 0.97);
      finish(storage, study, worker, 0.98);
      TrialRecord failed = storage.claim(study.id(), worker).orElseThrow();
      storage.finish(
          failed.id(),
          worker,
          new TrialOutcome(
              TrialState.FAILED, "training process exited with code 137", Double.NaN, null));
    }
    return url;
  }

  private static void finish(Storage storage, StudyRecord study, String worker, double acc) {
    TrialRecord trial = storage.claim(study.id(), worker).orElseThrow();
    List<EpochMetrics> epochs =
        List.of(
            new EpochMetrics(1, 0.4, 0.35, 0.2, acc - 0.01, trial.config().lr(), 3.0, 20000),
            new EpochMetrics(2, 0.2, 0.15, 0.1, acc, trial.config().lr(), 3.0, 20000));
    TrainResult result =
        new TrainResult(
            trial.config(),
            null,
            epochs,
            List.of(new StepLoss(10, 1, 0.5), new StepLoss(20, 2, 0.3)),
            new Evaluation(0.09, acc + 0.001),
            RunState.COMPLETE,
            null,
            0,
            6.5,
            900);
    storage.finish(trial.id(), worker, new TrialOutcome(TrialState.COMPLETE, null, acc, result));
  }
}
