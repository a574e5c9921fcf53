package dev.mnistlab.storage;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs a throwaway PostgreSQL server for tests: a new cluster in a temporary directory, listening
 * on a free port of 127.0.0.1 with password (SCRAM) authentication, started once per JVM on first
 * use and stopped and deleted when the JVM exits.
 *
 * <p>PostgreSQL refuses to run as root, so when the tests do (as in CI) the server's commands run
 * as the {@code postgres} OS user through {@code runuser}. Without PostgreSQL installed, tests that
 * ask for the server are skipped, except in CI ({@code CI=true}), where that is an error.
 */
public final class PostgresServer {
  private static final String USER = "mnistlab";
  private static final String DATABASE_PREFIX = "mnistlab_test_";

  private static PostgresServer shared;
  private static String missing;

  private final Path dir;
  private final Path bin;
  private final List<String> asServerUser;
  private final String password;
  private final int port;
  private final AtomicInteger databases = new AtomicInteger();

  private PostgresServer(Path dir, Path bin, List<String> asServerUser, String password, int port) {
    this.dir = dir;
    this.bin = bin;
    this.asServerUser = asServerUser;
    this.password = password;
    this.port = port;
  }

  /**
   * Returns the JVM's server, starting it on first call; skips the calling test when PostgreSQL is
   * not installed, or fails it in CI.
   */
  public static synchronized PostgresServer shared() {
    if (shared == null && missing == null) {
      Optional<Path> bin = findBin();
      if (bin.isEmpty()) {
        missing =
            "PostgreSQL was not found (no initdb in /usr/lib/postgresql/*/bin or on" + " PATH)";
      } else {
        shared = start(bin.get());
      }
    }
    if (shared == null) {
      if ("true".equals(System.getenv("CI"))) {
        throw new IllegalStateException(
            missing + "; CI must test PostgreSQL: .ci/run" + " installs the postgresql package");
      }
      Assumptions.abort(missing + "; skipping the PostgreSQL tests");
    }
    return shared;
  }

  /** Returns the URL of a new, empty database on this server. */
  public String freshDatabaseUrl() {
    String name = DATABASE_PREFIX + databases.incrementAndGet();
    try (Connection c = connect("postgres");
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "cannot create test database " + name + ": " + e.getMessage(), e);
    }
    return url(name);
  }

  /** Returns the URL of a new, empty database, as {@link #freshDatabaseUrl()} does. */
  public String url() {
    return freshDatabaseUrl();
  }

  /** Returns the URL of {@code database} on this server, with the user and password. */
  public String url(String database) {
    return "postgresql://" + USER + ":" + password + "@127.0.0.1:" + port + "/" + database;
  }

  /** Returns a plain JDBC connection to {@code database} as the superuser. */
  public Connection connect(String database) throws SQLException {
    return DriverManager.getConnection(
        "jdbc:postgresql://127.0.0.1:" + port + "/" + database, USER, password);
  }

  /** Returns the superuser's name. */
  public String user() {
    return USER;
  }

  /** Returns the superuser's password. */
  public String password() {
    return password;
  }

  /** Returns the TCP port the server listens on. */
  public int port() {
    return port;
  }

  private static Optional<Path> findBin() {
    List<Path> candidates = new ArrayList<>();
    try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
      versions
          .map(v -> v.resolve("bin"))
          .sorted(Comparator.comparing(PostgresServer::majorVersion).reversed())
          .forEach(candidates::add);
    } catch (IOException e) {
      // Not Debian's layout: look on the PATH below.
    }
    for (String entry : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (!entry.isEmpty()) {
        candidates.add(Path.of(entry));
      }
    }
    return candidates.stream()
        .filter(
            b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_ctl")))
        .findFirst();
  }

  private static int majorVersion(Path bin) {
    try {
      return Integer.parseInt(bin.getParent().getFileName().toString());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static PostgresServer start(Path bin) {
    boolean root = "root".equals(System.getProperty("user.name"));
    List<String> prefix = root ? List.of("runuser", "-u", "postgres", "--") : List.of();
    try {
      Path dir = Files.createTempDirectory("mnist-lab-pg-");
      String password = "pw-" + Long.toHexString(System.nanoTime());
      Path pwfile =
          Files.writeString(dir.resolve("pwfile"), password + "\n", StandardCharsets.UTF_8);
      if (root) {
        UserPrincipal postgres =
            dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
        Files.setOwner(dir, postgres);
        Files.setOwner(pwfile, postgres);
      }
      Path data = dir.resolve("data");
      run(
          prefix,
          dir,
          bin.resolve("initdb").toString(),
          "-D",
          data.toString(),
          "-U",
          USER,
          "--pwfile=" + pwfile,
          "--auth=scram-sha-256",
          "-E",
          "UTF8",
          "--locale=C",
          "--no-sync");
      IllegalStateException last = null;
      for (int attempt = 0; attempt < 3; attempt++) {
        int port = freePort();
        try {
          // Durability is not under test: without fsync each test database is made faster.
          run(
              prefix,
              dir,
              bin.resolve("pg_ctl").toString(),
              "-D",
              data.toString(),
              "-l",
              dir.resolve("server.log").toString(),
              "-w",
              "-t",
              "30",
              "-o",
              "-p "
                  + port
                  + " -k "
                  + dir
                  + " -c listen_addresses=127.0.0.1 -c fsync=off"
                  + " -c synchronous_commit=off -c full_page_writes=off",
              "start");
          PostgresServer server = new PostgresServer(dir, bin, prefix, password, port);
          Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "postgres-stop"));
          return server;
        } catch (IllegalStateException e) {
          last = e; // most likely another process took the port meanwhile
        }
      }
      throw last;
    } catch (IOException e) {
      throw new IllegalStateException("cannot start a test PostgreSQL server: " + e, e);
    }
  }

  private void stop() {
    try {
      run(
          asServerUser,
          dir,
          bin.resolve("pg_ctl").toString(),
          "-D",
          dir.resolve("data").toString(),
          "-m",
          "immediate",
          "-w",
          "stop");
    } catch (RuntimeException e) {
      // The JVM is exiting; delete what we can.
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // A temporary directory left behind is harmless.
    }
  }

  private static void run(List<String> prefix, Path dir, String... command) {
    List<String> full = new ArrayList<>(prefix);
    full.addAll(List.of(command));
    Path log = dir.resolve("commands.log");
    try {
      // Output goes to a file: the server inherits it and would hold a pipe open forever.
      Process p =
          new ProcessBuilder(full)
              .directory(dir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .start();
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException(String.join(" ", full) + " took over 60 s");
      }
      if (p.exitValue() != 0) {
        throw new IllegalStateException(
            String.join(" ", full)
                + " failed with code "
                + p.exitValue()
                + ":\n"
                + tail(log)
                + "\n"
                + tail(dir.resolve("server.log")));
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + full.get(0) + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted running " + full.get(0), e);
    }
  }

  private static String tail(Path file) {
    try {
      List<String> lines = Files.readAllLines(file);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    } catch (IOException e) {
      return "";
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return socket.getLocalPort();
    }
  }
}
