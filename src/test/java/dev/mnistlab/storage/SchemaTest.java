package dev.mnistlab.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mnistlab.train.TrainConfig;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
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
        ResultSet rs = s.executeQuery("SELECT version FROM schema_version ORDER BY version")) {
      for (int version = 1; version <= Schema.latest(); version++) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getInt(1)).isEqualTo(version);
      }
      assertThat(rs.next()).isFalse();
    }
  }

  @Test
  void upgradesAVersionOneFileKeepingItsStudiesAndTrials() throws Exception {
    // A file as the first schema wrote it, before models could be kept.
    Path file = dir.resolve("old.db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      for (String sql : Schema.migrations().get(0).statements()) {
        s.execute(
            sql.replace("{id}", "INTEGER PRIMARY KEY AUTOINCREMENT").replace("{real}", "REAL"));
      }
      s.execute("INSERT INTO schema_version (version, applied_at) VALUES (1, 0)");
      s.execute(
          "INSERT INTO studies (name, objective, direction, kind, definition, seed, created_at)"
              + " VALUES ('old', 'val_accuracy', 'MAXIMIZE', 'study', '{}', 1, 0)");
      try (PreparedStatement p =
          c.prepareStatement(
              "INSERT INTO trials (study_id, number, label, params, config, state, queued_at,"
                  + " test_accuracy) VALUES (1, 0, 'a', '{}', ?, 'COMPLETE', 0, 0.97)")) {
        p.setString(1, TrialRows.toJson(TrainConfig.defaults().withModel("linear(10)")));
        p.executeUpdate();
      }
    }

    try (Storage storage = Storages.open("sqlite:" + file, Map.of())) {
      StudyRecord study = storage.findStudy("old").orElseThrow();
      TrialRecord trial = storage.trials(study.id(), false).get(0);

      assertThat(study.modelsDir()).isNull();
      assertThat(trial.modelDir()).isNull();
      assertThat(trial.test().accuracy()).isEqualTo(0.97);
      assertThat(trial.config().model()).isEqualTo("linear(10)");
      storage.keepModels(study.id(), "/models/old");
      assertThat(storage.findStudy("old").orElseThrow().modelsDir()).isEqualTo("/models/old");
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT MAX(version) FROM schema_version")) {
      rs.next();
      assertThat(rs.getInt(1)).isEqualTo(2);
    }
  }

  @Test
  void refusesAMigrationBelowVersionOne() {
    assertThatThrownBy(() -> new Schema.Migration(0, List.of()))
        .hasMessage("a migration's version must be >= 1, got 0");
  }
}
