package dev.mnistlab.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StorageBenchTest {
  @TempDir Path dir;

  @Test
  void reportsEveryPhaseOfEachShapeAndLeavesNothingBehind() {
    try (Storage storage = Storages.open("sqlite:" + dir.resolve("bench.db"), Map.of())) {
      storage.createStudy(StorageFixtures.spec("kept"));

      List<String> lines =
          StorageBench.run(
              storage,
              2,
              List.of(
                  new StorageBench.Shape("small", 3, 500), new StorageBench.Shape("tiny", 1, 0)));

      assertThat(lines).hasSize(2);
      assertThat(lines.get(0))
          .matches(
              "sqlite:.*bench\\.db, small \\(3 epochs, 500 steps\\):"
                  + " enqueue [0-9.]+ ms, claim [0-9.]+ ms, 10 heartbeats [0-9.]+ ms, finish [0-9.]+ ms,"
                  + " read with curves [0-9.]+ ms; total [0-9.]+ ms per trial \\(median of 2\\)");
      assertThat(lines.get(1)).contains("tiny (1 epochs, 0 steps)");
      assertThat(storage.studies()).extracting(s -> s.study().name()).containsExactly("kept");
    }
  }

  @Test
  void refusesFewerThanOneTrial() {
    try (Storage storage = Storages.open("sqlite:" + dir.resolve("bench.db"), Map.of())) {
      assertThatThrownBy(() -> StorageBench.run(storage, 0))
          .hasMessage("bench trials must be >= 1, got 0");
    }
  }

  @Test
  @Tag("slow")
  void measuresTheSeedShapesOnSqliteAndPostgres() {
    try (Storage sqlite = Storages.open("sqlite:" + dir.resolve("bench.db"), Map.of());
        Storage postgres = Storages.open(PostgresServer.shared().freshDatabaseUrl(), Map.of())) {
      for (Storage storage : List.of(sqlite, postgres)) {
        List<String> lines = StorageBench.run(storage, 5);
        lines.forEach(System.out::println);
        assertThat(lines).hasSize(2).allMatch(l -> l.contains("per trial (median of 5)"));
      }
    }
  }
}
