package dev.mnistlab.cli;

import dev.mnistlab.InvalidInputException;
import dev.mnistlab.data.Dataset;
import dev.mnistlab.model.Init;
import dev.mnistlab.model.LintWarning;
import dev.mnistlab.model.ModelSpec;
import dev.mnistlab.output.OutputChecks;
import dev.mnistlab.train.EpochGate;
import dev.mnistlab.train.EpochMetrics;
import dev.mnistlab.train.MemoryCheck;
import dev.mnistlab.train.Network;
import dev.mnistlab.train.OptimizerKind;
import dev.mnistlab.train.Provenance;
import dev.mnistlab.train.Recipe;
import dev.mnistlab.train.RunState;
import dev.mnistlab.train.ScheduleKind;
import dev.mnistlab.train.TestTimeAugmentation;
import dev.mnistlab.train.ThreadSettings;
import dev.mnistlab.train.TrainConfig;
import dev.mnistlab.train.TrainResult;
import dev.mnistlab.train.Trainer;
import dev.mnistlab.train.TrainingListener;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/** Trains one network and reports it epoch by epoch: {@code mnist-lab train}. */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Trains one network and measures it epoch by epoch.",
      "Reports training loss, validation loss and accuracy per epoch, then the test loss and "
          + "accuracy once at the end.",
      "Loss is softmax cross-entropy on the last layer's output, as PyTorch's "
          + "CrossEntropyLoss. The same flags, seed and threads give the same numbers."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  mnist-lab train --recipe fast",
      "  mnist-lab train --epochs 5 --augment rotate=12,shift=2,scale=0.1",
    })
final class TrainCommand implements Callable<Integer> {
  /** Exit code of a run halted because the worker that started it has ended. */
  static final int ORPHANED = 3;

  @Spec CommandSpec command;

  @Option(
      names = "--recipe",
      paramLabel = "NAME",
      description =
          "Start from a named setup: 'fast' (one epoch of a small CNN, the quickest to 99.0%% "
              + "test accuracy) or 'recommended' (the most accurate single CNN here, 20 epochs). "
              + "Flags given beside it win. See README, \"Recipes\".")
  String recipe;

  @Option(
      names = "--model",
      paramLabel = "SPEC",
      defaultValue = TrainConfig.DEFAULT_MODEL,
      description =
          "Layers, comma separated, e.g. \"linear(64),relu,linear(10),sigmoid\" "
              + "(default: ${DEFAULT-VALUE}). See 'mnist-lab model describe --help'.")
  String model;

  @Option(
      names = "--epochs",
      defaultValue = "20",
      description = "Passes over the training " + "images (default: ${DEFAULT-VALUE}).")
  int epochs;

  @Option(
      names = "--batch-size",
      defaultValue = "100",
      description = "Images per step " + "(default: ${DEFAULT-VALUE}).")
  int batchSize;

  @Option(
      names = "--lr",
      defaultValue = "1e-3",
      description = "Base learning rate " + "(default: ${DEFAULT-VALUE}).")
  double lr;

  @Option(
      names = "--optimizer",
      defaultValue = "adam",
      paramLabel = "NAME",
      description =
          "sgd, momentum, nesterov, adam, adamw, rmsprop or adagrad "
              + "(default: ${DEFAULT-VALUE}).")
  String optimizer;

  @Option(
      names = "--momentum",
      defaultValue = "0.9",
      description = "Momentum of 'momentum' " + "and 'nesterov' (default: ${DEFAULT-VALUE}).")
  double momentum;

  @Option(
      names = "--weight-decay",
      defaultValue = "0",
      description = "L2 penalty; decoupled " + "for adamw (default: ${DEFAULT-VALUE}).")
  double weightDecay;

  @Option(
      names = "--betas",
      defaultValue = "0.9,0.999",
      paramLabel = "B1,B2",
      description = "Adam's moment decays (default: ${DEFAULT-VALUE}).")
  String betas;

  @Option(
      names = "--schedule",
      defaultValue = "constant",
      paramLabel = "NAME",
      description =
          "Learning-rate schedule: constant, step (x0.1 after each third), cosine "
              + "or onecycle (default: ${DEFAULT-VALUE}).")
  String schedule;

  @Option(
      names = "--warmup-epochs",
      defaultValue = "0",
      description = "Epochs of linear " + "warm-up from 0 to --lr (default: ${DEFAULT-VALUE}).")
  int warmupEpochs;

  @Option(
      names = "--seed",
      defaultValue = "42",
      description =
          "Seeds weights, shuffling, "
              + "dropout and a random validation split (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--threads",
      defaultValue = "auto",
      paramLabel = "N|auto",
      description =
          "Engine threads per operation; 'auto' takes 1, or 2 for a large network "
              + "while no other process needs a core (default: ${DEFAULT-VALUE}).")
  String threads;

