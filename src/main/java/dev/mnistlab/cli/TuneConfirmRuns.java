package dev.mnistlab.cli;

import dev.mnistlab.storage.Storage;
import dev.mnistlab.storage.StudyRecord;
import dev.mnistlab.storage.TrialRecord;
import dev.mnistlab.storage.TrialRequest;
import dev.mnistlab.tune.ConfirmPlan;
import dev.mnistlab.tune.TuneConfirmations;
import dev.mnistlab.tune.TuneReport;
import dev.mnistlab.worker.TrialProcess;
import dev.mnistlab.worker.Worker;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Trains a search's top configurations again with new seeds, {@code tune --confirm}: queues the
 * runs its confirmation study lacks and serves them with a worker of their own, whose trials no
 * pruner stops. The search's report then shows the result ({@link TuneConfirmations#report}).
 */
final class TuneConfirmRuns {
  private TuneConfirmRuns() {}

  /**
   * Queues and trains the runs that confirm {@code search}'s best under {@code plan}; returns after
   * they have all finished, or when the worker was stopped.
   */
  static void run(
      Storage store,
      StudyRecord search,
      ConfirmPlan plan,
      Worker.Options options,
      Path dataDir,
      WorkerShutdown shutdown,
      Consumer<String> say)
      throws InterruptedException {
    List<TrialRecord> ranked =
        TuneReport.ranked(search.spec().direction(), store.trials(search.id(), false));
    if (ranked.isEmpty()) {
      say.accept("confirmation: no complete trial in search " + search.name() + " to confirm");
      return;
    }
    StudyRecord study = TuneConfirmations.open(store, search, plan);
    List<TrialRequest> requests = TuneConfirmations.requests(ranked, plan);
    int queued = TuneConfirmations.queueMissing(store, study, requests);
    int configs = Math.min(plan.configs(), ranked.size());
    say.accept(
        String.format(
            Locale.ROOT,
            "confirming the top %d of search %s with %d new seeds each in %s: %d run(s) queued,"
                + " %d stored already",
            configs,
            search.name(),
            plan.seeds(),
            study.name(),
            queued,
            requests.size() - queued));
    try (TrialProcess trials = new TrialProcess(StudyCommand.javaCommand(), dataDir)) {
      shutdown.run(
          new Worker(
              store,
              study,
              trials,
              options,
              line -> {
                say.accept(line);
                if (line.startsWith("finished trial")) {
                  say.accept(standing(store, study, requests));
                }
              }));
    }
  }

  /** Returns one line on how many of the wanted runs have finished. */
  private static String standing(Storage store, StudyRecord study, List<TrialRequest> requests) {
    List<TrialRecord> stored = store.trials(study.id(), false);
    long done =
        requests.stream()
            .filter(
                r ->
                    stored.stream()
                        .anyMatch(t -> t.state().isFinished() && t.config().equals(r.config())))
            .count();
    return String.format(
        Locale.ROOT,
        "confirmation %s: %d of %d runs finished",
        study.name(),
        done,
        requests.size());
  }
}
