package dev.mnistlab.cli;

import dev.mnistlab.InvalidInputException;
import dev.mnistlab.storage.Storage;
import dev.mnistlab.storage.StorageBench;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Measures what storing a trial costs: {@code mnist-lab bench storage}. */
@Command(
    name = "storage",
    mixinStandardHelpOptions = true,
    description =
        "Times a trial's whole life in the storage (queue, claim, heartbeats, "
            + "finish with every epoch and sampled step, reading it back) for trials shaped like "
            + "the seed study's, in throwaway studies it deletes after.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  mnist-lab bench storage",
      "  mnist-lab bench storage --storage sqlite:bench.db --trials 3"
    })
final class BenchStorageCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin StorageOptions storage;

  @Option(
      names = "--trials",
      defaultValue = "10",
      paramLabel = "N",
      description = "Trials per shape; the median is printed (default: ${DEFAULT-VALUE}).")
  int trials;

  @Override
  public Integer call() {
    if (trials < 1) {
      throw new InvalidInputException("--trials must be >= 1, got " + trials);
    }
    PrintWriter out = spec.commandLine().getOut();
    try (Storage opened = storage.open()) {
      out.println(
          "storage: "
              + opened.describe()
              + ", "
              + trials
              + " trials per shape, "
              + Runtime.getRuntime().availableProcessors()
              + " cores");
      StorageBench.run(opened, trials).forEach(out::println);
    }
    out.flush();
    return 0;
  }
}