  @Option(
      names = "--early-stop",
      defaultValue = "0",
      paramLabel = "PATIENCE",
      description =
          "Stop after this many epochs without a lower validation loss; 0 never "
              + "(default: ${DEFAULT-VALUE}).")
  int earlyStop;

  @Option(
      names = "--train-limit",
      defaultValue = "0",
      paramLabel = "N",
      description =
          "Train on the first N training images only, for quick runs; 0 for all "
              + "(default: ${DEFAULT-VALUE}).")
  int trainLimit;

  @Option(
      names = "--init",
      defaultValue = "pytorch",
      paramLabel = "NAME",
      description =
          "Weight initialisation: pytorch (PyTorch's default), xavier, kaiming or "
              + "normal (default: ${DEFAULT-VALUE}).")
  String init;

  @Option(
      names = "--log-every",
      defaultValue = "10",
      paramLabel = "K",
      description =
          "Record the training loss of every Kth step, for noise analysis "
              + "(default: ${DEFAULT-VALUE}).")
  int logEvery;

  @Option(
      names = "--augment",
      defaultValue = "none",
      paramLabel = "SPEC",
      description =
          "Warp training images anew each epoch (validation and test never): comma-separated "
              + "rotate=DEG (uniform in [-DEG, DEG], < 180), shift=PX (per axis, < 14), "
              + "scale=S (factor in [1-S, 1+S], S in (0, 1)), elastic=ALPHA[:SIGMA] (Simard et "
              + "al. 2003; sigma 4 if not given, typical 34:4), or none. 'flip' is refused: a "
              + "mirrored digit changes its label, and MNIST is the only data set. "
              + "See 'mnist-lab data preview' (default: ${DEFAULT-VALUE}).")
  String augment;

  @Option(
      names = "--label-smoothing",
      defaultValue = "0",
      paramLabel = "EPS",
      description =
          "Train against targets of 1-EPS on the true class plus EPS/10 on every class, as "
              + "PyTorch's CrossEntropyLoss(label_smoothing=EPS); in [0, 1). The training loss "
              + "shown is the smoothed one; validation and test losses stay plain cross-entropy, "
              + "so they compare across runs (default: ${DEFAULT-VALUE}, none).")
  double labelSmoothing;

  @Option(
      names = "--ema",
      defaultValue = "0",
      paramLabel = "DECAY",
      description =
          "Keep an exponential moving average of the weights, shadow = DECAY*shadow + "
              + "(1-DECAY)*weights after every step (bias-corrected, so the random start gets "
              + "no share), and evaluate validation and test (and "
              + "--save) with it; in (0, 1), e.g. 0.999. Batch-norm running statistics are "
              + "averaged with the weights (default: ${DEFAULT-VALUE}, none).")
  double ema;

  @Option(
      names = "--tta",
      defaultValue = "1",
      paramLabel = "N",
      description =
          "Also score the final validation and test sets as the mean over N views of each image: "
              + "itself and N-1 copies warped by "
              + TestTimeAugmentation.SPEC_TEXT
              + " (whatever --augment is), drawn from a fixed seed; printed beside the plain "
              + "figures and added to --json as 'tta' (default: ${DEFAULT-VALUE}, plain only).")
  int tta;

  @Mixin DataOptions data;

  @Option(
      names = "--json",
      paramLabel = "FILE|-",
      description =
          "Also write the result as "
              + "JSON to FILE, or to stdout with '-' (then nothing else goes to stdout).")
  Path json;

  @Option(
      names = "--save",
      paramLabel = "DIR",
      description = "Write the trained model and " + "its config to DIR, for 'mnist-lab predict'.")
  Path save;

  // Set by a worker on the training processes it starts, so none outlives it.
  @Option(
      names = "--exit-with-parent",
      paramLabel = "PID",
      hidden = true,
      description = "Halt as soon as process PID has ended; ignore Ctrl-C, left to PID.")
  Long exitWithParent;

  // Set by a worker whose pruner follows the run epoch by epoch (see EpochGate).
  @Option(
      names = "--epoch-gate",
      hidden = true,
      description = "After each epoch, write its metrics to stdout and wait for go or stop.")
  boolean epochGate;

