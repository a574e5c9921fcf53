package dev.mnistlab.cli;

import dev.mnistlab.InvalidInputException;
import dev.mnistlab.search.Distribution;
import dev.mnistlab.search.Param;
import dev.mnistlab.search.Pruner;
import dev.mnistlab.search.Pruners;
import dev.mnistlab.search.Sampler;
import dev.mnistlab.search.Samplers;
import dev.mnistlab.search.SearchSpace;
import dev.mnistlab.search.SpaceReader;
import dev.mnistlab.storage.Storage;
import dev.mnistlab.storage.TrialState;
import dev.mnistlab.sweep.SweepBase;
import dev.mnistlab.train.TrainConfig;
import dev.mnistlab.tune.ConfirmPlan;
import dev.mnistlab.tune.TuneConfirmations;
import dev.mnistlab.tune.TuneDefinition;
import dev.mnistlab.tune.TuneJudge;
import dev.mnistlab.tune.TuneReport;
import dev.mnistlab.tune.TuneSource;
import dev.mnistlab.tune.TuneStudies;
import dev.mnistlab.worker.Objective;
import dev.mnistlab.worker.TrialProcess;
import dev.mnistlab.worker.Worker;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Searches a space of networks for the best one: {@code mnist-lab tune}. */
@Command(
    name = "tune",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Searches a space of networks and training settings for the best validation score: a "
          + "sampler chooses each trial, a pruner stops hopeless ones after any epoch.",
      "The search lives in the storage: run the same command on another machine to add "
          + "workers, or again with --continue to resume it, also with a changed space.",
      "Progress goes to stderr; the best trial, the top ten and the command that trains the "
          + "best again go to stdout (JSON with --json)."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  mnist-lab tune --space mlp --timeout 10m --confirm 5x3",
      "  mnist-lab tune --space mlp --timeout 10m --continue"
    })
