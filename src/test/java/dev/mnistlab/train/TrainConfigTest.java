package dev.mnistlab.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mnistlab.InvalidInputException;
import org.junit.jupiter.api.Test;

class TrainConfigTest {
  private static final TrainConfig D = TrainConfig.defaults();

  @Test
  void defaultsAreTheSeedsFinalTrial() {
    assertThat(D.model()).isEqualTo("linear(512),relu,linear(256),relu,linear(10)");
    assertThat(D.epochs()).isEqualTo(20);
    assertThat(D.batchSize()).isEqualTo(100);
    assertThat(D.lr()).isEqualTo(1e-3);
    assertThat(D.optimizer()).isEqualTo(OptimizerKind.ADAM);
    assertThat(D.valSize()).isEqualTo(5000);
  }

  @Test
  void rejectsNonPositiveLearningRate() {
    assertThatThrownBy(() -> D.withRun(1, 1, -0.1))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("learning rate must be > 0, got -0.1");
    assertThatThrownBy(() -> D.withRun(1, 1, 0)).hasMessage("learning rate must be > 0, got 0.0");
  }

  @Test
  void rejectsBatchSizeBelowOne() {
    assertThatThrownBy(() -> D.withRun(1, 0, 0.1))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("batch size must be >= 1, got 0");
  }

  @Test
  void rejectsEpochsBelowOne() {
    assertThatThrownBy(() -> D.withRun(0, 1, 0.1))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("epochs must be >= 1, got 0");
  }

  @Test
  void rejectsMomentumOutsideUnitInterval() {
    assertThatThrownBy(
            () ->
                new TrainConfig(
                    D.model(),
                    1,
                    1,
                    0.1,
                    OptimizerKind.MOMENTUM,
                    1.0,
                    0,
                    0.9,
                    0.999,
                    ScheduleKind.CONSTANT,
                    0,
                    1,
                    0,
                    0,
                    0,
                    0,
                    "last",
                    false,
                    "pytorch",
                    1))
        .hasMessage("momentum must be in [0, 1), got 1.0");
  }

  @Test
  void rejectsWarmupLongerThanTheRun() {
    assertThatThrownBy(
            () ->
                new TrainConfig(
                    D.model(),
                    3,
                    1,
                    0.1,
                    OptimizerKind.ADAM,
                    0.9,
                    0,
                    0.9,
                    0.999,
                    ScheduleKind.COSINE,
                    4,
                    1,
                    0,
                    0,
                    0,
                    0,
                    "last",
                    false,
                    "pytorch",
                    1))
        .hasMessage("warm-up epochs must be between 0 and epochs (3), got 4");
  }

  @Test
  void rejectsUnknownValidationSplit() {
    assertThatThrownBy(
            () ->
                new TrainConfig(
                    D.model(),
                    3,
                    1,
                    0.1,
                    OptimizerKind.ADAM,
                    0.9,
                    0,
                    0.9,
                    0.999,
                    ScheduleKind.COSINE,
                    0,
                    1,
                    0,
                    0,
                    0,
                    0,
                    "middle",
                    false,
                    "pytorch",
                    1))
        .hasMessage("validation split must be 'last' or 'random', got 'middle'");
  }

  @Test
  void copiesChangeOnlyTheirField() {
    TrainConfig copy = D.withSeed(9).withThreads(2).withTrainLimit(500);

    assertThat(copy.seed()).isEqualTo(9);
    assertThat(copy.threads()).isEqualTo(2);
    assertThat(copy.trainLimit()).isEqualTo(500);
    assertThat(copy.withSeed(D.seed()).withThreads(0).withTrainLimit(0)).isEqualTo(D);
  }

  @Test
  void storesAugmentationInItsCanonicalFormAndNoneByDefault() {
    assertThat(D.augment()).isEqualTo("none");
    assertThat(D.augments()).isFalse();
    TrainConfig augmented = D.withAugment("shift=2, rotate=12");

    assertThat(augmented.augment()).isEqualTo("rotate=12,shift=2");
    assertThat(augmented.augments()).isTrue();
  }