  @Override
  public Integer call() {
    if (exitWithParent != null) {
      haltWhenEnded(exitWithParent);
    }
    Recipe chosen = recipe == null ? null : Recipe.parse(recipe);
    if (chosen != null) {
      applyRecipe(chosen);
    }
    TrainConfig config = config();
    ModelSpec spec = ModelSpec.parse(config.model());
    // Before any file or data is touched: a network this machine cannot hold fails in the
    // engine only after loading, with a message about bytes it tried to allocate.
    MemoryCheck.requireFits(config);
    Init initializer = Init.parse(config.init());
    TestTimeAugmentation views = new TestTimeAugmentation(tta);
    if (json != null) {
      OutputChecks.requireWritableFile("--json", json);
    }
    if (save != null) {
      OutputChecks.requireWritableDirectory("--save", save);
    }
    boolean jsonToStdout = json != null && json.toString().equals("-");
    // With the gate, stdout carries epoch lines alone, so no table row can split one.
    PrintWriter out = jsonToStdout || epochGate ? null : command.commandLine().getOut();
    PrintWriter err = command.commandLine().getErr();
    for (LintWarning warning : spec.lint()) {
      err.println("warning: " + warning.message());
    }
    err.flush();
    Dataset dataset = data.load(err, config.seed(), config.trainLimit());
    ThreadSettings threadSettings =
        ThreadSettings.choose(config.threads(), spec.parameterCount(), config.batchSize());
    threadSettings.apply();
    Provenance provenance =
        Provenance.capture(threadSettings, dataset.provenance().source(), checksums(dataset));
    if (out != null) {
      if (chosen != null) {
        out.printf(Locale.ROOT, "recipe %s: %s%n", chosen.cliName(), chosen.summary());
      }
      out.printf(
          Locale.ROOT, "model %s (%,d parameters)%n", spec.canonical(), spec.parameterCount());
      out.printf(
          Locale.ROOT,
          "data  %s: %,d train, %,d validation (%s), %,d test%n",
          dataset.provenance().kind(),
          dataset.trainSize(),
          dataset.valSize(),
          data.valSplit,
          dataset.testSize());
      out.printf(
          Locale.ROOT,
          "run   %s lr %s, batch %d, %d epochs, %s schedule, seed %d, " + "%d thread(s)%s%n",
          config.optimizer().cliName(),
          config.lr(),
          config.batchSize(),
          config.epochs(),
          config.schedule().cliName(),
          config.seed(),
          threadSettings.intraOp(),
          threadSettings.automatic() ? " (auto)" : "");
      if (config.augments()) {
        out.printf(Locale.ROOT, "augment %s (training images only)%n", config.augment());
      }
      if (config.smoothsLabels()) {
        out.printf(
            Locale.ROOT,
            "label smoothing %s (training loss only; validation and test are plain)%n",
            config.labelSmoothing());
      }
      if (config.averagesWeights()) {
        out.printf(
            Locale.ROOT,
            "ema   decay %s (validation and test evaluate the averaged weights)%n",
            config.ema());
      }
      out.flush();
    }
    boolean tty = System.console() != null;
    TrainingListener listener = new ProgressPrinter(out, err, tty);
    if (epochGate) {
      listener = new EpochGate(listener, System.out, EpochGate.standardInput());
    }
    Trainer trainer = new Trainer(config, listener);
    TtaFigures[] withViews = new TtaFigures[1];
    TrainResult result =
        trainer.train(
            new Network(spec.build(), initializer::apply),
            dataset,
            provenance,
            block -> {
              if (!views.isNone()) {
                withViews[0] = TtaFigures.of(views, block, dataset, config.normalize());
              }
              if (save != null) {
                SavedModel.save(save, config, block);
              }
            });
    if (out != null) {
      printSummary(out, result);
      if (withViews[0] != null) {
        withViews[0].print(out, result);
      }
    }
    if (json != null) {
      ResultJson.write(
          json,
          withViews[0] == null ? result : withViews[0].addTo(result),
          command.commandLine().getOut());
    }
    if (result.state() == RunState.DIVERGED) {
      err.println("diverged: " + result.message());
    } else if (result.state() == RunState.FAILED) {
      err.println("failed: " + result.message());
      err.flush();
      return 1;
    }
    err.flush();
    return 0;
  }

  /**
   * Halts this process as soon as process {@code pid} has ended (at once if it already has), and
   * leaves Ctrl-C to that process: a worker killed outright cannot stop its training processes, so
   * they stop themselves; a worker stopped by Ctrl-C stops them itself after queuing their trials
   * again, which it could not tell apart from failures if the terminal's SIGINT (sent to the whole
   * process group) had killed them first.
   */
  static void haltWhenEnded(long pid) {
    if (pid <= 0) {
      throw new InvalidInputException("--exit-with-parent must be a process id > 0, got " + pid);
    }
    Optional<ProcessHandle> parent = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
    if (parent.isEmpty()) {
      Runtime.getRuntime().halt(ORPHANED);
    }
    parent.get().onExit().thenRun(() -> Runtime.getRuntime().halt(ORPHANED));
    // The JDK's only way to ignore a signal; jdk.unsupported keeps it for exactly this.
    Signal.handle(new Signal("INT"), SignalHandler.SIG_IGN);
  }