final class TuneCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--space",
      required = true,
      paramLabel = "mlp|cnn|FILE",
      description = "The search space: a built-in (mlp, cnn) or a YAML file.")
  String space;

  @Option(
      names = "--study",
      paramLabel = "NAME",
      description = "The study that keeps the search (default: tune-SPACE).")
  String study;

  @Mixin StorageOptions storage;

  @Option(
      names = "--sampler",
      defaultValue = "tpe",
      paramLabel = "SPEC",
      description =
          "grid, random or tpe (tpe:multivariate, tpe:startup=N) " + "(default: ${DEFAULT-VALUE}).")
  String sampler;

  // Median by default, not ASHA: with 12-epoch trials ASHA's first rung (epoch 1) keeps the
  // networks that start fastest. In three 10-minute mlp searches none of ASHA's complete
  // trials after the start-up ones reached 0.987; with the median rule 3, 4 and 5 did
  // (README, "tune > Measured").
  @Option(
      names = "--pruner",
      defaultValue = "median",
      paramLabel = "SPEC",
      description =
          "none, median, asha or hyperband, with options as in asha:eta=3,min=1 "
              + "(default: ${DEFAULT-VALUE}).")
  String pruner;

  @Option(
      names = "--trials",
      defaultValue = "100",
      paramLabel = "N",
      description =
          "Trials in the study when the search is done, earlier runs' included "
              + "(default: ${DEFAULT-VALUE}).")
  int trials;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      description =
          "Stop after this long, e.g. 90s, 15m or 1h30m; running trials are queued "
              + "again for --continue (default: no limit).")
  String timeout;

  @Option(
      names = "--parallel",
      paramLabel = "N",
      description =
          "Trials at once, each a "
              + "process with one engine thread (default: the number of cores).")
  Integer parallel;

  // With lag K (K workers) a worker idles whenever one slow trial outlasts the next K-1 ones:
  // in a 10-minute mlp search on 2 cores, a 163 s trial held the other worker for 90 s.
  // Twice K lets the other workers run 2K-1 trials first, at the price of a model one or
  // two trials staler per worker.
  static final int DEFAULT_LAG_PER_WORKER = 2;

  @Option(
      names = "--lag",
      paramLabel = "N",
      description =
          "Trial n learns from trials "
              + "0..n-N only, so the search repeats exactly; set it to twice the total number of "
              + "workers when several machines join (default: twice --parallel).")
  Integer lag;

  @Option(
      names = "--seed",
      defaultValue = "42",
      paramLabel = "S",
      description = "Seeds the sampler and every trial's training (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--objective",
      defaultValue = "val_accuracy",
      paramLabel = "NAME",
      description =
          "val_accuracy (maximised) or val_loss (minimised) " + "(default: ${DEFAULT-VALUE}).")
  String objective;

  @Option(
      names = "--train-limit",
      defaultValue = "0",
      paramLabel = "N",
      description =
          "Train every trial on the first N training images only, for a quick "
              + "look (default: all).")
  int trainLimit;

  @Option(
      names = "--set",
      paramLabel = "KEY=VALUE",
      description =
          "Change a setting the "
              + "space leaves alone, for every trial: any train setting in snake_case "
              + "(val_size=10000, val_split=random, early_stop=3).")
  List<String> settings = new ArrayList<>();

  @Option(
      names = "--continue",
      description =
          "Resume a stored search, with these settings "
              + "if they changed; earlier trials that fit the space count.")
  boolean proceed;

  @Option(
      names = "--confirm",
      paramLabel = "K[xS]",
      description =
          "When the search ends, train its top K configurations again with S new seeds each "
              + "(default S: 3) and choose the best by the mean over them (default: off).")
  String confirm;

  @Option(names = "--json", description = "Print the result as JSON on stdout.")
  boolean json;

  @Mixin DataDirOption data;

  @Mixin KeepModelsOptions keep;

  @Override
  public Integer call() throws InterruptedException {
    Objective goal = Objective.parse(objective);
    if (goal == Objective.TEST_ACCURACY) {
      throw new InvalidInputException(
          "--objective must be val_accuracy or val_loss, got "
              + "'test_accuracy': a search must not choose by the test set");
    }
    SearchSpace searchSpace = SpaceReader.load(space);
    Duration limit = timeout == null ? null : TimeLimit.parse("--timeout", timeout);
    int slots = parallel != null ? parallel : Runtime.getRuntime().availableProcessors();
    Worker.Options options = Worker.Options.defaults(slots);
    if (trainLimit < 0) {
      throw new InvalidInputException(
          "--train-limit must be >= 0 (0 uses all images), got " + trainLimit);
    }
    TuneDefinition wanted =
        new TuneDefinition(
            searchSpace.name(),
            SpaceReader.text(space),
            sampler,
            pruner,
            trials,
            lag != null ? lag : DEFAULT_LAG_PER_WORKER * slots,
            SweepBase.withSettings(TrainConfig.defaults(), settings)
                .withSeed(seed)
                .withTrainLimit(trainLimit));
    ConfirmPlan confirmPlan = confirm == null ? null : ConfirmPlan.parse(confirm);
    // Check both specs before anything is stored.
    Samplers.create(sampler, seed, goal.direction());
    Pruners.create(pruner, maxEpochs(searchSpace, wanted.base()), goal.direction());

    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Consumer<String> say =
        line -> {
          synchronized (err) {
            err.println(line);
            err.flush();
          }
        };
    String name = study != null ? study : "tune-" + searchSpace.name();
    Instant start = Instant.now();
    Instant deadline = limit == null ? null : start.plus(limit);
    // Before the storage: a wrong --data-dir must leave no new file or search behind.
    Path models = keep.studyDir(storage, name);
    Path dataDir = data.ensure(say);
    try (WorkerShutdown shutdown = new WorkerShutdown();
        Storage store = storage.open()) {
      TuneStudies.Opened opened =
          TuneStudies.open(store, name, wanted, goal, lag != null, proceed, say);
      TuneDefinition def = opened.definition();
      Sampler chosen = Samplers.create(def.sampler(), def.base().seed(), goal.direction());
      Pruner stopper =
          Pruners.create(def.pruner(), maxEpochs(opened.space(), def.base()), goal.direction());
      TuneProgress progress = new TuneProgress(store, opened.study(), goal, deadline, say);
      TrialProcess trials =
          new TrialProcess(
              StudyCommand.javaCommand(),
              dataDir,
              TuneJudge.factory(store, stopper, prunerName(def.pruner()), goal, def.lag()),
              KeepModelsOptions.apply(store, opened.study(), models));
      Worker worker =
          new Worker(
              store,
              opened.study(),
              trials,
              options,
              progress::log,
              new TuneSource(
                  store, opened.study(), opened.space(), chosen, def, Instant::now, deadline));
      ScheduledExecutorService timer =
          Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread t = new Thread(r, "mnist-lab-tune-timeout");
                t.setDaemon(true);
                return t;
              });
      if (deadline != null) {
        timer.schedule(
            () -> {
              say.accept(
                  "time is up ("
                      + timeout
                      + "): stopping; running trials are queued again "
                      + "for --continue");
              worker.stop();
            },
            limit.toMillis(),
            TimeUnit.MILLISECONDS);
      }
      Worker.Summary searched;
      try {
        searched = shutdown.run(worker);
      } finally {
        timer.shutdownNow();
        trials.close();
      }
      // A search stopped by Ctrl-C is not confirmed; one whose --timeout is up is.
      boolean interrupted =
          searched.stopped() && (deadline == null || Instant.now().isBefore(deadline));
      if (confirmPlan != null && !interrupted) {
        TuneConfirmRuns.run(store, opened.study(), confirmPlan, options, dataDir, shutdown, say);
      }
      TuneReport report = TuneConfirmations.report(store, opened.study(), def);
      double seconds = Duration.between(start, Instant.now()).toMillis() / 1000.0;
      if (json) {
        TuneOutput.json(out, report, store.describe(), seconds);
      } else {
        TuneOutput.text(out, report, store.describe(), seconds);
      }
      out.flush();
      return report.best() == null && report.count(TrialState.WAITING) == 0 ? 1 : 0;
    }
  }

  /** Returns the most epochs a trial of {@code space} can train, what pruners plan rungs by. */
  static int maxEpochs(SearchSpace space, TrainConfig base) {
    Param epochs = space.param("epochs");
    if (epochs == null) {
      return base.epochs();
    }
    Distribution d = epochs.distribution();
    if (d instanceof Distribution.Fixed f && f.value() instanceof Number n) {
      return n.intValue();
    } else if (d instanceof Distribution.IntRange r) {
      return r.high();
    } else if (d instanceof Distribution.Choice c) {
      return c.choices().stream()
          .filter(v -> v instanceof Number)
          .mapToInt(v -> ((Number) v).intValue())
          .max()
          .orElse(base.epochs());
    }
    return base.epochs();
  }

  private static String prunerName(String spec) {
    int colon = spec.indexOf(':');
    return colon < 0 ? spec : spec.substring(0, colon);
  }
}
