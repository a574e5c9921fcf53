package dev.mnistlab.tune;

import static dev.mnistlab.tune.TuneConfirmationTest.trial;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mnistlab.analysis.SearchAnalysis;
import dev.mnistlab.report.Block;
import dev.mnistlab.storage.StudyRecord;
import dev.mnistlab.storage.TrialRecord;
import dev.mnistlab.storage.TrialState;
import dev.mnistlab.train.TrainConfig;
import dev.mnistlab.worker.Objective;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SearchSectionsTest {
  private static final TrainConfig CONFIG = TrainConfig.defaults().withSeed(42);

  private static List<TrialRecord> trials() {
    List<TrialRecord> trials = new ArrayList<>();
    for (int n = 0; n < 6; n++) {
      trials.add(trial(n, CONFIG, TrialState.COMPLETE, 0.95 + 0.005 * n, 0.94 + 0.005 * n));
    }
    trials.add(trial(6, CONFIG, TrialState.PRUNED, 0.5, Double.NaN));
    return trials;
  }

  private static List<Block> blocks() {
    TuneDefinition definition = TuneFixtures.definition(10, 2);
    StudyRecord study =
        new StudyRecord(1, definition.spec("tune.mlp", Objective.VAL_ACCURACY), Instant.EPOCH);
    List<TrialRecord> trials = trials();
    TuneReport report = TuneReport.of(study, definition, trials);
    SearchAnalysis analysis = SearchAnalyses.of(study, definition, trials, Instant.EPOCH);
    return SearchSections.blocks(report, analysis, trials);
  }

  @Test
  void opensWithTheAnswerThenChartsThenTables() {
    List<Block> blocks = blocks();
    assertThat(blocks.get(0)).isEqualTo(new Block.Heading(1, "Search tune.mlp"));
    assertThat(blocks.get(2)).isEqualTo(new Block.Heading(2, "What the search found"));
    Block.Bullets findings = (Block.Bullets) blocks.get(3);
    assertThat(findings.items().get(0))
        .startsWith(
            "Best: trial 5, val_accuracy 0.9750 (one run: \u00b10.0022); test accuracy 0.9650");
    int charts = blocks.indexOf(new Block.Heading(2, "Charts"));
    int tables = blocks.indexOf(new Block.Heading(2, "Tables"));
    assertThat(charts).isGreaterThan(3);
    assertThat(tables).isGreaterThan(charts);
    assertThat(blocks.subList(charts + 1, tables)).allMatch(Block.SearchChart.class::isInstance);
    assertThat(blocks.subList(tables, blocks.size()))
        .noneMatch(Block.SearchChart.class::isInstance);
  }

  @Test
  void chartIdsAreMadeSafeForFilesFromTheStudyName() {
    assertThat(blocks().stream().filter(Block.SearchChart.class::isInstance))
        .map(b -> ((Block.SearchChart) b).id())
        .allMatch(id -> id.matches("tune_mlp-[a-z]+"));
  }

  @Test
  void saysWhenTheSearchCameWithinNoiseOfItsBest() {
    Block.Bullets findings = (Block.Bullets) blocks().get(3);
    // Trial 5 at 0.975 is the best; trial 4 at 0.970 is more than one standard error below.
    assertThat(findings.items())
        .anyMatch(l -> l.startsWith("It was within noise of its best from trial 5 on"));
  }
}
