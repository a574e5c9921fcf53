package dev.mnistlab.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mnistlab.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the storage contract on a real PostgreSQL server, and checks how the faults of reaching it
 * (password, database) read.
 */
class PostgresStorageTest extends StorageContract {
  @TempDir Path dir;

  @Override
  String freshUrl() {
    return PostgresServer.shared().freshDatabaseUrl();
  }

  @Override
  Connection rawConnection(String url) throws SQLException {
    return PostgresServer.shared().connect(StorageUrl.parse(url).database());
  }

  private String database() {
    return StorageUrl.parse(url()).database();
  }

  private String withoutPassword() {
    PostgresServer server = PostgresServer.shared();
    return "postgresql://" + server.user() + "@127.0.0.1:" + server.port() + "/" + database();
  }

  @Test
  void describesTheDatabaseWithoutThePassword() {
    PostgresServer server = PostgresServer.shared();

    assertThat(storage.describe()).isEqualTo(withoutPassword()).doesNotContain(server.password());
  }

  @Test
  void opensTheJdbcForm() {
    PostgresServer server = PostgresServer.shared();
    String jdbc =
        "jdbc:postgresql://127.0.0.1:"
            + server.port()
            + "/"
            + database()
            + "?user="
            + server.user()
            + "&password="
            + server.password();

    try (Storage s = Storages.open(jdbc, Map.of())) {
      assertThat(s.describe()).isEqualTo(withoutPassword());
    }
  }

  @Test
  void refusesAWrongPasswordNamingUserServerAndDatabase() {
    PostgresServer server = PostgresServer.shared();
    String wrong =
        "postgresql://" + server.user() + ":wrong@127.0.0.1:" + server.port() + "/" + database();

    assertThatThrownBy(() -> Storages.open(wrong, Map.of()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "PostgreSQL at 127.0.0.1:"
                + server.port()
                + " refused the password of"
                + " user 'mnistlab' and database '"
                + database()
                + "'; check the URL's password,"
                + " PGPASSWORD or the password file");
  }

  @Test
  void prefersTheUrlsPasswordToPgpassword() {
    PostgresServer server = PostgresServer.shared();
    String wrong =
        "postgresql://" + server.user() + ":wrong@127.0.0.1:" + server.port() + "/" + database();

    assertThatThrownBy(() -> Storages.open(wrong, Map.of("PGPASSWORD", server.password())))
        .hasMessageContaining("refused the password");
  }

  @Test
  void takesThePasswordFromPgpasswordThenFromThePasswordFile() throws Exception {
    PostgresServer server = PostgresServer.shared();
    Path pgpass =
        Files.writeString(
            dir.resolve("pgpass"),
            "# the driver reads this file, not mnist-lab\n"
                + "127.0.0.1:"
                + server.port()
                + ":*:"
                + server.user()
                + ":"
                + server.password()
                + "\n");

    try (Storage s = Storages.open(withoutPassword(), Map.of("PGPASSWORD", server.password()))) {
      assertThat(s.studies()).isEmpty();
    }
    withPasswordFile(
        pgpass,
        () -> {
          try (Storage s = Storages.open(withoutPassword(), Map.of())) {
            assertThat(s.studies()).isEmpty();
          }
        });
  }

  @Test
  void findsThePasswordFileNamedByPgpassfile() throws Exception {
    // The driver reads PGPASSFILE from the process's environment, so a child process has it.
    PostgresServer server = PostgresServer.shared();
    Path pgpass =
        Files.writeString(
            dir.resolve("pgpass"),
            "127.0.0.1:"
                + server.port()
                + ":"
                + database()
                + ":"
                + server.user()
                + ":"
                + server.password()
                + "\n");
    ProcessBuilder child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "dev.mnistlab.cli.Main",
                "studies",
                "--storage",
                withoutPassword())
            .redirectErrorStream(true);
    child.environment().remove("PGPASSWORD");
    child.environment().put("PGPASSFILE", pgpass.toString());

    Process process = child.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    assertThat(output).doesNotContain("password");
  }

  @Test
  void saysWhenNoPasswordWasGiven() {
    PostgresServer server = PostgresServer.shared();

    withPasswordFile(
        dir.resolve("none"),
        () ->
            assertThatThrownBy(() -> Storages.open(withoutPassword(), Map.of()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage(
                    "PostgreSQL at 127.0.0.1:"
                        + server.port()
                        + " asks for a password for"
                        + " user 'mnistlab' and database '"
                        + database()
                        + "'; give it in the URL,"
                        + " PGPASSWORD or the password file"));
  }

  /**
   * Runs {@code body} with the driver's password file set to {@code file} through its system
   * property, which it reads before {@code PGPASSFILE}: a test cannot change the JVM's environment,
   * and must not depend on the ~/.pgpass of whoever runs it.
   */
  private static void withPasswordFile(Path file, Runnable body) {
    String property = "org.postgresql.pgpassfile";
    String before = System.getProperty(property);
    System.setProperty(property, file.toString());
    try {
      body.run();
    } finally {
      if (before == null) {
        System.clearProperty(property);
      } else {
        System.setProperty(property, before);
      }
    }
  }

  @Test
  void refusesAMissingDatabaseSayingHowToCreateIt() {
    PostgresServer server = PostgresServer.shared();

    assertThatThrownBy(() -> Storages.open(server.url("no_such_db"), Map.of()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "PostgreSQL at 127.0.0.1:"
                + server.port()
                + " has no database"
                + " 'no_such_db'; create it (createdb -h 127.0.0.1 -p "
                + server.port()
                + " -U mnistlab no_such_db) or use another --storage");
  }

  @Test
  void openExistingRefusesADatabaseWithoutTablesAndCreatesNone() throws Exception {
    PostgresServer server = PostgresServer.shared();
    String empty = server.freshDatabaseUrl();
    String name = StorageUrl.parse(empty).database();

    assertThatThrownBy(() -> Storages.openExisting(empty, Map.of()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "storage postgresql://mnistlab@127.0.0.1:"
                + server.port()
                + "/"
                + name
                + " has no mnist-lab tables; commands that only read never create them"
                + " ('study run', 'sweep' and 'tune' do)");
    try (Connection c = server.connect(name);
        var s = c.createStatement();
        var rs =
            s.executeQuery(
                "SELECT COUNT(*) FROM information_schema.tables"
                    + " WHERE table_schema = current_schema()")) {
      rs.next();
      assertThat(rs.getInt(1)).isZero();
    }
  }

  @Test
  void openExistingReadsADatabaseWithTables() {
    storage.createStudy(StorageFixtures.spec("blog"));

    try (Storage s = Storages.openExisting(url(), Map.of())) {
      assertThat(s.findStudy("blog")).isPresent();
    }
  }
}
