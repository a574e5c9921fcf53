package dev.mnistlab.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mnistlab.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoragesTest {
  @TempDir Path dir;

  @Test
  void opensTheDefaultFormAsSqlite() {
    assertThat(Storages.DEFAULT_URL).isEqualTo("sqlite:mnist-lab.db");
    assertThat(StorageUrl.parse(Storages.DEFAULT_URL).kind()).isEqualTo(StorageUrl.Kind.SQLITE);
  }

  @Test
  void refusesAnUnknownUrlBeforeTouchingAnything() {
    assertThatThrownBy(() -> Storages.open("redis://localhost/0", Map.of()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("storage URL 'redis://localhost/0' is not one of sqlite:PATH");
  }

  @Test
  void refusesAnUnreachableServerSayingWhereItLooked() throws Exception {
    int port;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      port = socket.getLocalPort(); // free once closed: nothing listens there
    }
    int closed = port;

    assertThatThrownBy(
            () -> Storages.open("postgresql://ann:pw@127.0.0.1:" + closed + "/lab", Map.of()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "cannot reach PostgreSQL at 127.0.0.1:"
                + closed
                + " (connection refused);"
                + " is the server running?");
  }

  @Test
  void refusesAnUnknownHost() {
    assertThatThrownBy(
            () -> Storages.open("postgresql://ann:pw@no-such-host.invalid/lab", Map.of()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "cannot reach PostgreSQL at no-such-host.invalid:5432 (unknown host"
                + " 'no-such-host.invalid'); is the host name right and the server running?");
  }

  @Test
  void requireStudyReturnsTheStudy() {
    try (Storage s = Storages.open("sqlite:" + dir.resolve("a.db"), Map.of())) {
      StudyRecord study = s.createStudy(StorageFixtures.spec("blog"));

      assertThat(Storages.requireStudy(s, "blog")).isEqualTo(study);
    }
  }

  @Test
  void requireStudyNamesTheStudiesThereWhenTheNameIsUnknown() {
    try (Storage s = Storages.open("sqlite:" + dir.resolve("a.db"), Map.of())) {
      s.createStudy(StorageFixtures.spec("blog"));
      s.createStudy(StorageFixtures.spec("lr-sweep"));

      assertThatThrownBy(() -> Storages.requireStudy(s, "blgo"))
          .isInstanceOf(InvalidInputException.class)
          .hasMessage(
              "no study named 'blgo' in " + s.describe() + " (studies there: blog, lr-sweep)");
    }
  }

  @Test
  void requireStudySaysWhenThereAreNoStudiesYet() {
    try (Storage s = Storages.open("sqlite:" + dir.resolve("a.db"), Map.of())) {
      assertThatThrownBy(() -> Storages.requireStudy(s, "blog"))
          .hasMessage(
              "no study named 'blog' in " + s.describe() + " (there are no studies there yet)");
    }
  }

  @Test
  void takesThePasswordFromPgpasswordElseLeavesItToTheDriversPasswordFile() {
    assertThat(Storages.password(Map.of("PGPASSWORD", "from-env", "PGPASSFILE", "/x")))
        .isEqualTo("from-env");
    assertThat(Storages.password(Map.of("PGPASSFILE", "/x"))).isNull();
  }

  @Test
  void openExistingRefusesAMissingSqliteFileAndCreatesNothing() throws Exception {
    Path file = dir.resolve("typo/lab.db");

    assertThatThrownBy(() -> Storages.openExisting("sqlite:" + file, Map.of()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "storage file "
                + file
                + " does not exist; commands that only read never"
                + " create one ('study run', 'sweep' and 'tune' do)");
    try (var left = Files.list(dir)) {
      assertThat(left).isEmpty();
    }
  }

  @Test
  void openExistingNamesTheAbsolutePathOfARelativeFile() {
    Path absolute = Path.of("no-such-dir-for-mnist-lab/lab.db").toAbsolutePath();

    assertThatThrownBy(
            () -> Storages.openExisting("sqlite:no-such-dir-for-mnist-lab/lab.db", Map.of()))
        .hasMessageStartingWith("storage file " + absolute + " does not exist;");
    assertThat(absolute.getParent()).doesNotExist();
  }

  @Test
  void openExistingRefusesAnSqliteFileWithoutTablesAndLeavesItEmpty() throws Exception {
    Path file = Files.createFile(dir.resolve("empty.db"));

    assertThatThrownBy(() -> Storages.openExisting("sqlite:" + file, Map.of()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "storage sqlite:"
                + file
                + " has no mnist-lab tables; commands that only"
                + " read never create them ('study run', 'sweep' and 'tune' do)");
    assertThat(file).isEmptyFile();
    try (var left = Files.list(dir)) {
      assertThat(left).containsExactly(file);
    }
  }

  @Test
  void openExistingReadsAStorageThatIsThere() {
    String url = "sqlite:" + dir.resolve("a.db");
    try (Storage s = Storages.open(url, Map.of())) {
      s.createStudy(StorageFixtures.spec("blog"));
    }

    try (Storage s = Storages.openExisting(url, Map.of())) {
      assertThat(s.findStudy("blog")).isPresent();
    }
  }
}
