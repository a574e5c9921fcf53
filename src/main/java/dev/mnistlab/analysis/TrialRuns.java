package dev.mnistlab.analysis;

import dev.mnistlab.train.TrainConfig;
import dev.mnistlab.train.TrainResult;
import java.util.List;
import java.util.Objects;

/**
 * Holds every run of one study trial: its config, the runs over seeds so far, and the figures a
 * reference reported for it, if any (the seed study's hand-run numbers).
 *
 * @param name the trial's name, e.g. {@code trial 1}
 * @param config the config every run shares but for its seed
 * @param runs the finished runs, one per seed, in seed order
 * @param reportedAccuracy the reference's reported accuracy, or null
 * @param reportedLoss the reference's reported training loss, or null
 */
public record TrialRuns(
    String name,
    TrainConfig config,
    List<TrainResult> runs,
    Double reportedAccuracy,
    Double reportedLoss) {

  public TrialRuns {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(config, "config");
    runs = List.copyOf(runs);
  }
}
