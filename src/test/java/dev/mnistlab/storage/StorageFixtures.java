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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the studies, trial requests and training results the storage tests store. */
final class StorageFixtures {
  private StorageFixtures() {}

  /** Returns a study spec named {@code name} that maximises validation accuracy. */
  static StudySpec spec(String name) {
    return spec(name, Direction.MAXIMIZE);
  }

  /** Returns a study spec named {@code name} optimised in {@code direction}. */
  static StudySpec spec(String name, Direction direction) {
    return new StudySpec(
        name,
        direction == Direction.MAXIMIZE ? "val_accuracy" : "val_loss",
        direction,
        "sweep",
        "{\"grid\":{\"lr\":[0.01,0.1]}}",
        42,
        "notes on " + name);
  }

  /** Returns a request for trial {@code i}: learning rate and a string and a flag vary. */
  static TrialRequest request(int i) {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("lr", 0.001 * (i + 1));
    params.put("batch_size", 16 + i);
    params.put("model", "linear(" + (32 + i) + "),relu,linear(10)");
    params.put("normalize", i % 2 == 0);
    TrainConfig config =
        TrainConfig.defaults().withRun(3, 16 + i, 0.001 * (i + 1)).withSeed(100 + i);
    return new TrialRequest("trial " + i, params, config);
  }

  /** Returns {@code n} requests numbered from 0. */
  static List<TrialRequest> requests(int n) {
    List<TrialRequest> requests = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      requests.add(request(i));
    }
    return requests;
  }

  /**
   * Returns a result shaped like a real run, with the awkward values a store must keep: NaN
   * validation metrics (no validation split) in some epochs, NaN and infinite step losses, and a
   * NaN peak memory.
   */
  static TrainResult result(TrainConfig config, int epochs, int steps) {
    List<EpochMetrics> epochList = new ArrayList<>();
    for (int e = 1; e <= epochs; e++) {
      boolean validated = e % 3 != 0;
      epochList.add(
          new EpochMetrics(
              e,
              1.0 / e,
              1.1 / e,
              validated ? 1.2 / e : Double.NaN,
              validated ? 0.9 + e * 1e-4 : Double.NaN,
              1e-3 / e,
              2.5 + e,
              12_345.678 + e));
    }
    List<StepLoss> stepList = new ArrayList<>();
    for (int s = 1; s <= steps; s++) {
      double loss =
          s == 7
              ? Double.NaN
              : s == 11
                  ? Double.POSITIVE_INFINITY
                  : 2.3 * Math.exp(-s / 5000.0) + Math.sin(s) * 0.01;
      stepList.add(new StepLoss(s * 10L, 1 + (int) ((long) (s - 1) * epochs / steps), loss));
    }
    Provenance provenance =
        new Provenance(
            "0.1.0",
            "0.36.0",
            "PyTorch 2.7.1",
            "Debian 17.0.15",
            "Linux 6.1 amd64",
            "Test CPU",
            2,
            new ThreadSettings(1, 1, true),
            "mirror",
            Map.of("train-images-idx3-ubyte.gz", "ab12", "t10k-labels-idx1-ubyte.gz", "cd34"));
    return new TrainResult(
        config,
        provenance,
        epochList,
        stepList,
        new Evaluation(0.0712345678901, 0.9781),
        RunState.COMPLETE,
        "ran every epoch",
        0,
        123.456,
        Double.NaN);
  }
}
