package dev.mnistlab.study;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mnistlab.train.Evaluation;
import dev.mnistlab.train.RunState;
import dev.mnistlab.train.TrainConfig;
import dev.mnistlab.train.TrainResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StudyStoreTest {
  @TempDir Path dir;

  private static final TrialDefinition TRIAL = new TrialDefinition("Trial 1",
      TrainConfig.defaults().withSeed(1), 0.95, null, null);

  @Test
  void storesAndLoadsARunBySeed() {
    StudyStore store = new StudyStore(dir);
    RunKey key = RunKey.of(TRIAL, 2);
    TrainResult result = new TrainResult(key.config(), null, List.of(), List.of(),
        new Evaluation(0.1, 0.97), RunState.COMPLETE, "ok", 0, 1.5, 100);

    store.save(key, result);

    assertThat(store.pathOf(key).getFileName().toString()).isEqualTo("trial-1-seed-3.json");
    assertThat(store.load(key)).contains(result);
    assertThat(store.load(RunKey.of(TRIAL, 0))).isEmpty();
  }

  @Test
  void ignoresAResultWhoseConfigChanged() {
    StudyStore store = new StudyStore(dir);
    RunKey key = RunKey.of(TRIAL, 0);
    store.save(key, new TrainResult(key.config().withRun(1, 10, 0.5), null, List.of(),
        List.of(), Evaluation.NONE, RunState.COMPLETE, "ok", 0, 1, 1));

    assertThat(store.load(key)).isEmpty();
  }

  @Test
  void keepsTheDefinitionForReports() {
    StudyStore store = new StudyStore(dir);
    StudyDefinition blog = StudyFile.preset("blog");

    store.saveDefinition(blog);

    assertThat(Files.exists(dir.resolve("study.json"))).isTrue();
    assertThat(StudyStore.readDefinition(dir)).isEqualTo(blog);
  }
}
