package dev.mnistlab.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mnistlab.InvalidInputException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StorageUrlTest {
  @Test
  void parsesSqliteRelativeAndAbsolutePaths() {
    StorageUrl relative = StorageUrl.parse("sqlite:./mnist-lab.db");
    StorageUrl absolute = StorageUrl.parse("jdbc:sqlite:/data/runs/study.db");

    assertThat(relative.kind()).isEqualTo(StorageUrl.Kind.SQLITE);
    assertThat(relative.file()).isEqualTo(Path.of("./mnist-lab.db"));
    assertThat(relative).hasToString("sqlite:./mnist-lab.db");
    assertThat(absolute.file()).isEqualTo(Path.of("/data/runs/study.db"));
    assertThat(absolute).hasToString("sqlite:/data/runs/study.db");
  }

  @Test
  void expandsAHomeDirectoryTilde() {
    assertThat(StorageUrl.parse("sqlite:~/lab.db").file())
        .isEqualTo(Path.of(System.getProperty("user.home"), "lab.db"));
  }

  @Test
  void parsesAFullPostgresUrl() {
    StorageUrl url = StorageUrl.parse("postgresql://ann:s3cret@db.lab:6543/studies");

    assertThat(url.kind()).isEqualTo(StorageUrl.Kind.POSTGRESQL);
    assertThat(url.user()).isEqualTo("ann");
    assertThat(url.password()).isEqualTo("s3cret");
    assertThat(url.host()).isEqualTo("db.lab");
    assertThat(url.port()).isEqualTo(6543);
    assertThat(url.database()).isEqualTo("studies");
    assertThat(url).hasToString("postgresql://ann@db.lab:6543/studies");
  }

  @Test
  void defaultsTheUserToTheOsUserAndThePortTo5432() {
    StorageUrl url = StorageUrl.parse("postgres://db.lab/studies");

    assertThat(url.user()).isEqualTo(System.getProperty("user.name"));
    assertThat(url.port()).isEqualTo(5432);
    assertThat(url.password()).isNull();
  }

  @Test
  void parsesTheJdbcFormWithUserAndPasswordInTheQuery() {
    StorageUrl url =
        StorageUrl.parse(
            "jdbc:postgresql://10.0.0.5/lab?user=bob&password=p%40ss%3Aword&sslmode=require");

    assertThat(url.user()).isEqualTo("bob");
    assertThat(url.password()).isEqualTo("p@ss:word");
    assertThat(url.host()).isEqualTo("10.0.0.5");
    assertThat(url.port()).isEqualTo(5432);
    assertThat(url.options()).containsExactly(Map.entry("sslmode", "require"));
  }

  @Test
  void decodesEscapesInThePasswordAndKeepsPlusSigns() {
    StorageUrl url = StorageUrl.parse("postgresql://u:a%2Fb+c@h/d");

    assertThat(url.password()).isEqualTo("a/b+c");
  }

  @Test
  void parsesAnIpv6Host() {
    StorageUrl url = StorageUrl.parse("postgresql://u@[::1]:5433/d");

    assertThat(url.host()).isEqualTo("::1");
    assertThat(url.port()).isEqualTo(5433);
    assertThat(url).hasToString("postgresql://u@[::1]:5433/d");
  }

  @Test
  void neverShowsThePassword() {
    StorageUrl url = StorageUrl.parse("postgresql://u:topsecret@h/d");

    assertThat(url.toString()).doesNotContain("topsecret");
    assertThat(url.withPassword("other").toString()).doesNotContain("other");
  }

  @Test
  void refusesAnUnknownFormNamingTheAllowedOnesWithoutThePassword() {
    assertThatThrownBy(() -> StorageUrl.parse("mysql://root:hunter2@db/lab"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "storage URL 'mysql://root:***@db/lab' is not one of sqlite:PATH,"
                + " jdbc:sqlite:PATH, postgresql://user[:password]@host[:port]/db"
                + " (or postgres://...), jdbc:postgresql://host[:port]/db?user=..&password=..");
  }

  @Test
  void refusesAPathlessSqliteUrl() {
    assertThatThrownBy(() -> StorageUrl.parse("sqlite:"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("storage URL 'sqlite:' has no file path; give e.g. sqlite:./mnist-lab.db");
  }

  @Test
  void refusesAPostgresUrlWithoutADatabase() {
    assertThatThrownBy(() -> StorageUrl.parse("postgresql://u:pw@host:5432"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "storage URL 'postgresql://u:***@host:5432' has no database name; give e.g."
                + " postgresql://user@host:5432/db");
  }

  @Test
  void refusesABadPort() {
    assertThatThrownBy(() -> StorageUrl.parse("postgresql://host:99999/db"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "storage URL 'postgresql://host:99999/db' has port '99999'; a port must be"
                + " a number from 1 to 65535");
  }

  @Test
  void refusesABadEscapeWithoutEchoingThePassword() {
    assertThatThrownBy(() -> StorageUrl.parse("postgresql://u:100%zz@h/d"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "storage URL 'postgresql://u:***@h/d' has a bad %-escape in its password;"
                + " write '%' as %25");
  }

  @Test
  void redactsPasswordsInQueries() {
    assertThat(StorageUrl.redact("jdbc:postgresql://h/d?user=u&password=x&ssl=true"))
        .isEqualTo("jdbc:postgresql://h/d?user=u&password=***&ssl=true");
  }
}
