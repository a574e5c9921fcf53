package dev.mnistlab.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PgPassTest {
  @TempDir Path dir;

  @Test
  void returnsTheFirstMatchingLine() {
    PgPass file =
        PgPass.parse(List.of("db.lab:5432:studies:ann:first", "db.lab:5432:studies:ann:second"));

    assertThat(file.passwordFor("db.lab", 5432, "studies", "ann")).contains("first");
  }

  @Test
  void matchesWildcardsInAnyOfTheFirstFourFields() {
    PgPass file =
        PgPass.parse(
            List.of(
                "other:5432:studies:ann:no", "*:*:studies:ann:any-host", "db.lab:6543:*:*:any-db"));

    assertThat(file.passwordFor("db.lab", 5432, "studies", "ann")).contains("any-host");
    assertThat(file.passwordFor("db.lab", 6543, "x", "bob")).contains("any-db");
    assertThat(file.passwordFor("db.lab", 5432, "x", "ann")).isEmpty();
  }

  @Test
  void readsEscapedColonsAndBackslashesAndKeepsColonsInThePassword() {
    PgPass file = PgPass.parse(List.of("db.lab:5432:my\\:db:ann:pa\\\\ss:wo\\:rd:end"));

    assertThat(file.passwordFor("db.lab", 5432, "my:db", "ann")).contains("pa\\ss:wo:rd:end");
  }

  @Test
  void skipsCommentsBlankAndShortLines() {
    PgPass file =
        PgPass.parse(List.of("# *:*:*:*:commented", "", "*:*:*:too-short", "*:*:*:*:real"));

    assertThat(file.passwordFor("h", 1, "d", "u")).contains("real");
  }

  @Test
  void findsTheFileFromPgpassfileOrHome() {
    assertThat(PgPass.location(Map.of("PGPASSFILE", "/etc/lab/pgpass", "HOME", "/home/ann")))
        .isEqualTo(Path.of("/etc/lab/pgpass"));
    assertThat(PgPass.location(Map.of("HOME", "/home/ann")))
        .isEqualTo(Path.of("/home/ann/.pgpass"));
  }

  @Test
  void readsAFileAndTreatsAMissingOneAsEmpty() throws Exception {
    Path file = dir.resolve("pgpass");
    Files.writeString(file, "h:5432:d:u:from-file\n");

    assertThat(PgPass.read(file).passwordFor("h", 5432, "d", "u")).contains("from-file");
    assertThat(PgPass.read(dir.resolve("missing")).passwordFor("h", 5432, "d", "u")).isEmpty();
  }
}
