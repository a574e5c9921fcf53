package dev.mnistlab.tune;

import dev.mnistlab.search.Observation;
import dev.mnistlab.search.Sampler;
import dev.mnistlab.search.SearchSpace;
import dev.mnistlab.search.SpaceReader;
import dev.mnistlab.storage.Storage;
import dev.mnistlab.storage.StudyRecord;
import dev.mnistlab.storage.TrialOutcome;
import dev.mnistlab.storage.TrialRecord;
import dev.mnistlab.storage.TrialState;
import dev.mnistlab.train.EpochMetrics;
import dev.mnistlab.train.TrainConfig;
import dev.mnistlab.worker.Objective;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** Builds small searches for the tune tests: a space, a definition and a recording sampler. */
final class TuneFixtures {
  private TuneFixtures() {}

  static final String SPACE =
      """
      name: small
      params:
        units_1: {choice: [16, 32]}
        lr: {float: [1.0e-3, 1.0e-1], log: true}
        epochs: 3
      """;

  static SearchSpace space() {
    return SpaceReader.parse(SPACE, "small.yaml", "small");
  }

  static TuneDefinition definition(int trials, int lag) {
    return new TuneDefinition(
        "small",
        SPACE,
        "random",
        "median",
        trials,
        lag,
        TrainConfig.defaults().withSeed(7).withTrainLimit(500));
  }

  static StudyRecord study(Storage storage, TuneDefinition definition) {
    return storage.createStudy(definition.spec("search", Objective.VAL_ACCURACY));
  }

  /** Returns the point trial {@code n} gets from {@link Recording}. */
  static Map<String, Object> point(int n) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("units_1", n % 2 == 0 ? 16 : 32);
    p.put("lr", 0.01);
    p.put("epochs", 3);
    return p;
  }

  /** Returns the metrics of an epoch with this validation accuracy. */
  static EpochMetrics epoch(int epoch, double valAccuracy) {
    return new EpochMetrics(epoch, 0.5, 0.5, 0.4, valAccuracy, 0.01, 1.0, 1000);
  }

  /** Claims trial {@code number}'s and finishes it in {@code state} after these epochs. */
  static void finish(Storage storage, StudyRecord study, TrialState state, double... accuracy) {
    TrialRecord t = storage.claim(study.id(), "w").orElseThrow();
    List<EpochMetrics> epochs = new ArrayList<>();
    for (int e = 0; e < accuracy.length; e++) {
      epochs.add(epoch(e + 1, accuracy[e]));
      storage.reportEpoch(t.id(), "w", epochs.get(e));
    }
    double value = accuracy.length == 0 ? Double.NaN : accuracy[accuracy.length - 1];
    storage.finish(t.id(), "w", new TrialOutcome(state, null, value, null));
  }

  /** A sampler that gives {@link #point} and remembers the history of each call. */
  static final class Recording implements Sampler {
    final List<List<Integer>> histories = new CopyOnWriteArrayList<>();
    private final int blind;

    Recording(int blind) {
      this.blind = blind;
    }

    @Override
    public Map<String, Object> sample(SearchSpace space, int number, List<Observation> history) {
      histories.add(history.stream().map(Observation::number).toList());
      return point(number);
    }

    @Override
    public int blindTrials() {
      return blind;
    }
  }
}
