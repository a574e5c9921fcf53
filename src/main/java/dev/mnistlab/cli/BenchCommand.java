package dev.mnistlab.cli;

import static java.util.stream.Collectors.joining;

import dev.mnistlab.InvalidInputException;
import dev.mnistlab.data.Dataset;
import dev.mnistlab.model.Init;
import dev.mnistlab.model.ModelSpec;
import dev.mnistlab.output.OutputChecks;
import dev.mnistlab.train.EpochMetrics;
import dev.mnistlab.train.JsonFormat;
import dev.mnistlab.train.NativeTuning;
import dev.mnistlab.train.Network;
import dev.mnistlab.train.OptimizerKind;
import dev.mnistlab.train.ProcessMemory;
import dev.mnistlab.train.Provenance;
import dev.mnistlab.train.RunState;
import dev.mnistlab.train.ThreadSettings;
import dev.mnistlab.train.TrainConfig;
import dev.mnistlab.train.TrainResult;
import dev.mnistlab.train.Trainer;
import dev.mnistlab.train.TrainingListener;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Measures training speed and memory on the seed's two networks and, on request, the PyTorch
 * examples' convolutional network: {@code mnist-lab bench}.
 *
 * <p>Each network trains in a process of its own, so its peak memory and its thread settings (some
 * of which the engine fixes at start) are its own. The convolutional network is left out unless
 * {@code --only} names it: its epochs take many times as long as the others', and it has a
 * plain-PyTorch twin in {@code bench/cnn_torch.py} to be run beside it.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    subcommands = BenchStorageCommand.class,
    description = {
      "Measures training speed and memory on the seed's two networks, or the CNN.",
      "Trains the seed's trial-1 network (linear(64),relu,linear(10),sigmoid; batch 16; Adam "
          + "1e-4) and trial-7 network (linear(512),relu,linear(256),relu,linear(10); batch 100;"
          + " Adam 1e-3) on all 60,000 training images, each in its own process, and prints "
          + "steady-state seconds per epoch (median of the epochs after the first), images per "
          + "second, memory and the threads used.",
      "'--only cnn' measures the PyTorch examples' network instead (conv2d(32,3),relu,"
          + "conv2d(64,3),relu,maxpool(2),dropout(0.25),flatten,linear(128),relu,dropout(0.5),"
          + "linear(10); batch 128; Adam 1e-3; normalised pixels); it is not in the default set,"
          + " since each of its epochs takes many times as long. bench/cnn_torch.py is its "
          + "plain-PyTorch twin."
    },
    footerHeading = "%nExamples:%n",
    footer = {"  mnist-lab bench", "  mnist-lab bench --only cnn --threads 2 --json cnn.json"})
final class BenchCommand implements Callable<Integer> {
  /**
   * The networks bench can measure, with their batch size, learning rate and pixel scaling. The
   * seed's two come first, as the default set; then the PyTorch examples' MNIST network (conv 32,
   * conv 64, max-pool, dropout, dense 128, dropout: 1,199,882 parameters), which, like those
   * examples, trains on standardised pixels.
   */
  enum Net {
    TRIAL_1("trial-1", "linear(64),relu,linear(10),sigmoid", 16, 1e-4, false),
    TRIAL_7("trial-7", "linear(512),relu,linear(256),relu,linear(10)", 100, 1e-3, false),
    CNN(
        "cnn",
        "conv2d(32,3),relu,conv2d(64,3),relu,maxpool(2),dropout(0.25),flatten,linear(128),relu,"
            + "dropout(0.5),linear(10)",
        128,
        1e-3,
        true);

    /** What bench measures when {@code --only} is not given: the seed's two networks. */
    static final List<Net> DEFAULT = List.of(TRIAL_1, TRIAL_7);

    final String id;
    final String model;
    final int batch;
    final double lr;
    final boolean normalize;

    Net(String id, String model, int batch, double lr, boolean normalize) {
      this.id = id;
      this.model = model;
      this.batch = batch;
      this.lr = lr;
      this.normalize = normalize;
    }

