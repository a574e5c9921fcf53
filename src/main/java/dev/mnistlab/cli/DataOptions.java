package dev.mnistlab.cli;

import dev.mnistlab.data.Dataset;
import dev.mnistlab.data.MnistData;
import dev.mnistlab.data.SplitMode;
import dev.mnistlab.data.SplitOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Holds the flags that say where the data is and how it is split, shared by commands. */
final class DataOptions {
  @Mixin DataDirOption dir;

  @Option(
      names = "--val-size",
      paramLabel = "N",
      defaultValue = "5000",
      description = "Training images held out for validation, which is what selection and "
          + "early stopping look at (default: ${DEFAULT-VALUE}; 0 for none). The 10,000 test "
          + "images are only reported, never used for a choice.")
  int valSize;

  @Option(
      names = "--val-split",
      paramLabel = "last|random",
      defaultValue = "last",
      description = "How validation images are chosen: 'last' holds out the last N of the "
          + "60,000 training images (the same for every seed, the classic 55k/5k split); "
          + "'random' draws N with the run's --seed (default: ${DEFAULT-VALUE}).")
  String valSplit;

  @Option(
      names = "--normalize",
      description = "Standardise pixels with MNIST's mean 0.1307 and std 0.3081 instead of "
          + "scaling them to [0,1].")
  boolean normalize;

  /** Returns the data directory, fetching MNIST into the default one on first use. */
  Path directory(PrintWriter log) {
    return dir.ensure(message -> {
      log.println(message);
      log.flush();
    });
  }

  /** Loads the data and splits it for a run with the given seed and training-image limit. */
  Dataset load(PrintWriter log, long seed, int trainLimit) {
    MnistData data = MnistData.load(directory(log), normalize);
    SplitMode mode = SplitMode.valueOf(valSplit.toUpperCase(Locale.ROOT));
    return data.split(new SplitOptions(valSize, mode, seed, trainLimit > 0 ? trainLimit : null));
  }
}
