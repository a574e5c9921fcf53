package dev.mnistlab.storage;

import dev.mnistlab.InvalidInputException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Opens a {@link Storage} from a {@code --storage} URL: an SQLite file ({@code sqlite:PATH}, {@code
 * jdbc:sqlite:PATH}) or a PostgreSQL database ({@code postgresql://user[:password]@host[:port]/db},
 * {@code postgres://...}, {@code jdbc:postgresql://host[:port]/db?user=..&password=..}).
 *
 * <p>A PostgreSQL password comes from the URL, else the environment's {@code PGPASSWORD}, else the
 * password file in libpq's format, which the PostgreSQL driver (pgjdbc 42.3 and later) finds and
 * reads itself when it is given no password: the file named by the system property {@code
 * org.postgresql.pgpassfile}, else by {@code PGPASSFILE}, else {@code ~/.pgpass}. A missing user is
 * the OS user's name, a missing port 5432.
 */
public final class Storages {
  /** The storage commands use when none is given: a file in the working directory. */
  public static final String DEFAULT_URL = "sqlite:mnist-lab.db";

  private Storages() {}

  /**
   * Opens the storage at {@code url}, creating its tables on first use; reads passwords from this
   * process's environment.
   *
   * @throws InvalidInputException with one line for a bad URL or a fault the user can fix
   */
  public static Storage open(String url) {
    return open(url, System.getenv());
  }

  /**
   * Opens the storage at {@code url} as {@link #open(String)} does, reading {@code PGPASSWORD} from
   * {@code env}; the driver reads the password file's location from the process's own environment.
   *
   * @throws InvalidInputException with one line for a bad URL or a fault the user can fix
   */
  public static Storage open(String url, Map<String, String> env) {
    return new JdbcStorage(Dialect.of(withPassword(StorageUrl.parse(url), env)), true);
  }

  /**
   * Opens the storage at {@code url} only if it is already there, for commands that only read: a
   * missing SQLite file, or a database without this program's tables, is refused before anything is
   * written, so a mistyped path makes no file, directory or table.
   *
   * @throws InvalidInputException with one line saying what is missing, or as {@link #open(String)}
   *     does
   */
  public static Storage openExisting(String url) {
    return openExisting(url, System.getenv());
  }

  /**
   * Opens the storage at {@code url} as {@link #openExisting(String)} does, reading {@code
   * PGPASSWORD} from {@code env}; the driver reads the password file's location from the process's
   * own environment.
   *
   * @throws InvalidInputException with one line saying what is missing, or as {@link #open(String)}
   *     does
   */
  public static Storage openExisting(String url, Map<String, String> env) {
    return new JdbcStorage(Dialect.of(withPassword(StorageUrl.parse(url), env)), false);
  }

  /**
   * Returns where models kept by the storage at {@code url} go unless the user says otherwise:
   * beside an SQLite file, named after it ({@code mnist-lab.db} -> {@code mnist-lab.models}); empty
   * for PostgreSQL, which has no file to be beside.
   *
   * @throws InvalidInputException for a bad URL
   */
  public static Optional<Path> defaultModelsRoot(String url) {
    StorageUrl parsed = StorageUrl.parse(url);
    if (parsed.kind() != StorageUrl.Kind.SQLITE) {
      return Optional.empty();
    }
    Path file = parsed.file().toAbsolutePath().normalize();
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String stem = dot > 0 ? name.substring(0, dot) : name;
    return Optional.of(file.resolveSibling(stem + ".models"));
  }

  /**
   * Returns the study named {@code name}.
   *
   * @throws InvalidInputException naming the storage and the studies it has when there is no such
   *     study
   */
  public static StudyRecord requireStudy(Storage storage, String name) {
    return storage
        .findStudy(name)
        .orElseThrow(
            () -> {
              List<StudySummary> all = storage.studies();
              String there =
                  all.isEmpty()
                      ? "there are no studies there yet"
                      : "studies there: "
                          + all.stream()
                              .map(s -> s.study().name())
                              .collect(Collectors.joining(", "));
              return new InvalidInputException(
                  "no study named '" + name + "' in " + storage.describe() + " (" + there + ")");
            });
  }

  /** Returns {@code parsed} with {@code PGPASSWORD} as its password when its URL had none. */
  private static StorageUrl withPassword(StorageUrl parsed, Map<String, String> env) {
    if (parsed.kind() == StorageUrl.Kind.POSTGRESQL && parsed.password() == null) {
      return parsed.withPassword(password(env));
    }
    return parsed;
  }

  /**
   * Returns {@code PGPASSWORD}, or null so that the driver looks in the password file: it does so
   * only for a connection given no password, which keeps libpq's order.
   */
  static String password(Map<String, String> env) {
    return env.get("PGPASSWORD");
  }
}
