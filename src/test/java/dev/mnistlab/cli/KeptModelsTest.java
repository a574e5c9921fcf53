package dev.mnistlab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mnistlab.InvalidInputException;
import dev.mnistlab.storage.Direction;
import dev.mnistlab.storage.StudyRecord;
import dev.mnistlab.storage.StudySpec;
import dev.mnistlab.storage.TrialRecord;
import dev.mnistlab.storage.TrialState;
import dev.mnistlab.train.Evaluation;
import dev.mnistlab.train.TrainConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeptModelsTest {
  @TempDir Path tmp;

  private static final TrainConfig OLD = TrainConfig.defaults().withRun(1, 20, 0.1);
  private static final TrainConfig NEW = TrainConfig.defaults().withRun(1, 20, 0.01);

  private static StudyRecord study(String modelsDir) {
    return new StudyRecord(
        1,
        new StudySpec("demo", "val_accuracy", Direction.MAXIMIZE, "study", "{}", 1, null),
        Instant.EPOCH,
        modelsDir);
  }

  static TrialRecord trial(
      int number, String label, TrainConfig config, long seed, TrialState state, String dir) {
    return new TrialRecord(
        number + 100L,
        1,
        number,
        label,
        Map.of(),
        config.withSeed(seed),
        state,
        null,
        null,
        1,
        Instant.EPOCH,
        null,
        null,
        null,
        0.9,
        new Evaluation(0.1, 0.9),
        1,
        0,
        100,
        null,
        List.of(),
        List.of(),
        dir);
  }

  private final List<TrialRecord> stored =
      List.of(
          trial(0, "a", OLD, 1, TrialState.COMPLETE, "/m/trial-0"),
          trial(1, "b", NEW, 1, TrialState.COMPLETE, "/m/trial-1"),
          trial(2, "a", NEW, 2, TrialState.COMPLETE, "/m/trial-2"),
          trial(3, "a", NEW, 1, TrialState.COMPLETE, "/m/trial-3"),
          trial(4, "a", NEW, 3, TrialState.PRUNED, null),
          trial(5, "a", NEW, 4, TrialState.COMPLETE, null));

  @Test
  void theSeedsOfATrialAreItsCompleteRunsWithAModelUnderItsNewestSettingsInSeedOrder() {
    List<TrialRecord> seeds = KeptModels.seeds(study("/m"), stored, "a");

    assertThat(seeds).extracting(TrialRecord::number).containsExactly(3, 2);
  }

  @Test
  void aTrialCanBeNamedByTheNumberOfOneOfItsRuns() {
    assertThat(KeptModels.seeds(study("/m"), stored, "4"))
        .extracting(TrialRecord::number)
        .containsExactly(3, 2);
    assertThat(KeptModels.seeds(study("/m"), stored, "1"))
        .extracting(TrialRecord::number)
        .containsExactly(1);
  }

  @Test
  void namesTheTrialsThereAreWhenNoneIsNamedSo() {
    assertThatThrownBy(() -> KeptModels.seeds(study("/m"), stored, "c"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("study 'demo' has no trial named or numbered 'c' (its trials: a, b)");
  }

  @Test
  void seedEnsemblesGroupTrialsWithTwoOrMoreKeptModels() {
    assertThat(SeedEnsembles.groups(stored)).containsOnlyKeys("a");
    assertThat(SeedEnsembles.groups(stored).get("a"))
        .extracting(TrialRecord::number)
        .containsExactly(3, 2);
  }

  @Test
  void removesSavedModelsAndUnfinishedSavesButNothingElse() throws IOException {
    Path dir = tmp.resolve("models/demo");
    Path zero = model(dir.resolve("trial-0"));
    Path one = model(dir.resolve("trial-1"));
    Files.writeString(one.resolve("notes.txt"), "mine");
    Path staged = model(dir.resolve(".trial-2.1234.partial"));
    Path elsewhere = model(tmp.resolve("old/demo/trial-5"));
    Path stray = model(dir.resolve("trial-7")); // a lost attempt's, referenced by no trial

    int removed =
        KeptModels.remove(
            study(dir.toString()),
            List.of(
                trial(0, "a", NEW, 1, TrialState.COMPLETE, zero.toString()),
                trial(1, "a", NEW, 2, TrialState.COMPLETE, one.toString()),
                trial(5, "a", NEW, 3, TrialState.COMPLETE, elsewhere.toString())));

    assertThat(removed).isEqualTo(4);
    assertThat(zero).doesNotExist();
    assertThat(stray).doesNotExist();
    assertThat(staged).doesNotExist();
    assertThat(one.resolve("notes.txt")).hasContent("mine");
    assertThat(one.resolve("model.params")).doesNotExist();
    assertThat(dir).exists();
    assertThat(tmp.resolve("old/demo")).doesNotExist();
    assertThat(tmp.resolve("old")).exists();
  }

  private static Path model(Path dir) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve(SavedModel.CONFIG), "{}");
    Files.writeString(dir.resolve(SavedModel.PARAMS), "weights");
    return dir;
  }
}
