package dev.mnistlab.tune;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mnistlab.analysis.SearchAnalysis;
import dev.mnistlab.analysis.SearchParam;
import dev.mnistlab.analysis.SearchTrial;
import dev.mnistlab.storage.Storage;
import dev.mnistlab.storage.Storages;
import dev.mnistlab.storage.StudyRecord;
import dev.mnistlab.storage.TrialRequest;
import dev.mnistlab.storage.TrialState;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchAnalysesTest {
  @TempDir Path tmp;

  @Test
  void readsTheSpacesParametersLeavingFixedSettingsOut() {
    List<SearchParam> params = SearchAnalyses.params(TuneFixtures.space());
    assertThat(params)
        .containsExactly(
            SearchParam.ofChoice("units_1", List.of(16, 32), false),
            SearchParam.ofFloat("lr", 1e-3, 1e-1, true, false));
  }

  @Test
  void marksParametersWithAConditionAsConditional() {
    List<SearchParam> params = SearchAnalyses.params(dev.mnistlab.search.SpaceReader.load("mlp"));
    assertThat(params).anySatisfy(p -> assertThat(p.conditional()).isTrue());
    assertThat(params).anySatisfy(p -> assertThat(p.log()).isTrue());
  }

  @Test
  void analysesAStoredSearchWithItsStatesWorkersAndCurves() {
    try (Storage storage = Storages.open("sqlite:" + tmp.resolve("s.db"))) {
      TuneDefinition definition = TuneFixtures.definition(4, 2);
      StudyRecord study = TuneFixtures.study(storage, definition);
      for (int n = 0; n < 3; n++) {
        storage.enqueue(
            study.id(),
            List.of(new TrialRequest("t" + n, TuneFixtures.point(n), definition.base())));
      }
      TuneFixtures.finish(storage, study, TrialState.COMPLETE, 0.90, 0.95);
      TuneFixtures.finish(storage, study, TrialState.PRUNED, 0.80);
      storage.claim(study.id(), "w");

      SearchAnalysis a =
          SearchAnalyses.of(study, definition, storage.trialsWithEpochs(study.id()), Instant.now());

      assertThat(a.history().points())
          .extracting(p -> p.state())
          .containsExactly(SearchTrial.State.COMPLETE, SearchTrial.State.PRUNED);
      assertThat(a.timeline().bars()).hasSize(3);
      assertThat(a.timeline().bars().get(2).state()).isEqualTo(SearchTrial.State.RUNNING);
      assertThat(a.timeline().workers()).containsExactly("w");
      assertThat(a.curves().curves()).hasSize(1);
      assertThat(a.curves().curves().get(0).valAccuracy()).containsExactly(0.90, 0.95);
      assertThat(a.maximize()).isTrue();
    }
  }
}
