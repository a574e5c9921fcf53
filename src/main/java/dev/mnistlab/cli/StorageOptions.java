package dev.mnistlab.cli;

import dev.mnistlab.storage.Storage;
import dev.mnistlab.storage.Storages;
import java.util.Map;
import picocli.CommandLine.Option;

/** The {@code --storage} flag every command that reads or writes studies takes. */
final class StorageOptions {
  /** The environment variable that sets the storage when {@code --storage} is absent. */
  static final String ENV = "MNIST_LAB_STORAGE";

  @Option(
      names = "--storage",
      paramLabel = "URL",
      description =
          "Where studies are kept: sqlite:PATH or postgresql://user@host[:port]/db "
              + "(password from PGPASSWORD or ~/.pgpass; a JDBC URL works too). Default: "
              + "$"
              + ENV
              + ", else sqlite:mnist-lab.db in the working directory.")
  String url;

  /** Returns the storage URL the user chose, from the flag, the environment or the default. */
  String resolve(Map<String, String> env) {
    if (url != null) {
      return url;
    }
    String fromEnv = env.get(ENV);
    return fromEnv != null && !fromEnv.isBlank() ? fromEnv : Storages.DEFAULT_URL;
  }

  /** Opens the chosen storage, creating it if it is not there yet; the caller closes it. */
  Storage open() {
    return Storages.open(resolve(System.getenv()));
  }

  /**
   * Opens the chosen storage for a command that only reads, refusing one that is not there yet
   * rather than creating it; the caller closes it.
   */
  Storage openExisting() {
    return Storages.openExisting(resolve(System.getenv()));
  }
}
