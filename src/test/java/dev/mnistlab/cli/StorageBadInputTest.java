package dev.mnistlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mnistlab.storage.PostgresServer;
import dev.mnistlab.storage.Storages;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks that every storage fault a user can make ends as one line and exit code 2 on the commands
 * that open a storage, with no stack trace and nothing written.
 */
class StorageBadInputTest {
  @TempDir Path tmp;

  @Test
  void saysWhenPostgresqlIsUnreachable() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }

    CliRun run =
        CliRun.of("studies", "--storage", "postgresql://mnist:secret@127.0.0.1:" + port + "/lab");

    assertThat(run.badInputLine())
        .contains("127.0.0.1:" + port)
        .contains("is the server running?")
        .doesNotContain("secret");
  }

  @Test
  void saysWhenThePasswordIsWrong() {
    PostgresServer server = PostgresServer.shared();
    String url = server.freshDatabaseUrl().replace(":" + server.password() + "@", ":wrong@");

    CliRun run = CliRun.of("worker", "--study", "blog", "--storage", url);

    assertThat(run.badInputLine())
        .contains(server.user())
        .contains("password")
        .doesNotContain("wrong@");
  }

  @Test
  void saysWhenTheStudyIsUnknown() {
    String url = FilledStorage.create(tmp);

    CliRun run = CliRun.of("worker", "--study", "blgo", "--storage", url);

    assertThat(run.badInputLine())
        .isEqualTo(
            "mnist-lab worker: no study named 'blgo' in "
                + "sqlite:"
                + tmp.resolve("filled.db")
                + " (studies there: demo)");
  }

  @Test
  void refusesAReadOnlySqliteFileWithoutChangingIt() throws IOException {
    String url = FilledStorage.create(tmp);
    Path file = tmp.resolve("filled.db");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));
    byte[] before = Files.readAllBytes(file);

    CliRun run = CliRun.of("study", "delete", "demo", "--yes", "--storage", url);

    assertThat(run.badInputLine()).contains(file.toString()).contains("read-only");
    assertThat(Files.readAllBytes(file)).isEqualTo(before);
  }

  @Test
  void refusesAFileThatIsNotAnSqliteDatabase() throws IOException {
    Path file = Files.write(tmp.resolve("image.db"), new byte[4096]);
    Files.writeString(file, "GIF89a not a database at all");

    CliRun run = CliRun.of("trials", "--study", "demo", "--storage", "sqlite:" + file);

    assertThat(run.badInputLine()).contains(file.toString()).contains("not an SQLite database");
  }

  @Test
  void refusesASchemaNewerThanThisProgram() throws SQLException {
    String url = FilledStorage.create(tmp);
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + tmp.resolve("filled.db"));
        Statement s = c.createStatement()) {
      s.execute("INSERT INTO schema_version (version, applied_at) VALUES (99, 0)");
    }

    CliRun run = CliRun.of("studies", "--storage", url);

    assertThat(run.badInputLine())
        .contains("schema version 99")
        .contains("newer than this mnist-lab");
  }

  @Test
  void rejectsAStorageUrlOfAnotherKind() {
    CliRun run = CliRun.of("studies", "--storage", "mysql://localhost/lab");

    assertThat(run.badInputLine())
        .contains("mysql://localhost/lab")
        .contains("sqlite:")
        .contains("postgresql://");
    assertThat(Storages.DEFAULT_URL).startsWith("sqlite:");
  }
}
