package dev.mnistlab.cli;

import dev.mnistlab.data.DataDirectory;
import java.nio.file.Path;
import java.util.function.Consumer;
import picocli.CommandLine.Option;

/** The {@code --data-dir} flag of every command that reads MNIST. */
final class DataDirOption {
  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      description =
          "Directory with the four MNIST IDX files (raw or .gz). Default: "
              + "$MNIST_LAB_DATA, else ~/.mnist-lab/data/mnist, fetched there on first use.")
  Path dataDir;

  /** Returns the data directory the flag or the environment names, without fetching. */
  DataDirectory resolve() {
    return DataDirectory.resolve(dataDir, System.getenv());
  }

  /** Returns the data directory, fetching MNIST into the default one on first use. */
  Path ensure(Consumer<String> log) {
    return resolve().ensure(log);
  }
}
