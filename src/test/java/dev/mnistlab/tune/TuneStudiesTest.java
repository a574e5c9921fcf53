package dev.mnistlab.tune;

import static dev.mnistlab.tune.TuneFixtures.definition;
import static dev.mnistlab.tune.TuneFixtures.finish;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mnistlab.InvalidInputException;
import dev.mnistlab.storage.Storage;
import dev.mnistlab.storage.Storages;
import dev.mnistlab.storage.TrialRequest;
import dev.mnistlab.storage.TrialState;
import dev.mnistlab.study.TrialFixtures;
import dev.mnistlab.worker.Objective;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TuneStudiesTest {
  @TempDir Path tmp;
  private Storage storage;
  private final List<String> log = new ArrayList<>();

  @BeforeEach
  void open() {
    storage = Storages.open("sqlite:" + tmp.resolve("s.db"));
  }

  @AfterEach
  void close() {
    storage.close();
  }

  private TuneStudies.Opened open(TuneDefinition def, boolean lagGiven, boolean proceed) {
    return TuneStudies.open(
        storage, "search", def, Objective.VAL_ACCURACY, lagGiven, proceed, log::add);
  }

  private static TuneDefinition withSampler(TuneDefinition d, String sampler) {
    return new TuneDefinition(
        d.spaceName(), d.spaceText(), sampler, d.pruner(), d.trials(), d.lag(), d.base());
  }

  @Test
  void createsTheSearchThenJoinsItWithTheSameSettings() {
    TuneStudies.Opened created = open(definition(10, 2), false, false);
    TuneStudies.Opened joined = open(definition(10, 2), false, false);

    assertThat(created.study().spec().kind()).isEqualTo(TuneDefinition.KIND);
    assertThat(joined.study().id()).isEqualTo(created.study().id());
    assertThat(joined.definition()).isEqualTo(definition(10, 2));
    assertThat(joined.space().name()).isEqualTo("small");
    assertThat(log)
        .containsExactly(
            "created search search in " + storage.describe(),
            "joined search search in " + storage.describe());
  }

  @Test
  void aJoiningWorkerTakesTheStoredLagUnlessItGivesAnother() {
    open(definition(10, 2), true, false);

    assertThat(open(definition(10, 4), false, false).definition().lag()).isEqualTo(2);
    assertThatThrownBy(() -> open(definition(10, 4), true, false))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "search 'search' exists with --lag 2; give its settings to join it, or "
                + "--continue to change them");
  }

  @Test
  void refusesToJoinWithAnotherSampler() {
    open(definition(10, 2), false, false);

    assertThatThrownBy(() -> open(withSampler(definition(10, 2), "tpe"), false, false))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "search 'search' exists with --sampler random; give its settings to join "
                + "it, or --continue to change them");
  }

  @Test
  void continueStoresTheNewSettingsAndCountsTheTrialsThatFitTheSpace() {
    TuneStudies.Opened first = open(definition(10, 2), false, false);
    long id = first.study().id();
    storage.enqueueAt(
        id, 0, new TrialRequest("trial 0", TuneFixtures.point(0), first.definition().base()));
    storage.enqueueAt(
        id,
        1,
        new TrialRequest(
            "trial 1", Map.of("units_1", 64, "lr", 0.01, "epochs", 3), first.definition().base()));
    finish(storage, first.study(), TrialState.COMPLETE, 0.9);
    finish(storage, first.study(), TrialState.COMPLETE, 0.8);

    TuneStudies.Opened next = open(withSampler(definition(20, 2), "tpe"), false, true);

    assertThat(next.definition().sampler()).isEqualTo("tpe");
    assertThat(TuneDefinition.of(storage.findStudy("search").orElseThrow()))
        .isEqualTo(next.definition());
    assertThat(log.get(1))
        .isEqualTo(
            "continuing search search: 1 of its 2 stored trial(s) "
                + "fit the space and are reused");
  }

  @Test
  void continueOfAMissingSearchIsRefused() {
    assertThatThrownBy(() -> open(definition(10, 2), false, true))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "--continue: no search named 'search' in "
                + storage.describe()
                + "; leave out --continue to start it");
  }

  @Test
  void aStudyOfAnotherKindOrObjectiveIsRefused() {
    TrialFixtures.study(storage, "search");
    assertThatThrownBy(() -> open(definition(10, 2), false, false))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("study 'search' is a sweep, not a search; choose another --study name");

    storage.deleteStudy("search");
    open(definition(10, 2), false, false);
    assertThatThrownBy(
            () ->
                TuneStudies.open(
                    storage,
                    "search",
                    definition(10, 2),
                    Objective.VAL_LOSS,
                    false,
                    false,
                    log::add))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "search 'search' optimises val_accuracy, not val_loss; a search keeps its "
                + "objective, so start another --study");
  }
}
