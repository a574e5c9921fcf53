package dev.mnistlab.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mnistlab.InvalidInputException;
import dev.mnistlab.model.MachineMemory;
import dev.mnistlab.model.MemoryEstimate;
import org.junit.jupiter.api.Test;

class MemoryCheckTest {
  @Test
  void estimatesAtTheRunsBatchSizeAndOptimizer() {
    TrainConfig config =
        TrainConfig.defaults().withModel("linear(64),relu,linear(10)").withRun(1, 32, 0.01);

    MemoryEstimate adam = MemoryCheck.estimate(config);

    assertThat(adam.batchSize()).isEqualTo(32);
    assertThat(adam.optimizer()).isEqualTo("adam");
    assertThat(adam.bytes()).isEqualTo(1_050_272.0);
  }

  @Test
  void letsTheDefaultNetworkThrough() {
    assertThatCode(() -> MemoryCheck.requireFits(TrainConfig.defaults()))
        .doesNotThrowAnyException();
  }

  @Test
  void refusesANetworkThisMachineCannotHold() {
    TrainConfig config = TrainConfig.defaults().withModel("linear(1000000000),relu,linear(10)");

    assertThatThrownBy(() -> MemoryCheck.requireFits(config))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "network needs about 13.0 TiB (795,000,000,010 parameters at batch 100 "
                + "with adam), more than this machine's "
                + MemoryEstimate.size(MachineMemory.totalBytes())
                + " of memory");
  }
}
