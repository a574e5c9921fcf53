package dev.mnistlab.data;

import dev.mnistlab.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Locates the MNIST data directory and makes sure it holds the data.
 *
 * <p>The directory comes from {@code --data-dir}, else the environment variable {@code
 * MNIST_LAB_DATA}, else {@code ~/.mnist-lab/data/mnist}. Only the default directory is filled on
 * first use: a directory the user named and that does not exist is a typo until proven otherwise,
 * and only {@code data fetch} creates one.
 *
 * @param path the absolute, normalised directory
 * @param origin where the choice came from
 */
public record DataDirectory(Path path, Origin origin) {
  /** Names the environment variable that sets the data directory. */
  public static final String ENV_VAR = "MNIST_LAB_DATA";

  /** Says where the directory was chosen. */
  public enum Origin {
    /** Given with {@code --data-dir}. */
    FLAG,
    /** Given with the environment variable {@code MNIST_LAB_DATA}. */
    ENV,
    /** The default {@code ~/.mnist-lab/data/mnist}. */
    DEFAULT
  }

  /** Checks that nothing is null. */
  public DataDirectory {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(origin, "origin");
  }

  /**
   * Resolves the directory from the flag, the environment and the default, in that order.
   *
   * @param explicitOrNull the {@code --data-dir} value, or null when the flag is absent
   * @param env the environment, usually {@code System.getenv()}
   */
  public static DataDirectory resolve(Path explicitOrNull, Map<String, String> env) {
    return resolve(explicitOrNull, env, Path.of(System.getProperty("user.home")));
  }

  static DataDirectory resolve(Path explicitOrNull, Map<String, String> env, Path home) {
    if (explicitOrNull != null) {
      return new DataDirectory(clean(explicitOrNull), Origin.FLAG);
    }
    String fromEnv = env.get(ENV_VAR);
    if (fromEnv != null && !fromEnv.isBlank()) {
      String text = fromEnv.strip();
      // The shell does not expand "~" inside quotes or in some service files; be forgiving.
      Path path =
          text.equals("~")
              ? home
              : text.startsWith("~/") ? home.resolve(text.substring(2)) : Path.of(text);
      return new DataDirectory(clean(path), Origin.ENV);
    }
    return new DataDirectory(clean(home.resolve(".mnist-lab/data/mnist")), Origin.DEFAULT);
  }

  /** Returns whether this is the default directory, the only one filled on first use. */
  public boolean isDefault() {
    return origin == Origin.DEFAULT;
  }

  /**
   * Returns the directory if it exists.
   *
   * @throws InvalidInputException {@code data directory does not exist: /x (only 'mnist-lab data
   *     fetch' creates one)}, or that it is a file
   */
  public Path requireExisting() {
    if (Files.exists(path) && !Files.isDirectory(path)) {
      throw new InvalidInputException(
          "data directory is a file, not a directory: "
              + path
              + " (name the directory that holds the four MNIST files)");
    }
    if (!Files.isDirectory(path)) {
      throw new InvalidInputException(
          "data directory does not exist: " + path + " (only 'mnist-lab data fetch' creates one)");
    }
    return path;
  }

  /**
   * Returns the directory once it holds the four files, fetching MNIST into the default directory
   * on first use and saying so through {@code log}.
   *
   * @throws InvalidInputException if a named directory is missing or lacks a file, or if the fetch
   *     fails
   */
  public Path ensure(Consumer<String> log) {
    return ensure(log, new MnistFetcher());
  }

  Path ensure(Consumer<String> log, MnistFetcher fetcher) {
    if (!isDefault()) {
      requireExisting();
    }
    MnistFile missing = null;
    if (Files.isDirectory(path)) {
      for (MnistFile file : MnistFile.values()) {
        if (file.locate(path).isEmpty()) {
          missing = file;
          break;
        }
      }
      if (missing == null) {
        return path;
      }
    }
    if (!isDefault()) {
      throw new InvalidInputException(
          String.format(
              "data directory %s lacks %s (or %s.gz): run 'mnist-lab data fetch --data-dir %s'"
                  + " or copy the file there",
              path, missing.fileName(), missing.fileName(), path));
    }
    log.accept("MNIST not found in " + path + ": fetching it (first use)");
    fetcher.fetch(path, log);
    return path;
  }

  private static Path clean(Path path) {
    return path.toAbsolutePath().normalize();
  }
}