  @Test
  void rejectsBadAugmentationNamingTheRule() {
    assertThatThrownBy(() -> D.withAugment("rotate=200"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("--augment: rotate must be >= 0 and < 180 degrees, got 200");
  }

  @Test
  void readsAStoredConfigWithoutAugmentAsNone() throws Exception {
    ObjectNode stored = JsonFormat.MAPPER.valueToTree(D);
    stored.remove("augment");

    TrainConfig read = JsonFormat.MAPPER.treeToValue(stored, TrainConfig.class);

    assertThat(read).isEqualTo(D);
    assertThat(read.augment()).isEqualTo("none");
  }

  @Test
  void writesAndReadsAugmentInJson() throws Exception {
    TrainConfig augmented = D.withAugment("rotate=12,elastic=34");
    String json = JsonFormat.MAPPER.writeValueAsString(augmented);

    assertThat(json).contains("\"augment\" : \"rotate=12,elastic=34:4\"");
    assertThat(JsonFormat.MAPPER.readValue(json, TrainConfig.class)).isEqualTo(augmented);
  }

  @Test
  void labelSmoothingAndEmaAreOffByDefault() {
    assertThat(D.labelSmoothing()).isZero();
    assertThat(D.smoothsLabels()).isFalse();
    assertThat(D.ema()).isZero();
    assertThat(D.averagesWeights()).isFalse();
    assertThat(D.withLabelSmoothing(0.1).smoothsLabels()).isTrue();
    assertThat(D.withEma(0.999).averagesWeights()).isTrue();
  }

  @Test
  void rejectsLabelSmoothingOutsideZeroToOne() {
    assertThatThrownBy(() -> D.withLabelSmoothing(1.5))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("label smoothing must be >= 0 and < 1, got 1.5");
    assertThatThrownBy(() -> D.withLabelSmoothing(-0.1))
        .hasMessage("label smoothing must be >= 0 and < 1, got -0.1");
    assertThatThrownBy(() -> D.withLabelSmoothing(1))
        .hasMessage("label smoothing must be >= 0 and < 1, got 1.0");
    assertThatThrownBy(() -> D.withLabelSmoothing(Double.NaN))
        .hasMessage("label smoothing must be >= 0 and < 1, got NaN");
  }

  @Test
  void rejectsEmaDecayOutsideZeroToOne() {
    assertThatThrownBy(() -> D.withEma(1))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("EMA decay must be > 0 and < 1 (or 0 for none), got 1.0");
    assertThatThrownBy(() -> D.withEma(-0.5))
        .hasMessage("EMA decay must be > 0 and < 1 (or 0 for none), got -0.5");
    assertThatThrownBy(() -> D.withEma(Double.NaN))
        .hasMessage("EMA decay must be > 0 and < 1 (or 0 for none), got NaN");
  }

  @Test
  void readsAStoredConfigWithoutLabelSmoothingOrEmaAsOff() throws Exception {
    ObjectNode stored = JsonFormat.MAPPER.valueToTree(D);
    stored.remove("label_smoothing");
    stored.remove("ema");

    TrainConfig read = JsonFormat.MAPPER.treeToValue(stored, TrainConfig.class);

    assertThat(read).isEqualTo(D);
    assertThat(read.labelSmoothing()).isZero();
    assertThat(read.ema()).isZero();
  }

  @Test
  void writesAndReadsLabelSmoothingAndEmaInJson() throws Exception {
    TrainConfig set = D.withLabelSmoothing(0.1).withEma(0.999);
    String json = JsonFormat.MAPPER.writeValueAsString(set);

    assertThat(json).contains("\"label_smoothing\" : 0.1").contains("\"ema\" : 0.999");
    assertThat(JsonFormat.MAPPER.readValue(json, TrainConfig.class)).isEqualTo(set);
  }
}
