package dev.mnistlab.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaTest {
  @TempDir Path dir;

  @Test
  void numbersMigrationsOneByOneFromOne() {
    List<Schema.Migration> migrations = Schema.migrations();

    for (int i = 0; i < migrations.size(); i++) {
      assertThat(migrations.get(i).version()).isEqualTo(i + 1);
    }
    assertThat(Schema.latest()).isEqualTo(migrations.size());
  }

  @Test
  void recordsEachVersionOnceHoweverOftenTheDatabaseIsOpened() throws Exception {
    Path file = dir.resolve("s.db");
    for (int i = 0; i < 3; i++) {
      Storages.open("sqlite:" + file, Map.of()).close();
    }

    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT version FROM schema_version")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getInt(1)).isEqualTo(Schema.latest());
      assertThat(rs.next()).isFalse();
    }
  }

  @Test
  void refusesAMigrationBelowVersionOne() {
    assertThatThrownBy(() -> new Schema.Migration(0, List.of()))
        .hasMessage("a migration's version must be >= 1, got 0");
  }
}
