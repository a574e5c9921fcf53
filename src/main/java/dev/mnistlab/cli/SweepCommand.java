package dev.mnistlab.cli;

import dev.mnistlab.output.OutputChecks;
import dev.mnistlab.report.Block;
import dev.mnistlab.report.TerminalRenderer;
import dev.mnistlab.storage.Storage;
import dev.mnistlab.storage.StudyRecord;
import dev.mnistlab.storage.TrialRecord;
import dev.mnistlab.storage.TrialRequest;
import dev.mnistlab.sweep.StoredSweep;
import dev.mnistlab.sweep.SweepBase;
import dev.mnistlab.sweep.SweepFactor;
import dev.mnistlab.sweep.SweepNarrative;
import dev.mnistlab.sweep.SweepPlan;
import dev.mnistlab.sweep.SweepPlanText;
import dev.mnistlab.train.TrainConfig;
import dev.mnistlab.worker.TrialProcess;
import dev.mnistlab.worker.Worker;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Sweeps hyperparameters one at a time around a base config: {@code mnist-lab sweep}. */
@Command(
    name = "sweep",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Shows what each hyperparameter does to accuracy and loss: varies one factor at a "
          + "time around a base config, over seeds, and explains the differences.",
      "Without --factor it sweeps the seed study's five factors around its final network "
          + "(blog:7): learning rate 1e-5..1e-1, batch size 16..1024, the seven optimizers "
          + "(each at a fair learning rate of its own), layers from one small hidden layer to "
          + "three wide ones, and epochs, read from the longest run's learning curves.",
      "Runs are kept in the storage like any study's: run again to continue after a stop."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  mnist-lab sweep --quick --out sweep-report",
      "  mnist-lab sweep --quick --factor dropout=0,0.1,0.3 --name dropout-quick"
    })
final class SweepCommand implements Callable<Integer> {
  /** Training images a quick sweep uses: enough for the differences to show. */
  static final int QUICK_IMAGES = 10_000;

  /** Epochs a quick sweep trains at most. */
  static final int QUICK_EPOCHS = 5;

  @Spec CommandSpec spec;

  @Option(
      names = "--base",
      paramLabel = "SPEC",
      defaultValue = SweepBase.DEFAULT,
      description =
          "The config to vary around: PRESET:TRIAL (e.g. blog:7, the default) or "
              + "STUDY:NUMBER, a stored trial.")
  String base;

  @Option(
      names = "--set",
      paramLabel = "KEY=VALUE",
      description =
          "Change the base: any "
              + "train setting in snake_case (lr=0.01, batch_size=64, model=..., dropout=0.2).")
  List<String> settings = new ArrayList<>();

  @Option(
      names = "--factor",
      paramLabel = "NAME=V1,V2,...",
      description =
          "A factor and "
              + "its values; repeat for several. Any train setting, or layers and augment (specs "
              + "separated by ';'), activation, dropout. Default: the seed's five factors.")
  List<String> factors = new ArrayList<>();

  @Option(
      names = "--grid",
      paramLabel = "A,B",
      split = ",",
      description =
          "Also cross two "
              + "factors, e.g. lr,batch_size: a heatmap and the linear-scaling check.")
  List<String> grid = new ArrayList<>();

  @Option(
      names = "--repeats",
      paramLabel = "R",
      description = "Seeds per config (default: " + "3, 1 with --quick).")
  Integer repeats;

  @Option(
      names = "--quick",
      description =
          "A first picture in a few minutes: fewer values, "
              + "one seed, "
              + QUICK_IMAGES
              + " training images, at most "
              + QUICK_EPOCHS
              + " epochs; labelled quick everywhere.")
  boolean quick;

  @Option(
      names = "--name",
      paramLabel = "NAME",
      description = "The sweep's name in the " + "storage (default: sweep, or sweep-quick).")
  String name;

