package dev.mnistlab.cli;

import dev.mnistlab.storage.Direction;
import dev.mnistlab.storage.Storage;
import dev.mnistlab.storage.StudyRecord;
import dev.mnistlab.storage.TrialRecord;
import dev.mnistlab.storage.TrialState;
import dev.mnistlab.worker.Objective;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Shows a search as it goes: the worker's line for each trial and, after each finished one, where
 * the whole search stands (done, pruned, running, best so far, time left), counted from the
 * storage, so trials of workers on other machines count too.
 */
final class TuneProgress {
  private final Storage storage;
  private final StudyRecord study;
  private final Objective objective;
  private final Instant deadline;
  private final Consumer<String> out;

  TuneProgress(
      Storage storage,
      StudyRecord study,
      Objective objective,
      Instant deadline,
      Consumer<String> out) {
    this.storage = storage;
    this.study = study;
    this.objective = objective;
    this.deadline = deadline;
    this.out = out;
  }

  /** Passes on one worker line, followed by the standing when a trial finished. */
  void log(String line) {
    out.accept(line);
    if (line.startsWith("finished trial")) {
      out.accept(standing(storage.trials(study.id(), false), Instant.now()));
    }
  }

  /** Returns one line on where the search stands. */
  String standing(List<TrialRecord> trials, Instant now) {
    int complete = 0;
    int pruned = 0;
    int failed = 0;
    int running = 0;
    TrialRecord best = null;
    Direction direction = objective.direction();
    for (TrialRecord t : trials) {
      switch (t.state()) {
        case COMPLETE -> complete++;
        case PRUNED -> pruned++;
        case FAILED, DIVERGED -> failed++;
        case RUNNING -> running++;
        default -> {}
      }
      if (t.state() == TrialState.COMPLETE
          && !Double.isNaN(t.value())
          && (best == null || direction.isBetter(t.value(), best.value()))) {
        best = t;
      }
    }
    String left =
        deadline == null ? "" : ", " + TimeLimit.format(Duration.between(now, deadline)) + " left";
    String top =
        best == null
            ? "no complete trial yet"
            : String.format(
                Locale.ROOT,
                "best %s %.4f (trial %d)",
                objective.cliName(),
                best.value(),
                best.number());
    return String.format(
        Locale.ROOT,
        "search %s: %d done (%d complete, %d pruned, %d failed), " + "%d running, %s%s",
        study.name(),
        complete + pruned + failed,
        complete,
        pruned,
        failed,
        running,
        top,
        left);
  }
}