    static Net parse(String id) {
      return Arrays.stream(values())
          .filter(n -> n.id.equals(id))
          .findFirst()
          .orElseThrow(
              () ->
                  new InvalidInputException(
                      "unknown bench network '"
                          + id
                          + "': allowed are "
                          + Arrays.stream(values()).map(n -> n.id).collect(joining(", "))));
    }

    /** Returns the networks {@code --only} names, in its order, or {@link #DEFAULT} without it. */
    static List<Net> selected(List<String> only) {
      return only == null ? DEFAULT : only.stream().map(Net::parse).toList();
    }
  }

  /**
   * Records one network's measurement.
   *
   * @param name trial-1, trial-7 or cnn
   * @param model the layer spec
   * @param batchSize images per step
   * @param epochs epochs trained
   * @param secondsPerEpoch median training seconds of the epochs after the first
   * @param samplesPerSecond median training images per second of those epochs
   * @param epochSeconds every epoch's seconds, the first included
   * @param peakRssMb the process's peak resident memory
   * @param rssAfterEpochMb resident memory after each epoch
   * @param threads intra-op threads used
   * @param threadsAutomatic whether the automatic rule chose them
   */
  record Run(
      String name,
      String model,
      int batchSize,
      int epochs,
      double secondsPerEpoch,
      double samplesPerSecond,
      List<Double> epochSeconds,
      double peakRssMb,
      List<Double> rssAfterEpochMb,
      int threads,
      boolean threadsAutomatic) {}

  /**
   * The JSON document {@code --json} writes.
   *
   * @param nativeTuning what the launcher set for native speed (see {@link NativeTuning}), which
   *     the training processes inherit
   */
  record Report(List<Run> runs, int cores, String cpu, String nativeTuning) {}

  @Spec CommandSpec spec;

  @Option(
      names = "--epochs",
      defaultValue = "4",
      description = "Epochs per network, at least 2 (default: ${DEFAULT-VALUE}).")
  int epochs;

  @Option(
      names = "--threads",
      defaultValue = "auto",
      paramLabel = "N|auto",
      description = "Engine threads per operation (default: ${DEFAULT-VALUE}).")
  String threads;

  @Option(
      names = "--only",
      paramLabel = "NAME",
      split = ",",
      description =
          "Measure only these networks, in this order: trial-1, trial-7, cnn (default: "
              + "trial-1,trial-7).")
  List<String> only;

  @Option(
      names = "--json",
      paramLabel = "FILE|-",
      description = "Also write the figures as " + "JSON to FILE, or to stdout with '-'.")
  Path json;

  @Option(names = "--child", hidden = true, description = "Run one network in this process.")
  String child;

  @Mixin DataOptions data;

  @Override
  public Integer call() throws IOException, InterruptedException {
    if (epochs < 2) {
      throw new InvalidInputException(
          "bench needs --epochs >= 2 (the first epoch warms up), " + "got " + epochs);
    }
    int requested = TrainCommand.parseThreads(threads);
    PrintWriter err = spec.commandLine().getErr();
    if (child != null) {
      Run run = measure(Net.parse(child), requested, err);
      PrintWriter out = spec.commandLine().getOut();
      out.println(JsonFormat.MAPPER.writeValueAsString(run).replace('\n', ' '));
      out.flush();
      return 0;
    }
    List<Net> nets = Net.selected(only);
    if (json != null) {
      OutputChecks.requireWritableFile("--json", json);
    }
    data.directory(err);
    boolean quiet = json != null && json.toString().equals("-");
    PrintWriter out = spec.commandLine().getOut();
    if (!quiet) {
      out.printf(
          Locale.ROOT,
          "%-8s %8s %12s %10s %10s %12s %8s%n",
          "network",
          "s/epoch",
          "images/s",
          "peak MiB",
          "RSS ep2",
          "RSS last",
          "threads");
      out.flush();
    }
    List<Run> runs = new ArrayList<>();
    for (Net net : nets) {
      Run run = inChildProcess(net, requested);
      runs.add(run);
      if (!quiet) {
        out.printf(
            Locale.ROOT,
            "%-8s %8.2f %12.0f %10.0f %10.0f %12.0f %8s%n",
            run.name(),
            run.secondsPerEpoch(),
            run.samplesPerSecond(),
            run.peakRssMb(),
            run.rssAfterEpochMb().get(1),
            run.rssAfterEpochMb().get(run.epochs() - 1),
            run.threads() + (run.threadsAutomatic() ? " (auto)" : ""));
        out.flush();
      }
    }
    Report report =
        new Report(
            runs,
            Runtime.getRuntime().availableProcessors(),
            Provenance.cpuModel(),
            NativeTuning.describe());
    if (!quiet) {
      out.printf(
          Locale.ROOT,
          "%d cores, %s; %d epochs each on 60,000 images; %s%n",
          report.cores(),
          report.cpu(),
          epochs,
          report.nativeTuning());
      out.flush();
    }
    if (json != null) {
      ResultJson.write(json, report, out);
    }
    return 0;
  }

