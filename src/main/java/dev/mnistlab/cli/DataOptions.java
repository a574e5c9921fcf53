package dev.mnistlab.cli;

import dev.mnistlab.data.Dataset;
import dev.mnistlab.data.MnistData;
import dev.mnistlab.data.SplitMode;
import dev.mnistlab.data.SplitOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Holds the flags that say where the data is and how it is split, shared by commands. */
final class DataOptions {
  private static volatile Loaded lastLoaded;

  @Mixin DataDirOption dir;

  @Option(
      names = "--val-size",
      paramLabel = "N",
      defaultValue = "5000",
      description =
          "Training images held out for validation, which is what selection and "
              + "early stopping look at (default: ${DEFAULT-VALUE}; 0 for none). The 10,000 test "
              + "images are only reported, never used for a choice.")
  int valSize;

  @Option(
      names = "--val-split",
      paramLabel = "last|random",
      defaultValue = "last",
      description =
          "How validation images are chosen: 'last' holds out the last N of the "
              + "60,000 training images (the same for every seed, the classic 55k/5k split); "
              + "'random' draws N with the run's --seed (default: ${DEFAULT-VALUE}).")
  String valSplit;

  @Option(
      names = "--normalize",
      description =
          "Standardise pixels with MNIST's mean 0.1307 and std 0.3081 instead of "
              + "scaling them to [0,1].")
  boolean normalize;

  /** Returns the data directory, fetching MNIST into the default one on first use. */
  Path directory(PrintWriter log) {
    return dir.ensure(
        message -> {
          log.println(message);
          log.flush();
        });
  }

  /**
   * Loads the data and splits it for a run with the given seed and training-image limit. The files
   * read last are kept, so a process that trains one run after another (a worker's training
   * process) reads and converts them once.
   */
  Dataset load(PrintWriter log, long seed, int trainLimit) {
    Path directory = directory(log).toAbsolutePath();
    String files = fingerprint(directory);
    Loaded loaded = lastLoaded;
    if (loaded == null
        || !loaded.directory().equals(directory)
        || loaded.normalize() != normalize
        || !loaded.files().equals(files)) {
      loaded = new Loaded(directory, normalize, files, MnistData.load(directory, normalize));
      lastLoaded = loaded;
    }
    MnistData data = loaded.data();
    SplitMode mode = SplitMode.valueOf(valSplit.toUpperCase(Locale.ROOT));
    return data.split(new SplitOptions(valSize, mode, seed, trainLimit > 0 ? trainLimit : null));
  }

  /** Returns the names, sizes and modification times of the files in {@code directory}. */
  private static String fingerprint(Path directory) {
    try (Stream<Path> paths = Files.list(directory)) {
      return paths
          .sorted()
          .map(p -> p.getFileName() + ":" + p.toFile().length() + ":" + p.toFile().lastModified())
          .collect(Collectors.joining(","));
    } catch (IOException e) {
      return ""; // unreadable: loading it fails and says why
    }
  }

  /** The data of one directory as its files were, read with or without normalising. */
  private record Loaded(Path directory, boolean normalize, String files, MnistData data) {}
}
