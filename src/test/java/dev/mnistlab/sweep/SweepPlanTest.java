package dev.mnistlab.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mnistlab.model.MachineMemory;
import dev.mnistlab.model.MemoryEstimate;
import dev.mnistlab.storage.TrialRequest;
import dev.mnistlab.train.TrainConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

class SweepPlanTest {
  private static final TrainConfig BASE = TrainConfig.defaults().withSeed(1);

  private static SweepPlan plan(List<String> grid, String... factors) {
    return new SweepPlan(
        "s",
        "flags",
        BASE,
        java.util.Arrays.stream(factors).map(SweepFactor::parse).toList(),
        grid,
        2,
        false);
  }

  @Test
  void trainsEachConfigOnceEvenWhenFactorsShareIt() {
    SweepPlan plan = plan(List.of(), "lr=1e-4,1e-3", "batch_size=32,100");

    List<TrialRequest> runs = plan.requests();

    // lr=1e-3 and batch_size=100 are both the base: three configs, two seeds each.
    assertThat(runs).hasSize(6);
    assertThat(runs)
        .extracting(TrialRequest::label)
        .containsExactly(
            "lr=1e-4",
            "lr=1e-3, batch_size=100",
            "batch_size=32",
            "lr=1e-4",
            "lr=1e-3, batch_size=100",
            "batch_size=32");
    assertThat(runs).extracting(r -> r.config().seed()).containsExactly(1L, 1L, 1L, 2L, 2L, 2L);
  }

  @Test
  void readsEveryEpochCountFromTheLongestRun() {
    SweepPlan plan = plan(List.of(), "epochs=1,5,20,30");

    assertThat(plan.epochsFromCurves()).isTrue();
    assertThat(plan.requests())
        .hasSize(2)
        .allSatisfy(r -> assertThat(r.config().epochs()).isEqualTo(30));
    assertThat(plan.config(plan.factor("epochs"), "5").epochs()).isEqualTo(30);
    assertThat(plan.runsSavedByCurves()).isEqualTo(6);
  }

  @Test
  void trainsEachEpochCountWhenTheScheduleDependsOnTheRunsLength() {
    SweepPlan plan =
        new SweepPlan(
            "s",
            "flags",
            FactorSetting.apply(BASE, "schedule", "cosine"),
            List.of(SweepFactor.parse("epochs=5,10")),
            List.of(),
            1,
            false);

    assertThat(plan.epochsFromCurves()).isFalse();
    assertThat(plan.requests()).extracting(r -> r.config().epochs()).containsExactly(5, 10);
    assertThat(plan.runsSavedByCurves()).isZero();
  }

  @Test
  void addsTheCellsOfATwoFactorGrid() {
    SweepPlan plan = plan(List.of("lr", "batch_size"), "lr=1e-3,1e-2", "batch_size=32,100");

    List<TrialRequest> seedOne = plan.requests().subList(0, plan.requests().size() / 2);

    // Cells on the base's row or column are the single-factor runs already: 4 configs.
    assertThat(seedOne)
        .extracting(TrialRequest::label)
        .containsExactly(
            "lr=1e-3, batch_size=100",
            "lr=1e-2, batch_size=100",
            "batch_size=32, lr=1e-3",
            "lr=1e-2, batch_size=32");
    assertThat(plan.gridConfig("1e-2", "32").lr()).isEqualTo(1e-2);
    assertThat(plan.gridConfig("1e-2", "32").batchSize()).isEqualTo(32);
  }

  @Test
  void givesTheSeedsFiveFactors() {
    List<SweepFactor> factors = SweepPlan.seedFactors(BASE, false);

    assertThat(factors)
        .extracting(SweepFactor::name)
        .containsExactly("lr", "batch_size", "optimizer", "layers", "epochs");
    assertThat(factors.get(0).values()).containsExactly("1e-5", "1e-4", "1e-3", "1e-2", "1e-1");
    assertThat(factors.get(2).values()).hasSize(7);
    assertThat(SweepPlan.seedFactors(BASE, true).get(0).values()).hasSize(4);
  }

  @Test
  void rejectsAGridOfFactorsItDoesNotSweepAndBadEpochs() {
    assertThatThrownBy(() -> plan(List.of("lr", "momentum"), "lr=1e-3,1e-2"))
        .hasMessageStartingWith("--grid names momentum, which is not a factor of this sweep");
    assertThatThrownBy(() -> plan(List.of("lr"), "lr=1e-3,1e-2"))
        .hasMessage("--grid must name two different factors, got lr");
    assertThatThrownBy(() -> plan(List.of(), "epochs=0,5"))
        .hasMessage("factor epochs=0: epochs must be a whole number >= 1");
    assertThatThrownBy(() -> plan(List.of(), "lr=1e-3", "lr=1e-2"))
        .hasMessageStartingWith("a factor is given twice");
  }

  @Test
  void refusesAFactorValueTooBigForThisMachineBeforeAnythingIsQueued() {
    assertThatThrownBy(
            () ->
                plan(
                    List.of(),
                    "lr=1e-3,1e-2",
                    "layers=linear(64),relu,linear(10);linear(1e9),relu,linear(10)"))
        .hasMessage(
            "factor layers=linear(1e9),relu,linear(10): network needs about 13.0 TiB "
                + "(795,000,000,010 parameters at batch 100 with adam), more than this machine's "
                + MemoryEstimate.size(MachineMemory.totalBytes())
                + " of memory");
  }
}
