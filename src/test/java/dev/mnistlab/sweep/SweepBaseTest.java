package dev.mnistlab.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mnistlab.storage.Direction;
import dev.mnistlab.storage.Storage;
import dev.mnistlab.storage.Storages;
import dev.mnistlab.storage.StudyRecord;
import dev.mnistlab.storage.StudySpec;
import dev.mnistlab.storage.TrialRequest;
import dev.mnistlab.train.TrainConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepBaseTest {
  @TempDir Path tmp;

  @Test
  void takesATrialOfAPresetByNumberOrName() {
    try (Storage storage = Storages.open("sqlite:" + tmp.resolve("s.db"))) {
      TrainConfig seven = SweepBase.resolve("blog:7", storage);

      assertThat(seven.model()).isEqualTo("linear(512),relu,linear(256),relu,linear(10)");
      assertThat(seven.epochs()).isEqualTo(20);
      assertThat(seven.batchSize()).isEqualTo(100);
      assertThat(SweepBase.resolve("blog:trial 1", storage).batchSize()).isEqualTo(16);
      assertThatThrownBy(() -> SweepBase.resolve("blog:9", storage))
          .hasMessageStartingWith("preset 'blog' has no trial '9': its trials are [trial 1,");
    }
  }

  @Test
  void takesAStoredTrialByStudyAndNumber() {
    try (Storage storage = Storages.open("sqlite:" + tmp.resolve("s.db"))) {
      StudyRecord study =
          storage.createStudy(
              new StudySpec("mine", "val_accuracy", Direction.MAXIMIZE, "study", "{}", 1, null));
      TrainConfig config = TrainConfig.defaults().withRun(3, 64, 0.02);
      storage.enqueue(study.id(), List.of(new TrialRequest("a", Map.of(), config)));

      assertThat(SweepBase.resolve("mine:0", storage)).isEqualTo(config);
      assertThatThrownBy(() -> SweepBase.resolve("mine:4", storage))
          .hasMessage("--base mine:4: study 'mine' has no trial 4");
      assertThatThrownBy(() -> SweepBase.resolve("other:0", storage))
          .hasMessageStartingWith("no study named 'other'");
      assertThatThrownBy(() -> SweepBase.resolve("seven", storage))
          .hasMessageStartingWith("--base must be PRESET:TRIAL");
    }
  }

  @Test
  void appliesSettingsOnTop() {
    TrainConfig base = TrainConfig.defaults();

    TrainConfig changed = SweepBase.withSettings(base, List.of("lr=0.01", "dropout=0.1"));

    assertThat(changed.lr()).isEqualTo(0.01);
    assertThat(changed.model()).contains("dropout(0.1)");
    assertThatThrownBy(() -> SweepBase.withSettings(base, List.of("lr")))
        .hasMessage("--set must be KEY=VALUE, got 'lr'");
  }
}
