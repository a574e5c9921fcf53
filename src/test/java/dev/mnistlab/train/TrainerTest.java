package dev.mnistlab.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import dev.mnistlab.InvalidInputException;
import dev.mnistlab.data.Dataset;
import dev.mnistlab.model.Init;
import dev.mnistlab.model.ModelSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TrainerTest {
  private static final Dataset DATA = SyntheticDigits.dataset(600, 100, 100);
  private static final String SMALL = "linear(32),relu,linear(10)";

  static TrainConfig config(String model, int epochs, int batch, double lr) {
    return TrainConfig.defaults()
        .withModel(model)
        .withRun(epochs, batch, lr)
        .withThreads(1)
        .withSeed(3);
  }

  static TrainResult train(TrainConfig config, Dataset data) {
    return train(config, data, block -> {});
  }

  static TrainResult train(TrainConfig config, Dataset data, Consumer<Block> whenComplete) {
    ModelSpec spec = ModelSpec.parse(config.model());
    ThreadSettings threads =
        ThreadSettings.choose(config.threads(), spec.parameterCount(), config.batchSize());
    threads.apply();
    return new Trainer(config, TrainingListener.NONE)
        .train(
            new Network(spec.build(), Init.parse(config.init())::apply),
            data,
            Provenance.capture(threads, "synthetic", Map.of()),
            whenComplete);
  }

  @Test
  void learnsSeparableDigitsAndEvaluatesTestOnce() {
    TrainResult result = train(config(SMALL, 3, 20, 1e-2), DATA);

    assertThat(result.state()).isEqualTo(RunState.COMPLETE);
    assertThat(result.epochs()).hasSize(3);
    assertThat(result.lastEpoch().valAccuracy()).isGreaterThan(0.9);
    assertThat(result.test().accuracy()).isGreaterThan(0.9);
    assertThat(result.epochs().get(2).trainLoss()).isLessThan(result.epochs().get(0).trainLoss());
  }

  @Test
  void sameSeedGivesIdenticalNumbers() {
    TrainConfig config = config("linear(32),relu,dropout(0.3),linear(10)", 2, 16, 1e-3);

    TrainResult first = train(config, DATA);
    TrainResult second = train(config, DATA);

    assertThat(losses(second)).containsExactlyElementsOf(losses(first));
    assertThat(second.test()).isEqualTo(first.test());
    assertThat(second.steps()).isEqualTo(first.steps());
  }

  @Test
  void differentSeedsGiveDifferentNumbers() {
    TrainConfig config = config(SMALL, 1, 16, 1e-3);

    TrainResult first = train(config, DATA);
    TrainResult second = train(config.withSeed(4), DATA);

    assertThat(losses(second)).isNotEqualTo(losses(first));
  }

  @Test
  void nonFiniteLossEndsRunAsDivergedAtItsStep() {
    TrainConfig config =
        new TrainConfig(
            SMALL,
            3,
            20,
            1e12,
            OptimizerKind.SGD,
            0.9,
            0,
            0.9,
            0.999,
            ScheduleKind.CONSTANT,
            0,
            3,
            1,
            0,
            0,
            100,
            "last",
            false,
            "pytorch",
            1);

    TrainResult result = train(config, DATA);

    assertThat(result.state()).isEqualTo(RunState.DIVERGED);
    assertThat(result.divergedAtStep()).isPositive();
    assertThat(result.message()).contains("at step " + result.divergedAtStep());
    assertThat(result.steps())
        .allSatisfy(s -> assertThat(s.step()).isLessThan(result.divergedAtStep()));
    assertThat(result.test()).isEqualTo(Evaluation.NONE);
  }

  @Test
  void rejectsBatchLargerThanTrainingSet() {
    assertThatThrownBy(() -> train(config(SMALL, 1, 601, 1e-3), DATA))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("batch size must be <= the number of training images (600), got 601");
  }

  @Test
  void stopsEarlyWhenValidationLossStopsFalling() {
    Dataset noisy = SyntheticDigits.dataset(300, 100, 100, true);
    TrainConfig config =
        new TrainConfig(
            SMALL,
            40,
            10,
            1e-2,
            OptimizerKind.ADAM,
            0.9,
            0,
            0.9,
            0.999,
            ScheduleKind.CONSTANT,
            0,
            3,
            1,
            2,
            0,
            100,
            "last",
            false,
            "pytorch",
            10);

    TrainResult result = train(config, noisy);

    assertThat(result.state()).isEqualTo(RunState.COMPLETE);
    assertThat(result.epochs().size()).isLessThan(40);
    assertThat(result.message()).startsWith("stopped early after epoch " + result.epochs().size());
  }

  @Test
  void samplesEveryKthStepLoss() {
    TrainConfig base = config(SMALL, 2, 20, 1e-3);
    TrainConfig config =
        new TrainConfig(
            base.model(),
            2,
            20,
            1e-3,
            OptimizerKind.ADAM,
            0.9,
            0,
            0.9,
            0.999,
            ScheduleKind.CONSTANT,
            0,
            3,
            1,
            0,
            0,
            100,
            "last",
            false,
            "pytorch",
            7);

    TrainResult result = train(config, DATA);

    // 600 images in batches of 20: 30 steps an epoch, 60 in all; every 7th is kept.
    assertThat(result.steps())
        .extracting(StepLoss::step)
        .containsExactly(7L, 14L, 21L, 28L, 35L, 42L, 49L, 56L);
    assertThat(result.steps().get(4).epoch()).isEqualTo(2);
  }

  @Test
  void reportsScheduledLearningRatePerEpoch() {
    TrainConfig config =
        new TrainConfig(
            SMALL,
            3,
            20,
            1e-2,
            OptimizerKind.ADAM,
            0.9,
            0,
            0.9,
            0.999,
            ScheduleKind.STEP,
            0,
            3,
            1,
            0,
            0,
            100,
            "last",
            false,
            "pytorch",
            10);

    TrainResult result = train(config, DATA);

    assertThat(result.epochs())
        .extracting(EpochMetrics::lr)
        .usingElementComparator((a, b) -> Math.abs(a - b) < 1e-15 ? 0 : Double.compare(a, b))
        .containsExactly(1e-2, 1e-3, 1e-4);
  }

  @Test
  void sigmoidLastLayerNeverGoesBelowLossFloor() {
    TrainResult result = train(config("linear(32),relu,linear(10),sigmoid", 3, 10, 1e-2), DATA);
    double floor = Math.log(1 + 9 / Math.E);

    assertThat(result.epochs()).allSatisfy(e -> assertThat(e.trainLoss()).isGreaterThan(floor));
    assertThat(result.steps()).allSatisfy(s -> assertThat(s.loss()).isGreaterThan(floor - 1e-6));
  }

  @ParameterizedTest
  @EnumSource(OptimizerKind.class)
  void everyOptimizerLowersTheLoss(OptimizerKind kind) {
    double lr =
        switch (kind) {
          case SGD, MOMENTUM, NESTEROV, ADAGRAD -> 0.05;
          default -> 1e-3;
        };
    TrainConfig config =
        new TrainConfig(
            SMALL,
            3,
            20,
            lr,
            kind,
            0.9,
            0,
            0.9,
            0.999,
            ScheduleKind.CONSTANT,
            0,
            3,
            1,
            0,
            0,
            100,
            "last",
            false,
            "pytorch",
            10);

    TrainResult result = train(config, DATA);

    assertThat(result.state()).as(result.message()).isEqualTo(RunState.COMPLETE);
    assertThat(result.epochs().get(2).trainLoss()).isLessThan(result.epochs().get(0).trainLoss());
  }

  @Test
  void trainsConvolutionalNetwork() {
    TrainResult result =
        train(config("conv2d(4,3),relu,maxpool(2),flatten,linear(10)", 2, 20, 1e-2), DATA);

    assertThat(result.state()).isEqualTo(RunState.COMPLETE);
    assertThat(result.lastEpoch().valAccuracy()).isGreaterThan(0.5);
  }

  private static List<Double> losses(TrainResult result) {
    return result.epochs().stream()
        .flatMap(e -> List.of(e.trainLoss(), e.trainLossLastBatch(), e.valLoss()).stream())
        .toList();
  }

  @Test
  void augmentationNeverChangesTheDatasetsArraysAndRepeatsWithTheSeed() {
    Dataset data = SyntheticDigits.dataset(300, 50, 50);
    float[] trainX = data.trainX().clone();
    float[] valX = data.valX().clone();
    float[] testX = data.testX().clone();
    TrainConfig config = config(SMALL, 2, 20, 1e-2).withAugment("rotate=15,shift=2,scale=0.1");

    TrainResult first = train(config, data);
    TrainResult second = train(config, data);

    assertThat(first.state()).isEqualTo(RunState.COMPLETE);
    assertThat(data.trainX()).isEqualTo(trainX);
    assertThat(data.valX()).isEqualTo(valX);
    assertThat(data.testX()).isEqualTo(testX);
    assertThat(losses(second)).containsExactlyElementsOf(losses(first));
    assertThat(second.test()).isEqualTo(first.test());
  }

  @Test
  void augmentationChangesOnlyTrainingLosses() {
    // Validation loss after a step differs only through the weights; with a learning rate of
    // almost 0 the weights stay put, so only the training images can differ.
    TrainConfig still = config(SMALL, 1, 20, 1e-12);

    TrainResult plain = train(still, DATA);
    TrainResult augmented = train(still.withAugment("shift=3"), DATA);

    assertThat(augmented.epochs().get(0).trainLoss())
        .isNotEqualTo(plain.epochs().get(0).trainLoss());
    assertThat(augmented.epochs().get(0).valLoss()).isEqualTo(plain.epochs().get(0).valLoss());
    assertThat(augmented.test()).isEqualTo(plain.test());
  }

  @Test
  void augmentsBatchesAcrossChunkBoundariesAndAPartialLastBatch() {
    // 4,500 images in batches of 64: chunks of 4,096, and a last batch of 20.
    Dataset data = SyntheticDigits.dataset(4500, 50, 50);
    TrainConfig config = config(SMALL, 1, 64, 1e-2).withAugment("rotate=5");

    TrainResult result = train(config, data);

    assertThat(result.state()).isEqualTo(RunState.COMPLETE);
    assertThat(result.epochs().get(0).trainLoss()).isFinite();
  }

  @Test
  void labelSmoothingChangesOnlyTheTrainingLossAndZeroChangesNothing() {
    TrainConfig plain = config(SMALL, 1, 20, 1e-2);

    TrainResult smoothed = train(plain.withLabelSmoothing(0.2), DATA);
    TrainResult again = train(plain, DATA);
    TrainResult zero = train(plain.withLabelSmoothing(0), DATA);

    // The smoothed target's loss cannot reach 0: its entropy is its floor.
    assertThat(smoothed.epochs().get(0).trainLoss())
        .isNotEqualTo(again.epochs().get(0).trainLoss());
    assertThat(losses(zero)).containsExactlyElementsOf(losses(again));
    assertThat(zero.test()).isEqualTo(again.test());
  }

  @Test
  void emaEvaluatesTheAveragedWeightsAndLeavesTrainingAlone() {
    TrainConfig plain = config(SMALL, 2, 20, 5e-2);

    TrainResult averaged = train(plain.withEma(0.99), DATA);
    TrainResult live = train(plain, DATA);

    // The average trails the live weights, so it measures other numbers; training is the same.
    assertThat(averaged.epochs().get(0).trainLoss()).isEqualTo(live.epochs().get(0).trainLoss());
    assertThat(averaged.epochs().get(1).trainLoss()).isEqualTo(live.epochs().get(1).trainLoss());
    assertThat(averaged.steps()).isEqualTo(live.steps());
    assertThat(averaged.epochs().get(0).valLoss()).isNotEqualTo(live.epochs().get(0).valLoss());
    assertThat(averaged.test().loss()).isNotEqualTo(live.test().loss());
  }

  @Test
  void emaAveragesBatchNormRunningStatisticsWithTheWeights() {
    TrainConfig plain = config("linear(32),batchnorm,relu,linear(10)", 2, 20, 1e-2);

    List<float[]> live = new ArrayList<>();
    TrainResult liveRun = train(plain, DATA, block -> live.addAll(runningMeans(block)));
    List<float[]> averaged = new ArrayList<>();
    TrainResult averagedRun =
        train(plain.withEma(0.9), DATA, block -> averaged.addAll(runningMeans(block)));

    // Training is the same either way, so equal statistics would mean they were not averaged.
    assertThat(averagedRun.steps()).isEqualTo(liveRun.steps());
    assertThat(live).hasSize(1);
    assertThat(averaged).hasSize(1);
    assertThat(averaged.get(0)).hasSameSizeAs(live.get(0)).isNotEqualTo(live.get(0));
    assertThat(averagedRun.state()).isEqualTo(RunState.COMPLETE);
    assertThat(averagedRun.test().accuracy()).isGreaterThan(0.9);
  }

  private static List<float[]> runningMeans(Block block) {
    List<float[]> means = new ArrayList<>();
    for (Parameter p : block.getParameters().values()) {
      if (p.getType() == Parameter.Type.RUNNING_MEAN) {
        means.add(p.getArray().toFloatArray());
      }
    }
    return means;
  }
}
