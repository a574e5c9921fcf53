package dev.mnistlab.cli;

import dev.mnistlab.InvalidInputException;
import dev.mnistlab.model.LintWarning;
import dev.mnistlab.model.MachineMemory;
import dev.mnistlab.model.MemoryEstimate;
import dev.mnistlab.model.ModelSpec;
import dev.mnistlab.model.ModelSummary;
import dev.mnistlab.train.MemoryCheck;
import dev.mnistlab.train.OptimizerKind;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Groups the commands about model specs: {@code mnist-lab model}. */
@Command(
    name = "model",
    mixinStandardHelpOptions = true,
    description = "Inspects model specs.",
    subcommands = ModelCommand.Describe.class,
    footerHeading = "%nExamples:%n",
    footer = {"  mnist-lab model describe --model \"linear(64),relu,linear(10),sigmoid\""})
final class ModelCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /**
   * Prints each layer's output shape and parameter count, the memory training needs, and the spec's
   * warnings; refuses, after the table, a network this machine cannot hold.
   */
  @Command(
      name = "describe",
      mixinStandardHelpOptions = true,
      description = {
        "Prints each layer of a model spec with its output shape and parameter count, the "
            + "total, the memory training needs, and warnings for specs that cannot train "
            + "well. A network needing more memory than this machine has exits with 2.",
        "Layers: linear(n), relu, sigmoid, tanh, gelu, leaky_relu[(slope)], softmax, "
            + "dropout(p), batchnorm, flatten, conv2d(out,k[,stride,pad]), maxpool(k), "
            + "avgpool(k), gap. A linear first layer sees 784 pixels; a conv2d first sees 1x28x28.",
        "batchnorm normalises each feature after a linear layer and each channel (over the "
            + "batch and the whole map) after a convolution, as BatchNorm1d and BatchNorm2d. "
            + "dropout(p) after a convolution drops single values, as nn.Dropout, not whole "
            + "channels. gap averages each channel's map to one value (CxHxW to C), as "
            + "AdaptiveAvgPool2d(1) and flatten."
      },
      footerHeading = "%nExamples:%n",
      footer = {
        "  mnist-lab model describe --model \"linear(64),relu,linear(10),sigmoid\"",
        "  mnist-lab model describe --model \"conv2d(8,3),batchnorm,relu,gap,linear(10)\""
      })
  static final class Describe implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(
        names = "--model",
        required = true,
        paramLabel = "SPEC",
        description = "Layers, comma separated, e.g. \"linear(64),relu,linear(10)\".")
    String model;

    @Option(
        names = "--batch-size",
        defaultValue = "100",
        description =
            "Images per step "
                + "the memory estimate assumes (default: ${DEFAULT-VALUE}, as train).")
    int batchSize;

    @Option(
        names = "--optimizer",
        defaultValue = "adam",
        paramLabel = "NAME",
        description =
            "Optimizer whose state the memory estimate counts: "
                + "sgd, momentum, nesterov, adam, adamw, rmsprop or adagrad "
                + "(default: ${DEFAULT-VALUE}, as train).")
    String optimizer;

    @Override
    public Integer call() {
      ModelSpec parsed = ModelSpec.parse(model);
      if (batchSize < 1) {
        throw new InvalidInputException("--batch-size must be >= 1, got " + batchSize);
      }
      MemoryEstimate memory =
          MemoryCheck.estimate(parsed, batchSize, OptimizerKind.parse(optimizer));
      long machine = MachineMemory.totalBytes();
      ModelSummary summary = parsed.describe();
      PrintWriter out = spec.commandLine().getOut();
      out.printf(Locale.ROOT, "%3s  %-22s %-12s %12s%n", "#", "layer", "output", "parameters");
      out.printf(Locale.ROOT, "%3s  %-22s %-12s %12s%n", "", "input", summary.inputShape(), "");
      for (ModelSummary.Row row : summary.rows()) {
        out.printf(
            Locale.ROOT,
            "%3d  %-22s %-12s %,12d%n",
            row.index(),
            row.layer(),
            row.outputShape(),
            row.parameters());
      }
      out.printf(Locale.ROOT, "total parameters: %,d%n", summary.totalParameters());
      out.printf(
          Locale.ROOT,
          "memory to train: %s; this machine has %s%n",
          memory.text(),
          MemoryEstimate.size(machine));
      out.flush();
      memory.requireFits(machine);
      for (LintWarning warning : parsed.lint()) {
        out.println("warning [" + warning.code().id() + "]: " + warning.message());
        out.println("  why: " + warning.reason());
      }
      out.flush();
      return 0;
    }
  }
}
