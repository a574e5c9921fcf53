package dev.mnistlab.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mnistlab.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the storage contract on SQLite files, and checks the faults of a file the user gave. */
class SqliteStorageTest extends StorageContract {
  @TempDir Path dir;
  private int files;

  @Override
  String freshUrl() {
    return "sqlite:" + dir.resolve("study-" + files++ + ".db");
  }

  @Override
  Connection rawConnection(String url) throws SQLException {
    return DriverManager.getConnection("jdbc:" + url);
  }

  @Test
  void usesWriteAheadLoggingAndForeignKeys() throws Exception {
    try (Connection c = rawConnection(url());
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("PRAGMA journal_mode")) {
      rs.next();
      assertThat(rs.getString(1)).isEqualTo("wal");
    }
    StudyRecord study = storage.createStudy(StorageFixtures.spec("s"));
    storage.enqueue(study.id(), StorageFixtures.requests(1));
    storage.deleteStudy("s");
    try (Connection c = rawConnection(url());
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM trials")) {
      rs.next();
      assertThat(rs.getInt(1)).isZero();
    }
  }

  @Test
  void opensTheJdbcForm() {
    Path file = dir.resolve("jdbc.db");
    try (Storage s = Storages.open("jdbc:sqlite:" + file, Map.of())) {
      assertThat(s.describe()).isEqualTo("sqlite:" + file);
    }
    assertThat(file).exists();
  }

  @Test
  void createsAMissingDirectory() {
    Path file = dir.resolve("new/deeper/study.db");

    try (Storage s = Storages.open("sqlite:" + file, Map.of())) {
      s.createStudy(StorageFixtures.spec("s"));
    }

    assertThat(file).exists();
  }

  @Test
  void refusesAFileThatIsNotAnSqliteDatabase() throws Exception {
    Path file = dir.resolve("notes.txt");
    Files.writeString(file, "these are my notes, not a database\n".repeat(50));

    assertThatThrownBy(() -> Storages.open("sqlite:" + file, Map.of()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("storage file " + file + " is not an SQLite database; use another --storage");
    assertThat(Files.readString(file)).startsWith("these are my notes");
  }

  @Test
  void refusesAReadOnlyFileEvenForRoot() throws Exception {
    Path file = dir.resolve("locked.db");
    Storages.open("sqlite:" + file, Map.of()).close();
    byte[] before = Files.readAllBytes(file);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));

    assertThatThrownBy(() -> Storages.open("sqlite:" + file, Map.of()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "storage file "
                + file
                + " is read-only (r--r--r--); make it writable or"
                + " use another --storage");
    assertThat(Arrays.equals(Files.readAllBytes(file), before)).isTrue();
  }

  @Test
  void refusesAFileInAReadOnlyDirectory() throws Exception {
    Path locked = Files.createDirectory(dir.resolve("locked"));
    Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
    Path file = locked.resolve("study.db");

    try {
      assertThatThrownBy(() -> Storages.open("sqlite:" + file, Map.of()))
          .isInstanceOf(InvalidInputException.class)
          .hasMessage(
              "the directory of storage file "
                  + file
                  + " is read-only (r-xr-xr-x) and"
                  + " SQLite writes its -wal file there; make it writable or use another --storage");
      assertThat(file).doesNotExist();
    } finally {
      Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }

  @Test
  void refusesADirectoryGivenAsTheFile() {
    assertThatThrownBy(() -> Storages.open("sqlite:" + dir, Map.of()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "storage file "
                + dir
                + " is a directory; give a file, e.g. sqlite:"
                + dir
                + "/mnist-lab.db");
  }

  @Test
  void leavesANewerSchemaFileUntouched() throws Exception {
    Path file = dir.resolve("newer.db");
    Storages.open("sqlite:" + file, Map.of()).close();
    try (Connection c = rawConnection("sqlite:" + file);
        Statement s = c.createStatement()) {
      s.executeUpdate(
          "INSERT INTO schema_version (version, applied_at) VALUES ("
              + (Schema.latest() + 1)
              + ", 0)");
    }
    byte[] before = Files.readAllBytes(file);

    assertThatThrownBy(() -> Storages.open("sqlite:" + file, Map.of()))
        .hasMessage(
            "storage sqlite:"
                + file
                + " has schema version "
                + (Schema.latest() + 1)
                + ", newer than this"
                + " mnist-lab understands ("
                + Schema.latest()
                + "); use a newer mnist-lab");
    assertThat(Arrays.equals(Files.readAllBytes(file), before)).isTrue();
  }
}
