package dev.mnistlab.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mnistlab.storage.TrialRequest;
import dev.mnistlab.train.TrainConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

class StoredSweepTest {
  private static final TrainConfig BASE = TrainConfig.defaults().withSeed(1);

  @Test
  void queuesTheLongestRunsFirst() {
    SweepPlan plan =
        new SweepPlan(
            "s",
            "flags",
            BASE,
            List.of(SweepFactor.parse("batch_size=1024,16,100")),
            List.of(),
            1,
            false);

    List<TrialRequest> missing = StoredSweep.missing(plan, List.of());

    // Batch 16 takes the most steps per epoch, batch 1024 the fewest.
    assertThat(missing).extracting(r -> r.config().batchSize()).containsExactly(16, 100, 1024);
  }
}