  @Option(
      names = "--parallel",
      paramLabel = "K",
      description =
          "Runs at once, each a process "
              + "with one engine thread (default: the number of cores).")
  Integer parallel;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description =
          "Also write report.md (with PNG " + "charts) and a self-contained report.html into DIR.")
  Path out;

  @Mixin StorageOptions storage;
  @Mixin DataDirOption data;
  @Mixin KeepModelsOptions keep;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter err = spec.commandLine().getErr();
    Consumer<String> log =
        line -> {
          synchronized (err) {
            err.println(line);
            err.flush();
          }
        };
    if (out != null) {
      OutputChecks.requireWritableDirectory("--out", out);
    }
    int cores = Runtime.getRuntime().availableProcessors();
    Worker.Options options = Worker.Options.defaults(parallel != null ? parallel : cores);
    // A preset's base is checked before the storage is opened, so a typo creates no file; a
    // stored trial's base needs its study, so its storage must exist already.
    SweepPlan early = SweepBase.namesPreset(base) ? plan(null) : null;
    Path models = early != null ? keep.studyDir(storage, early.name()) : null;
    // The data too, so that a wrong --data-dir leaves no storage behind either.
    Path dataDir = data.ensure(log);
    try (WorkerShutdown shutdown = new WorkerShutdown();
        Storage opened = early != null ? storage.open() : storage.openExisting()) {
      SweepPlan plan = early != null ? early : plan(opened);
      if (early == null) {
        models = keep.studyDir(storage, plan.name());
      }
      StudyRecord record = opened.createStudy(StoredSweep.spec(plan));
      Path modelsDir = KeepModelsOptions.apply(opened, record, models);
      List<TrialRequest> missing = StoredSweep.missing(plan, opened.trials(record.id(), false));
      int total = plan.requests().size();
      if (missing.isEmpty()) {
        log.accept(
            "all "
                + total
                + " runs of sweep '"
                + plan.name()
                + "' are stored in "
                + opened.describe());
      } else {
        opened.enqueue(record.id(), missing);
        log.accept(
            String.format(
                Locale.ROOT,
                "sweep '%s'%s: %d of %d runs queued (%d "
                    + "saved by reading epochs from learning curves), %d at a time, stored in %s",
                plan.name(),
                plan.quick() ? " (QUICK)" : "",
                missing.size(),
                total,
                plan.runsSavedByCurves(),
                options.parallel(),
                opened.describe()));
      }
      Worker.Summary summary;
      try (TrialProcess trials =
          new TrialProcess(StudyCommand.javaCommand(), dataDir, null, modelsDir)) {
        summary = shutdown.run(new Worker(opened, record, trials, options, log));
      }
      log.accept(WorkerCommand.describe(record.name(), summary));
      if (summary.stopped()) {
        return 130;
      }
      render(
          plan, opened.trials(record.id(), true), out, spec.commandLine().getOut(), () -> dataDir);
    }
    return 0;
  }

  private SweepPlan plan(Storage opened) {
    TrainConfig config = SweepBase.withSettings(SweepBase.resolve(base, opened), settings);
    if (quick) {
      config =
          config.withRun(Math.min(QUICK_EPOCHS, config.epochs()), config.batchSize(), config.lr());
      config =
          config.withTrainLimit(
              config.trainLimit() > 0 ? Math.min(QUICK_IMAGES, config.trainLimit()) : QUICK_IMAGES);
      // Few steps in a quick run: sample every step's loss, or large batches leave too few
      // samples to measure mini-batch noise.
      config = SweepBase.withSettings(config, List.of("log_every=1"));
    }
    List<SweepFactor> chosen =
        factors.isEmpty()
            ? SweepPlan.seedFactors(config, quick)
            : factors.stream().map(SweepFactor::parse).toList();
    if (quick && factors.isEmpty()) {
      chosen = chosen.stream().map(f -> f.isEpochs() ? capEpochs(f, QUICK_EPOCHS) : f).toList();
    }
    int r = repeats != null ? repeats : quick ? 1 : 3;
    String n = name != null ? name : quick ? "sweep-quick" : "sweep";
    return new SweepPlan(
        n, base + (settings.isEmpty() ? "" : " with " + settings), config, chosen, grid, r, quick);
  }

  private static SweepFactor capEpochs(SweepFactor f, int most) {
    List<String> values = f.values().stream().filter(v -> Integer.parseInt(v) <= most).toList();
    return new SweepFactor(
        f.name(), values.isEmpty() ? List.of(String.valueOf(most)) : values, f.scale());
  }

  /** Prints the sweep's report and, with {@code outDir}, writes it as Markdown and HTML. */
  static void render(
      SweepPlan plan,
      List<TrialRecord> stored,
      Path outDir,
      PrintWriter out,
      Supplier<Path> dataDir) {
    List<Block> blocks =
        new ArrayList<>(
            SweepNarrative.blocks(
                "Sweep around " + plan.baseLabel(),
                plan.quick(),
                StoredSweep.factors(plan, stored),
                StoredSweep.epochs(plan, stored),
                StoredSweep.grid(plan, stored),
                plan.base()));
    blocks.addAll(SweepPlanText.blocks(plan));
    blocks = SeedEnsembles.insert(blocks, "How this sweep was run", stored, List.of(), dataDir);
    new TerminalRenderer().render(blocks, out);
    out.flush();
    if (outDir != null) {
      ReportFilesOut.write(blocks, outDir, out);
    }
  }
}
