package dev.mnistlab.tune;

import static dev.mnistlab.tune.TuneFixtures.definition;
import static dev.mnistlab.tune.TuneFixtures.finish;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mnistlab.storage.Storage;
import dev.mnistlab.storage.Storages;
import dev.mnistlab.storage.StudyRecord;
import dev.mnistlab.storage.TrialRecord;
import dev.mnistlab.storage.TrialRequest;
import dev.mnistlab.storage.TrialState;
import dev.mnistlab.worker.TrialSource.Supply;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TuneSourceTest {
  @TempDir Path tmp;
  private Storage storage;

  @BeforeEach
  void open() {
    storage = Storages.open("sqlite:" + tmp.resolve("s.db"));
  }

  @AfterEach
  void close() {
    storage.close();
  }

  private TuneSource source(
      TuneFixtures.Recording sampler, TuneDefinition def, StudyRecord study, Instant deadline) {
    return new TuneSource(
        storage,
        study,
        TuneFixtures.space(),
        sampler,
        def,
        () -> Instant.parse("2026-01-01T00:00:00Z"),
        deadline);
  }

  @Test
  void queuesTheSamplersPointAsTheNextTrialWithItsFullConfig() {
    TuneDefinition def = definition(10, 2);
    StudyRecord study = TuneFixtures.study(storage, def);

    assertThat(source(new TuneFixtures.Recording(0), def, study, null).supply())
        .isEqualTo(Supply.QUEUED);

    TrialRecord t = storage.trials(study.id(), false).get(0);
    assertThat(t.number()).isZero();
    assertThat(t.label())
        .isEqualTo("linear(16),relu,linear(10), adam lr 0.0100, batch 100, " + "3 epochs");
    assertThat(t.params()).isEqualTo(TuneFixtures.point(0));
    assertThat(t.config().model()).startsWith("linear(16)");
    assertThat(t.config().seed()).isEqualTo(7);
    assertThat(t.config().trainLimit()).isEqualTo(500);
    assertThat(t.config().epochs()).isEqualTo(3);
  }

  @Test
  void trialNWaitsUntilTrialsUpToNMinusLagHaveFinishedAndLearnsFromThoseOnly() {
    TuneDefinition def = definition(10, 2);
    StudyRecord study = TuneFixtures.study(storage, def);
    TuneFixtures.Recording sampler = new TuneFixtures.Recording(0);
    TuneSource source = source(sampler, def, study, null);

    assertThat(source.supply()).isEqualTo(Supply.QUEUED);
    assertThat(source.supply()).isEqualTo(Supply.QUEUED);
    assertThat(source.supply()).as("trial 0 has not finished").isEqualTo(Supply.LATER);
    finish(storage, study, TrialState.COMPLETE, 0.8, 0.9, 0.95);
    finish(storage, study, TrialState.PRUNED, 0.5);
    assertThat(source.supply()).isEqualTo(Supply.QUEUED);
    assertThat(source.supply()).isEqualTo(Supply.QUEUED);

    assertThat(sampler.histories).containsExactly(List.of(), List.of(), List.of(0), List.of(0, 1));
  }

  @Test
  void blindTrialsDoNotWaitForEarlierOnes() {
    TuneDefinition def = definition(10, 1);
    StudyRecord study = TuneFixtures.study(storage, def);
    TuneSource source = source(new TuneFixtures.Recording(3), def, study, null);

    assertThat(List.of(source.supply(), source.supply(), source.supply(), source.supply()))
        .containsExactly(Supply.QUEUED, Supply.QUEUED, Supply.QUEUED, Supply.LATER);
  }

  @Test
  void isDoneAtTheTrialBudgetOrTheDeadline() {
    TuneDefinition def = definition(2, 1);
    StudyRecord study = TuneFixtures.study(storage, def);
    TuneSource source = source(new TuneFixtures.Recording(5), def, study, null);
    source.supply();
    source.supply();

    assertThat(source.supply()).isEqualTo(Supply.DONE);
    assertThat(
            source(new TuneFixtures.Recording(5), def, study, Instant.parse("2025-12-31T23:59:59Z"))
                .supply())
        .isEqualTo(Supply.DONE);
  }

  @Test
  void historyLeavesOutTrialsThatDoNotFitTheSpace() {
    TuneDefinition def = definition(10, 1);
    StudyRecord study = TuneFixtures.study(storage, def);
    TrialRecord queued =
        storage.enqueueAt(
            study.id(),
            0,
            new TrialRequest(
                "trial 0", Map.of("units_1", 64, "lr", 0.01, "epochs", 3), def.base()));
    finish(storage, study, TrialState.COMPLETE, 0.9);
    TuneFixtures.Recording sampler = new TuneFixtures.Recording(0);

    source(sampler, def, study, null).supply();

    assertThat(queued.number()).isZero();
    assertThat(sampler.histories).containsExactly(List.of());
  }

  @Test
  void theSpacesFirstPointsComeBeforeTheSamplerWithoutWaiting() {
    TuneDefinition def = definition(10, 1);
    StudyRecord study = TuneFixtures.study(storage, def);
    TuneFixtures.Recording sampler = new TuneFixtures.Recording(0);
    TuneSource source =
        new TuneSource(
            storage,
            study,
            dev.mnistlab.search.SpaceReader.parse(
                TuneFixtures.SPACE + "first:\n  - {units_1: 32, lr: 0.05}\n", "s.yaml", "s"),
            sampler,
            def,
            Instant::now,
            null);

    assertThat(source.supply()).isEqualTo(Supply.QUEUED);
    assertThat(source.supply()).as("trial 0 has not finished").isEqualTo(Supply.LATER);

    assertThat(storage.trials(study.id(), false).get(0).params())
        .isEqualTo(Map.of("units_1", 32, "lr", 0.05, "epochs", 3));
    assertThat(sampler.histories).isEmpty();
  }
}