  private Run inChildProcess(Net net, int requested) throws IOException, InterruptedException {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command =
        new ArrayList<>(
            List.of(
                java,
                "-XX:+AlwaysPreTouch",
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "bench",
                "--child",
                net.id,
                "--epochs",
                String.valueOf(epochs),
                "--threads",
                threads));
    if (data.dir.dataDir != null) {
      command.addAll(List.of("--data-dir", data.dir.dataDir.toString()));
    }
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
    // OpenMP reads its pool size once, at process start.
    builder.environment().put("OMP_NUM_THREADS", String.valueOf(Math.max(1, requested)));
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int code = process.waitFor();
    if (code != 0) {
      throw new IllegalStateException("bench of " + net.id + " failed with exit code " + code);
    }
    return JsonFormat.MAPPER.readValue(output.strip(), Run.class);
  }

  private Run measure(Net net, int requested, PrintWriter err) {
    // Seed 1, no validation (all 60,000 images train), a step loss every 1000 steps.
    TrainConfig d = TrainConfig.defaults();
    TrainConfig config =
        new TrainConfig(
            net.model,
            epochs,
            net.batch,
            net.lr,
            OptimizerKind.ADAM,
            d.momentum(),
            d.weightDecay(),
            d.beta1(),
            d.beta2(),
            d.schedule(),
            0,
            1,
            requested,
            0,
            0,
            0,
            "last",
            net.normalize,
            d.init(),
            1000);
    ModelSpec spec = ModelSpec.parse(config.model());
    Dataset dataset = noValidation(net, err);
    ThreadSettings settings =
        ThreadSettings.choose(requested, spec.parameterCount(), config.batchSize());
    settings.apply();
    List<Double> rss = new ArrayList<>();
    TrainingListener memory =
        new TrainingListener() {
          @Override
          public void epochFinished(EpochMetrics metrics) {
            rss.add(ProcessMemory.rssMb());
            err.printf(
                Locale.ROOT, "%s epoch %d: %.2f s%n", net.id, metrics.epoch(), metrics.seconds());
            err.flush();
          }
        };
    TrainResult result =
        new Trainer(config, memory)
            .train(
                new Network(spec.build(), Init.parse(config.init())::apply),
                dataset,
                Provenance.capture(
                    settings, dataset.provenance().source(), TrainCommand.checksums(dataset)),
                block -> {});
    if (result.state() != RunState.COMPLETE) {
      throw new IllegalStateException(net.id + " did not complete: " + result.message());
    }
    List<Double> seconds = result.epochs().stream().map(EpochMetrics::seconds).toList();
    List<Double> rates = result.epochs().stream().map(EpochMetrics::samplesPerSecond).toList();
    return new Run(
        net.id,
        net.model,
        net.batch,
        epochs,
        median(seconds.subList(1, seconds.size())),
        median(rates.subList(1, rates.size())),
        seconds,
        ProcessMemory.peakRssMb(),
        rss,
        settings.intraOp(),
        settings.automatic());
  }

  private Dataset noValidation(Net net, PrintWriter err) {
    data.valSize = 0;
    data.normalize = net.normalize;
    return data.load(err, 1, 0);
  }

  static double median(List<Double> values) {
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}