  /** Sets every setting of {@code r} whose flag was not given on the command line. */
  private void applyRecipe(Recipe r) {
    ParseResult given = command.commandLine().getParseResult();
    if (!given.hasMatchedOption("--model")) {
      model = r.model();
    }
    if (!given.hasMatchedOption("--epochs")) {
      epochs = r.epochs();
    }
    if (!given.hasMatchedOption("--batch-size")) {
      batchSize = r.batchSize();
    }
    if (!given.hasMatchedOption("--lr")) {
      lr = r.lr();
    }
    if (!given.hasMatchedOption("--optimizer")) {
      optimizer = OptimizerKind.ADAM.cliName();
    }
    if (!given.hasMatchedOption("--betas")) {
      betas = r.betas();
    }
    if (!given.hasMatchedOption("--schedule")) {
      schedule = r.schedule().cliName();
    }
    if (!given.hasMatchedOption("--augment")) {
      augment = r.augment();
    }
    if (!given.hasMatchedOption("--label-smoothing")) {
      labelSmoothing = r.labelSmoothing();
    }
    if (!given.hasMatchedOption("--ema")) {
      ema = r.ema();
    }
    if (!given.hasMatchedOption("--val-size")) {
      data.valSize = r.valSize();
    }
    data.normalize |= r.normalize();
  }

  /** Builds the run's config from the flags, checking each. */
  TrainConfig config() {
    String[] b = betas.split(",");
    if (b.length != 2) {
      throw new InvalidInputException("--betas must be two numbers B1,B2, got '" + betas + "'");
    }
    double beta1 = parseNumber("--betas", b[0]);
    double beta2 = parseNumber("--betas", b[1]);
    return new TrainConfig(
        model,
        epochs,
        batchSize,
        lr,
        OptimizerKind.parse(optimizer),
        momentum,
        weightDecay,
        beta1,
        beta2,
        ScheduleKind.parse(schedule),
        warmupEpochs,
        seed,
        parseThreads(threads),
        earlyStop,
        trainLimit,
        data.valSize,
        data.valSplit.trim().toLowerCase(Locale.ROOT),
        data.normalize,
        init,
        logEvery,
        augment,
        labelSmoothing,
        ema);
  }

  static int parseThreads(String text) {
    if (text.equalsIgnoreCase("auto")) {
      return 0;
    }
    try {
      int n = Integer.parseInt(text.trim());
      if (n < 1) {
        throw new InvalidInputException("--threads must be 'auto' or a number >= 1, got " + n);
      }
      return n;
    } catch (NumberFormatException e) {
      throw new InvalidInputException(
          "--threads must be 'auto' or a number >= 1, got '" + text + "'");
    }
  }

  private static double parseNumber(String flag, String text) {
    try {
      return Double.parseDouble(text.trim());
    } catch (NumberFormatException e) {
      throw new InvalidInputException(flag + " must be numbers, got '" + text + "'");
    }
  }

  static TreeMap<String, String> checksums(Dataset dataset) {
    TreeMap<String, String> sums = new TreeMap<>();
    dataset.provenance().sha256().forEach((file, sum) -> sums.put(file.fileName(), sum));
    return sums;
  }

  private static void printSummary(PrintWriter out, TrainResult result) {
    EpochMetrics last = result.lastEpoch();
    out.printf(
        Locale.ROOT,
        "%s after %d epoch(s): %s%n",
        result.state(),
        result.epochs().size(),
        result.message());
    if (last != null) {
      String validation =
          Double.isNaN(last.valAccuracy())
              ? "no validation images (--val-size 0)"
              : String.format(
                  Locale.ROOT,
                  "validation loss %.4f, validation accuracy %.4f",
                  last.valLoss(),
                  last.valAccuracy());
      out.printf(
          Locale.ROOT,
          "final train loss %.4f (epoch mean; last batch %.4f), %s%n",
          last.trainLoss(),
          last.trainLossLastBatch(),
          validation);
    }
    if (result.state() == RunState.COMPLETE) {
      out.printf(
          Locale.ROOT,
          "test loss %.4f, test accuracy %.4f (evaluated once)%n",
          result.test().loss(),
          result.test().accuracy());
    }
    out.printf(
        Locale.ROOT, "%.1f s in all, peak memory %.0f MiB%n", result.seconds(), result.peakRssMb());
    out.flush();
  }
}
