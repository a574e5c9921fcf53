package dev.mnistlab.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mnistlab.InvalidInputException;
import dev.mnistlab.train.OptimizerKind;
import dev.mnistlab.train.ScheduleKind;
import dev.mnistlab.train.TrainConfig;
import org.junit.jupiter.api.Test;

class FactorSettingTest {
  private static final TrainConfig BASE = TrainConfig.defaults();

  @Test
  void setsAnyTrainSettingByItsSnakeCaseName() {
    assertThat(FactorSetting.apply(BASE, "lr", "0.01").lr()).isEqualTo(0.01);
    assertThat(FactorSetting.apply(BASE, "batch_size", "256").batchSize()).isEqualTo(256);
    assertThat(FactorSetting.apply(BASE, "weight_decay", "1e-4").weightDecay()).isEqualTo(1e-4);
    assertThat(FactorSetting.apply(BASE, "schedule", "cosine").schedule())
        .isEqualTo(ScheduleKind.COSINE);
    assertThat(FactorSetting.apply(BASE, "normalize", "true").normalize()).isTrue();
    assertThat(FactorSetting.apply(BASE, "lr", "0.01")).isEqualTo(BASE.withRun(20, 100, 0.01));
  }

  @Test
  void givesEachOptimizerTheSameEffectiveStepAsSgdAtPointOne() {
    TrainConfig momentum = FactorSetting.apply(BASE, "optimizer", "momentum");

    assertThat(momentum.optimizer()).isEqualTo(OptimizerKind.MOMENTUM);
    assertThat(momentum.lr() / (1 - momentum.momentum())).isEqualTo(0.1, within());
    assertThat(FactorSetting.apply(BASE, "optimizer", "sgd").lr()).isEqualTo(0.1);
    assertThat(FactorSetting.apply(BASE, "optimizer", "adam").lr()).isEqualTo(1e-3);
    assertThat(FactorSetting.apply(BASE, "optimizer", "adagrad").lr()).isEqualTo(1e-2);
    assertThat(FactorSetting.apply(BASE, "optimizer", "adamw").weightDecay()).isEqualTo(0.01);
    assertThat(FactorSetting.apply(BASE, "optimizer", "adam").weightDecay()).isZero();
    for (OptimizerKind kind : OptimizerKind.values()) {
      assertThat(FactorSetting.fairLr(kind)).as(kind.cliName()).isPositive();
    }
  }

  @Test
  void rewritesTheLayerSpecForLayersActivationAndDropout() {
    assertThat(FactorSetting.apply(BASE, "layers", "linear(32), relu, linear(10)").model())
        .isEqualTo("linear(32),relu,linear(10)");
    assertThat(FactorSetting.apply(BASE, "activation", "tanh").model())
        .isEqualTo("linear(512),tanh,linear(256),tanh,linear(10)");
    assertThat(FactorSetting.activation("linear(64),relu,linear(10),sigmoid", "gelu"))
        .isEqualTo("linear(64),gelu,linear(10),sigmoid");
    assertThat(FactorSetting.apply(BASE, "dropout", "0.2").model())
        .isEqualTo("linear(512),relu,dropout(0.2),linear(256),relu,dropout(0.2),linear(10)");
    assertThat(FactorSetting.dropout("linear(512),relu,dropout(0.5),linear(10)", 0))
        .isEqualTo("linear(512),relu,linear(10)");
  }

  @Test
  void rejectsBadValuesNamingTheFactorAndTheValue() {
    assertThatThrownBy(() -> FactorSetting.apply(BASE, "lr", "-1"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("factor lr=-1: learning rate must be > 0, got -1.0");
    assertThatThrownBy(() -> FactorSetting.apply(BASE, "optimizer", "lion"))
        .hasMessageStartingWith("factor optimizer=lion: unknown optimizer 'lion'");
    assertThatThrownBy(() -> FactorSetting.apply(BASE, "activation", "swish"))
        .hasMessageStartingWith("factor activation=swish: activation must be one of gelu,");
    assertThatThrownBy(() -> FactorSetting.apply(BASE, "batch_size", "big"))
        .hasMessageStartingWith("factor batch_size=big:");
    assertThatThrownBy(() -> FactorSetting.apply(BASE, "colour", "red"))
        .hasMessageContaining(
            "unknown factor 'colour': allowed are activation, augment, batch_size");
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(1e-12);
  }

  @Test
  void setsAugmentationAsAFactor() {
    assertThat(FactorSetting.apply(BASE, "augment", "shift=2").augment()).isEqualTo("shift=2");
    assertThatThrownBy(() -> FactorSetting.apply(BASE, "augment", "shift=20"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "factor augment=shift=20: --augment: shift must be >= 0 and < 14 pixels, got 20");
  }

  @Test
  void setsLabelSmoothingAsAFactor() {
    assertThat(FactorSetting.apply(BASE, "label_smoothing", "0.1").labelSmoothing()).isEqualTo(0.1);
    assertThatThrownBy(() -> FactorSetting.apply(BASE, "label_smoothing", "1.5"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("factor label_smoothing=1.5: label smoothing must be >= 0 and < 1, got 1.5");
  }

  @Test
  void setsEmaAsAFactor() {
    assertThat(FactorSetting.apply(BASE, "ema", "0.99").ema()).isEqualTo(0.99);
    assertThatThrownBy(() -> FactorSetting.apply(BASE, "ema", "1"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("factor ema=1: EMA decay must be > 0 and < 1 (or 0 for none), got 1.0");
  }
}
