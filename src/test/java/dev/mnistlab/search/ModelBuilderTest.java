package dev.mnistlab.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mnistlab.InvalidInputException;
import dev.mnistlab.model.ModelSpec;
import dev.mnistlab.model.ModelSummary;
import dev.mnistlab.train.OptimizerKind;
import dev.mnistlab.train.ScheduleKind;
import dev.mnistlab.train.TrainConfig;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ModelBuilderTest {
  private static final TrainConfig BASE = TrainConfig.defaults().withSeed(7);

  private static Map<String, Object> point(Object... pairs) {
    Map<String, Object> point = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      point.put((String) pairs[i], pairs[i + 1]);
    }
    return point;
  }

  @Test
  void buildsAnMlpPointIntoAConfigWhoseSpecParses() {
    TrainConfig config =
        ModelBuilder.build(
            point(
                "layers",
                2,
                "units_1",
                256,
                "units_2",
                128,
                "activation",
                "gelu",
                "dropout",
                0.2,
                "batch_norm",
                true,
                "optimizer",
                "adamw",
                "lr",
                0.003,
                "batch_size",
                64,
                "weight_decay",
                1e-4,
                "schedule",
                "cosine",
                "epochs",
                12,
                "normalize",
                true),
            BASE);

    assertThat(config.model())
        .isEqualTo(
            "linear(256),batchnorm,gelu,dropout(0.2),"
                + "linear(128),batchnorm,gelu,dropout(0.2),linear(10)");
    assertThat(ModelSpec.parse(config.model()).canonical()).isEqualTo(config.model());
    assertThat(config.optimizer()).isEqualTo(OptimizerKind.ADAMW);
    assertThat(config.lr()).isEqualTo(0.003);
    assertThat(config.batchSize()).isEqualTo(64);
    assertThat(config.weightDecay()).isEqualTo(1e-4);
    assertThat(config.schedule()).isEqualTo(ScheduleKind.COSINE);
    assertThat(config.epochs()).isEqualTo(12);
    assertThat(config.normalize()).isTrue();
  }

  @Test
  void dropoutOfZeroAddsNoLayer() {
    TrainConfig config =
        ModelBuilder.build(point("layers", 1, "units_1", 64, "dropout", 0.0), BASE);

    assertThat(config.model()).isEqualTo("linear(64),relu,linear(10)");
  }

  @Test
  void ignoresUnitsOfLayersBeyondTheCount() {
    TrainConfig config = ModelBuilder.build(point("layers", 1, "units_1", 64, "units_2", 32), BASE);

    assertThat(config.model()).isEqualTo("linear(64),relu,linear(10)");
  }

  @Test
  void countsHiddenLayersFromTheUnitsGivenWithoutLayers() {
    TrainConfig config =
        ModelBuilder.build(point("units_1", 300, "units_2", 100, "activation", "tanh"), BASE);

    assertThat(config.model()).isEqualTo("linear(300),tanh,linear(100),tanh,linear(10)");
  }

  @Test
  void takesEverythingThePointLeavesOutFromTheBase() {
    TrainConfig config = ModelBuilder.build(point("lr", 0.05), BASE);

    assertThat(config).isEqualTo(BASE.withRun(BASE.epochs(), BASE.batchSize(), 0.05));
    assertThat(config.seed()).isEqualTo(7);
    assertThat(config.model()).isEqualTo(TrainConfig.DEFAULT_MODEL);
  }

  @Test
  void appliesMomentumAndTheTrainingSettings() {
    TrainConfig config =
        ModelBuilder.build(
            point(
                "optimizer",
                "nesterov",
                "momentum",
                0.95,
                "warmup_epochs",
                2,
                "beta1",
                0.8,
                "beta2",
                0.99,
                "init",
                "kaiming"),
            BASE);

    assertThat(config.optimizer()).isEqualTo(OptimizerKind.NESTEROV);
    assertThat(config.momentum()).isEqualTo(0.95);
    assertThat(config.warmupEpochs()).isEqualTo(2);
    assertThat(config.beta1()).isEqualTo(0.8);
    assertThat(config.beta2()).isEqualTo(0.99);
    assertThat(config.init()).isEqualTo("kaiming");
    assertThat(ModelBuilder.build(point("optimizer", "sgd"), BASE).momentum())
        .isEqualTo(BASE.momentum());
  }

  @Test
  void acceptsWholeNumbersThatWentThroughJson() {
    TrainConfig config =
        ModelBuilder.build(point("layers", 1.0, "units_1", 128L, "batch_size", 32.0), BASE);

    assertThat(config.model()).isEqualTo("linear(128),relu,linear(10)");
    assertThat(config.batchSize()).isEqualTo(32);
  }

  @Test
  void buildsACnnPointWhoseShapesFit() {
    TrainConfig config =
        ModelBuilder.build(
            point(
                "conv_layers",
                2,
                "channels_1",
                32,
                "channels_2",
                64,
                "kernel",
                5,
                "pool",
                true,
                "dense_units",
                128,
                "dropout",
                0.25),
            BASE);

    assertThat(config.model())
        .isEqualTo(
            "conv2d(32,5,1,2),relu,maxpool(2),"
                + "conv2d(64,5,1,2),relu,maxpool(2),flatten,linear(128),relu,dropout(0.25),"
                + "linear(10)");
    ModelSpec spec = ModelSpec.parse(config.model());
    assertThat(spec.takesImage()).isTrue();
    ModelSummary summary = spec.describe();
    assertThat(summary.rows().get(6).outputShape()).isEqualTo("3136");
    assertThat(summary.rows().get(summary.rows().size() - 1).outputShape()).isEqualTo("10");
  }

  @Test
  void cnnWithoutDenseUnitsPutsDropoutBeforeTheOutput() {
    TrainConfig config =
        ModelBuilder.build(
            point(
                "conv_layers",
                1,
                "channels_1",
                8,
                "batch_norm",
                true,
                "dense_units",
                0,
                "dropout",
                0.5),
            BASE);

    assertThat(config.model())
        .isEqualTo("conv2d(8,3,1,1),batchnorm,relu,flatten,dropout(0.5),linear(10)");
    assertThat(ModelSpec.parse(config.model()).parameterCount())
        .isEqualTo(8 * 9 + 8 + 2 * 8 + 8 * 28 * 28 * 10 + 10);
  }

  @Test
  void cnnKeepsBatchNormInTheConvolutionBlocksAndOutOfTheDenseHead() {
    TrainConfig config =
        ModelBuilder.build(
            point(
                "conv_layers",
                3,
                "channels_1",
                32,
                "channels_2",
                64,
                "channels_3",
                128,
                "batch_norm",
                true,
                "pool",
                true,
                "dense_units",
                128,
                "dropout",
                0.3),
            BASE);

    assertThat(config.model())
        .isEqualTo(
            "conv2d(32,3,1,1),batchnorm,relu,maxpool(2),conv2d(64,3,1,1),batchnorm,relu,"
                + "maxpool(2),conv2d(128,3,1,1),batchnorm,relu,maxpool(2),flatten,"
                + "linear(128),relu,dropout(0.3),linear(10)");
  }

  @Test
  void rejectsAnUnknownName() {
    assertThatThrownBy(() -> ModelBuilder.build(point("learning_rate", 0.1), BASE))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith(
            "parameter 'learning_rate': not a setting the model builder "
                + "knows; known: layers, activation,");
  }

  @Test
  void rejectsAValueOfTheWrongType() {
    assertThatThrownBy(() -> ModelBuilder.build(point("batch_size", "64"), BASE))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("parameter 'batch_size' must be a whole number, got '64'");
    assertThatThrownBy(
            () -> ModelBuilder.build(point("layers", 1, "units_1", 64, "batch_norm", "yes"), BASE))
        .hasMessage("parameter 'batch_norm' must be true or false, got 'yes'");
  }

  @Test
  void rejectsALayerCountWithoutItsUnits() {
    assertThatThrownBy(() -> ModelBuilder.build(point("layers", 2, "units_1", 64), BASE))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("parameter 'layers' is 2 but the point has no 'units_2'");
  }

  @Test
  void rejectsAPointMixingMlpAndCnn() {
    assertThatThrownBy(
            () -> ModelBuilder.build(point("layers", 1, "units_1", 64, "conv_layers", 1), BASE))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("a point describes an MLP (layers, units_K) or a CNN");
  }

  @Test
  void rejectsNetworkSettingsWithoutANetwork() {
    assertThatThrownBy(() -> ModelBuilder.build(point("dropout", 0.1), BASE))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "parameter 'dropout' needs a network to apply to: add 'layers' or "
                + "'units_1' (MLP), or 'conv_layers' or 'channels_1' (CNN)");
  }

  @Test
  void reportsRulesBetweenSettingsFromTheConfig() {
    assertThatThrownBy(() -> ModelBuilder.build(point("epochs", 3, "warmup_epochs", 5), BASE))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("warm-up epochs must be between 0 and epochs (3), got 5");
  }

  @Test
  void knowsNumberedUnitsAndChannels() {
    assertThat(ModelBuilder.knownNames()).contains("units_K", "channels_K", "lr", "pool");
    assertThat(Settings.knows("units_12")).isTrue();
    assertThat(Settings.knows("channels_3")).isTrue();
    assertThat(Settings.knows("units_0")).isFalse();
    assertThat(Settings.knows("units_K")).isFalse();
  }

  @Test
  void everyPointOfARandomWalkThroughTheMlpSpaceBuilds() {
    SearchSpace mlp = SpaceReader.load("mlp");
    Random random = new Random(20240601);
    for (int i = 0; i < 2000; i++) {
      Map<String, Object> point = draw(mlp, random);
      assertThat(mlp.fits(point)).as("point %s", point).isTrue();
      TrainConfig config = ModelBuilder.build(point, BASE);
      ModelSpec spec = ModelSpec.parse(config.model());
      long linears =
          spec.layers().stream().filter(l -> l instanceof dev.mnistlab.model.Layer.Linear).count();
      assertThat(linears).as("point %s", point).isEqualTo((int) point.get("layers") + 1);
      assertThat(config.epochs()).isEqualTo(12);
      assertThat(config.normalize()).isTrue();
      assertThat(config.seed()).isEqualTo(7);
    }
  }

  @Test
  void everyPointOfARandomWalkThroughTheCnnSpaceBuilds() {
    SearchSpace cnn = SpaceReader.load("cnn");
    Random random = new Random(11);
    for (int i = 0; i < 1000; i++) {
      Map<String, Object> point = draw(cnn, random);
      assertThat(cnn.fits(point)).as("point %s", point).isTrue();
      ModelSpec spec = ModelSpec.parse(ModelBuilder.build(point, BASE).model());
      assertThat(spec.takesImage()).isTrue();
    }
  }

  /** Draws each parameter that applies, in order, hitting the ends of ranges now and then. */
  private static Map<String, Object> draw(SearchSpace space, Random random) {
    Map<String, Object> point = new LinkedHashMap<>();
    for (Param p : space.params()) {
      if (SearchSpace.applies(p, point)) {
        point.put(p.name(), value(p.distribution(), random));
      }
    }
    return point;
  }

  private static Object value(Distribution d, Random random) {
    double u = random.nextDouble();
    int end = u < 0.1 ? -1 : u > 0.9 ? 1 : 0;
    if (d instanceof Distribution.IntRange r) {
      int steps = (r.high() - r.low()) / r.step();
      int k = end < 0 ? 0 : end > 0 ? steps : random.nextInt(steps + 1);
      if (r.log() && end == 0) {
        double x =
            Math.exp(
                Math.log(r.low()) + random.nextDouble() * (Math.log(r.high()) - Math.log(r.low())));
        return (int) Math.min(r.high(), Math.max(r.low(), Math.round(x)));
      }
      return r.low() + k * r.step();
    }
    if (d instanceof Distribution.FloatRange r) {
      if (end != 0) {
        return end < 0 ? r.low() : r.high();
      }
      if (r.step() > 0) {
        int steps = (int) Math.floor((r.high() - r.low()) / r.step() + 1e-9);
        return r.low() + random.nextInt(steps + 1) * r.step();
      }
      return r.log()
          ? Math.exp(
              Math.log(r.low()) + random.nextDouble() * (Math.log(r.high()) - Math.log(r.low())))
          : r.low() + random.nextDouble() * (r.high() - r.low());
    }
    if (d instanceof Distribution.Choice c) {
      return c.choices().get(random.nextInt(c.choices().size()));
    }
    return ((Distribution.Fixed) d).value();
  }

  @Test
  void setsAugmentationFromAStringChoice() {
    assertThat(ModelBuilder.build(point("augment", "shift=2, rotate=5"), BASE).augment())
        .isEqualTo("rotate=5,shift=2");
    assertThat(ModelBuilder.build(point("lr", 0.05), BASE).augment()).isEqualTo(BASE.augment());
    assertThatThrownBy(() -> ModelBuilder.build(point("augment", "zoom=2"), BASE))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("parameter 'augment': --augment: unknown key 'zoom'");
  }

  @Test
  void setsLabelSmoothingFromThePointAndKeepsTheBasesOtherwise() {
    assertThat(ModelBuilder.build(point("label_smoothing", 0.1), BASE).labelSmoothing())
        .isEqualTo(0.1);
    assertThat(ModelBuilder.build(point("lr", 0.05), BASE).labelSmoothing())
        .isEqualTo(BASE.labelSmoothing());
  }

  @Test
  void setsEmaFromThePointAndKeepsTheBasesOtherwise() {
    assertThat(ModelBuilder.build(point("ema", 0.99), BASE).ema()).isEqualTo(0.99);
    assertThat(ModelBuilder.build(point("lr", 0.05), BASE).ema()).isEqualTo(BASE.ema());
  }
}
