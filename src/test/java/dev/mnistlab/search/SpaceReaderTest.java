package dev.mnistlab.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mnistlab.InvalidInputException;
import dev.mnistlab.model.MachineMemory;
import dev.mnistlab.model.MemoryEstimate;
import dev.mnistlab.search.Distribution.Choice;
import dev.mnistlab.search.Distribution.Fixed;
import dev.mnistlab.search.Distribution.FloatRange;
import dev.mnistlab.search.Distribution.IntRange;
import dev.mnistlab.train.OptimizerKind;
import dev.mnistlab.train.ScheduleKind;
import dev.mnistlab.train.TrainConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpaceReaderTest {
  private static SearchSpace parse(String text) {
    return SpaceReader.parse(text, "s.yaml", "s");
  }

  private static void assertFails(String text, String message) {
    assertThatThrownBy(() -> parse(text))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(message);
  }

  @Test
  void readsTheMlpSpaceTheOptunaBenchmarkMirrors() {
    SearchSpace mlp = SpaceReader.load("mlp");

    assertThat(mlp.name()).isEqualTo("mlp");
    assertThat(mlp.params())
        .containsExactly(
            new Param("layers", new IntRange(1, 3, 1, false), null),
            new Param("units_1", new IntRange(64, 1024, 1, true), null),
            new Param(
                "units_2", new IntRange(64, 1024, 1, true), new Condition("layers", List.of(2, 3))),
            new Param(
                "units_3", new IntRange(64, 1024, 1, true), new Condition("layers", List.of(3))),
            new Param("activation", new Choice(List.of("relu", "gelu", "tanh")), null),
            new Param("dropout", new FloatRange(0.0, 0.5, 0.05, false), null),
            new Param("batch_norm", new Choice(List.of(false, true)), null),
            new Param(
                "optimizer",
                new Choice(List.of("sgd", "momentum", "nesterov", "adam", "adamw", "rmsprop")),
                null),
            new Param(
                "momentum",
                new FloatRange(0.8, 0.99, 0, false),
                new Condition("optimizer", List.of("momentum", "nesterov"))),
            new Param("lr", new FloatRange(1e-4, 1e-1, 0, true), null),
            new Param("batch_size", new Choice(List.of(32, 64, 128, 256)), null),
            new Param("weight_decay", new Choice(List.of(0.0, 1e-5, 1e-4, 1e-3)), null),
            new Param("schedule", new Choice(List.of("constant", "cosine")), null),
            new Param("epochs", new Fixed(12), null),
            new Param("normalize", new Fixed(true), null));
  }

  @Test
  void readsTheCnnSpace() {
    SearchSpace cnn = SpaceReader.load("cnn");

    assertThat(cnn.name()).isEqualTo("cnn");
    assertThat(cnn.params())
        .extracting(Param::name)
        .containsExactly(
            "conv_layers",
            "channels_1",
            "channels_2",
            "channels_3",
            "kernel",
            "batch_norm",
            "pool",
            "dense_units",
            "dropout",
            "optimizer",
            "momentum",
            "lr",
            "batch_size",
            "schedule",
            "augment",
            "label_smoothing",
            "ema",
            "epochs",
            "normalize");
    assertThat(cnn.param("conv_layers").distribution()).isEqualTo(new IntRange(1, 3, 1, false));
    assertThat(cnn.param("channels_2").condition())
        .isEqualTo(new Condition("conv_layers", List.of(2, 3)));
    assertThat(cnn.param("channels_3").condition())
        .isEqualTo(new Condition("conv_layers", List.of(3)));
    assertThat(cnn.param("kernel").distribution()).isEqualTo(new Choice(List.of(3, 5)));
    assertThat(cnn.param("batch_norm").distribution()).isEqualTo(new Choice(List.of(false, true)));
    assertThat(cnn.param("schedule").distribution())
        .isEqualTo(new Choice(List.of("constant", "cosine", "onecycle")));
    assertThat(cnn.param("augment").distribution())
        .isEqualTo(
            new Choice(
                List.of(
                    "none",
                    "rotate=5,shift=1",
                    "rotate=10,shift=2,scale=0.1",
                    "rotate=15,shift=3,scale=0.15")));
    assertThat(cnn.param("label_smoothing").distribution())
        .isEqualTo(new Choice(List.of(0.0, 0.05, 0.1)));
    assertThat(cnn.param("ema").distribution()).isEqualTo(new Choice(List.of(0.0, 0.999)));
    // A range, so that the pruner, not the space, decides how long a trial runs.
    assertThat(cnn.param("epochs").distribution()).isEqualTo(new IntRange(6, 20, 1, false));
    assertThat(cnn.param("normalize").distribution()).isEqualTo(new Fixed(true));
  }

  @Test
  void theBuiltInCnnSpaceStartsFromTheRecommendedCnn() {
    SearchSpace cnn = SpaceReader.load("cnn");
    TrainConfig defaults = TrainConfig.defaults();

    assertThat(cnn.first()).hasSize(1);
    assertThat(cnn.fits(cnn.first().get(0))).isTrue();
    TrainConfig first = ModelBuilder.build(cnn.first().get(0), defaults);

    TrainConfig recommended =
        new TrainConfig(
                "conv2d(32,3,1,1),batchnorm,relu,maxpool(2),conv2d(64,3,1,1),batchnorm,relu,"
                    + "maxpool(2),conv2d(128,3,1,1),batchnorm,relu,maxpool(2),flatten,"
                    + "linear(128),relu,dropout(0.3),linear(10)",
                20,
                128,
                3e-3,
                OptimizerKind.ADAM,
                defaults.momentum(),
                defaults.weightDecay(),
                defaults.beta1(),
                defaults.beta2(),
                ScheduleKind.ONECYCLE,
                defaults.warmupEpochs(),
                defaults.seed(),
                defaults.threads(),
                defaults.earlyStop(),
                defaults.trainLimit(),
                defaults.valSize(),
                defaults.valSplit(),
                true,
                defaults.init(),
                defaults.logEvery())
            .withAugment("rotate=10,shift=2,scale=0.1")
            .withLabelSmoothing(0.1)
            .withEma(0.999);
    assertThat(first).isEqualTo(recommended);
  }

  @Test
  void builtInTextsCarryACommentHeader() {
    for (String name : SpaceReader.builtIns()) {
      assertThat(SpaceReader.text(name))
          .startsWith("# The built-in search space for ")
          .contains("name: " + name + "\n");
    }
  }

  @Test
  void keepsTheFileOrderOfParameters() {
    SearchSpace space =
        parse(
            """
        params:
          lr: {float: [0.001, 0.1], log: true}
          epochs: 3
          batch_size: {choice: [64, 32]}
          schedule: {fixed: cosine}
        """);

    assertThat(space.params())
        .extracting(Param::name)
        .containsExactly("lr", "epochs", "batch_size", "schedule");
    assertThat(space.param("batch_size").distribution()).isEqualTo(new Choice(List.of(64, 32)));
    assertThat(space.param("schedule").distribution()).isEqualTo(new Fixed("cosine"));
  }

  @Test
  void conditionsMakeLaterParametersApplyOnlyForListedValues() {
    SearchSpace mlp = SpaceReader.load("mlp");

    Map<String, Object> two = Map.of("layers", 2, "optimizer", "adam");
    assertThat(SearchSpace.applies(mlp.param("units_2"), two)).isTrue();
    assertThat(SearchSpace.applies(mlp.param("units_3"), two)).isFalse();
    assertThat(SearchSpace.applies(mlp.param("momentum"), two)).isFalse();
    assertThat(SearchSpace.applies(mlp.param("momentum"), Map.of("optimizer", "nesterov")))
        .isTrue();
  }

  @Test
  void aSingleWhenValueNeedsNoList() {
    SearchSpace space =
        parse(
            """
        params:
          optimizer: {choice: [sgd, momentum]}
          momentum: {float: [0.5, 0.9], when: {optimizer: momentum}}
        """);

    assertThat(space.param("momentum").condition())
        .isEqualTo(new Condition("optimizer", List.of("momentum")));
  }

  @Test
  void namesTheSpaceAfterTheFileWhenItHasNoName(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("wide.yaml");
    Files.writeString(file, "params:\n  units_1: {int: [512, 2048]}\n");

    assertThat(SpaceReader.read(file).name()).isEqualTo("wide");
    assertThat(SpaceReader.load(file.toString()).params()).hasSize(1);
    assertThat(SpaceReader.text(file.toString())).contains("units_1");
  }

  @Test
  void rejectsAnUnknownNameThatIsNoFile() {
    assertThatThrownBy(() -> SpaceReader.load("transformer"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "unknown search space 'transformer': not a file, and the built-in spaces "
                + "are mlp, cnn");
    assertThatThrownBy(() -> SpaceReader.text("transformer"))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void rejectsAFileTooLargeBeforeTheYamlLibrarySeesIt(@TempDir Path dir) throws Exception {
    Path file = Files.write(dir.resolve("big.yaml"), "a".repeat(11_000_000).getBytes());

    assertThatThrownBy(() -> SpaceReader.read(file))
        .hasMessage("search space file " + file + " is too large: 11.0 MB, at most 1 MB");
  }

  @Test
  void rejectsABinaryFileAndADirectoryInWords(@TempDir Path dir) throws Exception {
    Path binary = Files.write(dir.resolve("bin.yaml"), new byte[] {0, 1, (byte) 0xff});
    Path folder = Files.createDirectory(dir.resolve("d.yaml"));

    assertThatThrownBy(() -> SpaceReader.read(binary))
        .hasMessage("search space file " + binary + " is not UTF-8 text; give a YAML file");
    assertThatThrownBy(() -> SpaceReader.read(folder))
        .hasMessage("search space file " + folder + " is a directory; give a YAML file");
  }

  @Test
  void rejectsAMissingFile(@TempDir Path dir) {
    Path missing = dir.resolve("none.yaml");

    assertThatThrownBy(() -> SpaceReader.read(missing))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("search space file not found: " + missing);
  }

  @Test
  void rejectsUnknownTopLevelKey() {
    assertFails(
        "name: x\nparam:\n  lr: 0.1\n",
        "s.yaml, line 2: unknown key 'param'; allowed: description, first, name, params");
  }

  @Test
  void rejectsUnknownParameterKey() {
    assertFails(
        "params:\n  lr:\n    float: [0.001, 0.1]\n    logscale: true\n",
        "s.yaml, line 4: parameter 'lr': unknown key 'logscale'; allowed: choice, fixed, "
            + "float, int, log, step, when");
  }

  @Test
  void rejectsLowAboveHigh() {
    assertFails(
        "params:\n  epochs: 2\n  layers: {int: [3, 1]}\n",
        "s.yaml, line 3: parameter 'layers': low must be <= high, got [3,1]");
  }

  @Test
  void rejectsLogRangeStartingAtZero() {
    assertFails(
        "params:\n  lr: {float: [0.0, 0.1], log: true}\n",
        "s.yaml, line 2: parameter 'lr': log needs low > 0, got 0.0");
  }

  @Test
  void rejectsStepWithLog() {
    assertFails(
        "params:\n  units_1:\n    int: [64, 1024]\n    log: true\n    step: 64\n",
        "s.yaml, line 5: parameter 'units_1': 'step' cannot be combined with 'log'");
  }

  @Test
  void rejectsEmptyChoice() {
    assertFails(
        "params:\n  optimizer: {choice: []}\n",
        "s.yaml, line 2: parameter 'optimizer': 'choice' must list at least one value");
  }

  @Test
  void rejectsWhenNamingAnUnknownParameter() {
    assertFails(
        """
        params:
          optimizer: {choice: [sgd, momentum]}
          momentum: {float: [0.8, 0.99], when: {optimiser: [momentum]}}
        """,
        "s.yaml, line 3: parameter 'momentum': 'when' names 'optimiser', which is not a "
            + "parameter of this space");
  }

  @Test
  void rejectsWhenNamingALaterParameter() {
    assertFails(
        """
        params:
          units_2: {int: [64, 256], when: {layers: [2]}}
          layers: {int: [1, 2]}
          units_1: 128
        """,
        "s.yaml, line 2: parameter 'units_2': 'when' names 'layers', which must come before "
            + "it");
  }

  @Test
  void rejectsWhenValueTheEarlierParameterCannotTake() {
    assertFails(
        """
        params:
          layers: {int: [1, 2]}
          units_1: 128
          units_2: {int: [64, 256], when: {layers: [4]}}
        """,
        "s.yaml, line 4: parameter 'units_2': 'when' value 4 is not one 'layers' can take");
  }

  @Test
  void rejectsANameTheModelBuilderDoesNotKnow() {
    assertFails(
        "params:\n  learning_rate: {float: [0.001, 0.1]}\n",
        "s.yaml, line 2: parameter 'learning_rate': not a setting the model builder knows; "
            + "known: layers, activation, dropout, batch_norm, conv_layers, kernel, pool, "
            + "dense_units, lr, batch_size, epochs, optimizer, momentum, weight_decay, "
            + "schedule, warmup_epochs, normalize, beta1, beta2, init, augment, label_smoothing, ema, "
            + "units_K, channels_K");
  }

  @Test
  void readsAugmentAsAChoiceOfSpecsAndRefusesABadOneWithItsLine() {
    assertThat(parse("params:\n  augment: {choice: [none, \"rotate=10,shift=2\"]}\n").params())
        .hasSize(1);
    assertFails(
        "params:\n  lr: 0.1\n  augment: {choice: [none, \"rotate=200\"]}\n",
        "s.yaml, line 3: parameter 'augment': --augment: rotate must be >= 0 and < 180 degrees,"
            + " got 200");
  }

  @Test
  void rejectsAValueTheSettingCannotTake() {
    assertFails(
        "params:\n  layers: 1\n  units_1: 64\n  activation: {choice: [relu, swish]}\n",
        "s.yaml, line 4: parameter 'activation' must be one of relu, gelu, tanh, sigmoid, "
            + "leaky_relu, got 'swish'");
    assertFails(
        "params:\n  optimizer: {choice: [adam, lion]}\n",
        "s.yaml, line 2: parameter 'optimizer': unknown optimizer 'lion': allowed are sgd, "
            + "momentum, nesterov, adam, adamw, rmsprop, adagrad");
    assertFails(
        "params:\n  dropout: {float: [0.0, 1.0]}\n  layers: 1\n  units_1: 8\n",
        "s.yaml, line 2: parameter 'dropout' must be in [0, 1), got 1.0");
  }

  @Test
  void rejectsMoreThanOneKind() {
    assertFails(
        "params:\n  lr: {float: [0.1, 0.2], choice: [0.1]}\n",
        "s.yaml, line 2: parameter 'lr': give exactly one of int, float, choice, fixed, got "
            + "float, choice");
  }

  @Test
  void rejectsYamlSyntaxErrorsWithTheirLine() {
    assertFails(
        "name: x\nparams:\n  lr: {float: [0.1, 0.2]\n  epochs: 3\n",
        "s.yaml, line 4: not valid YAML: expected ',' or '}', but got <scalar>");
  }

  @Test
  void rejectsAParameterGivenTwice() {
    assertFails(
        "params:\n  lr: 0.1\n  lr: 0.2\n", "s.yaml, line 3: not valid YAML: Duplicate field 'lr'");
  }

  @Test
  void rejectsASpaceWhoseLargestNetworkDoesNotFit() {
    assertFails(
        """
        params:
          conv_layers: {int: [1, 5]}
          channels_1: 8
          channels_2: 8
          channels_3: 8
          channels_4: 8
          channels_5: 8
          pool: true
        """,
        "s.yaml: with every parameter at its high end (last choice) the network does not "
            + "build: maxpool at layer 15 shrinks a side below 1: kernel 2 on 8x1x1");
  }

  @Test
  void rejectsASpaceMissingALayersUnits() {
    assertFails(
        "params:\n  layers: {int: [1, 2]}\n  units_1: 64\n",
        "s.yaml: with every parameter at its high end (last choice) the network does not "
            + "build: parameter 'layers' is 2 but the point has no 'units_2'");
  }

  @Test
  void refusesASpaceWhoseLargestNetworkIsTooBigForThisMachineNamingTheParameter() {
    assertFails(
        "params:\n  epochs: 2\n  units_1: {int: [32, 1000000000]}\n",
        "s.yaml, line 3: parameter 'units_1': the largest network, with units_1 = 1000000000, "
            + "needs about 13.0 TiB (795,000,000,010 parameters at batch 100 with adam), more "
            + "than this machine's "
            + machine()
            + " of memory");
  }

  @Test
  void blamesTheSizeParameterWhoseSmallestValueSavesTheMostMemory() {
    assertFails(
        """
        params:
          layers: {int: [1, 2]}
          units_1: {int: [64, 1024]}
          units_2: {int: [64, 400000000], when: {layers: [2]}}
          optimizer: {choice: [adamw, sgd]}
          batch_size: {choice: [256, 32]}
        """,
        "s.yaml, line 4: parameter 'units_2': the largest network, with units_2 = 400000000, "
            + "needs about 7.5 TiB (414,000,803,850 parameters at batch 256 with adamw), more "
            + "than this machine's "
            + machine()
            + " of memory");
  }

  @Test
  void namesAFixedSizeThatIsTooBig() {
    assertFails(
        "params:\n  lr: {float: [0.001, 0.1]}\n  units_1: 1000000000\n",
        "s.yaml, line 3: parameter 'units_1': the largest network, with units_1 = 1000000000, "
            + "needs about 13.0 TiB (795,000,000,010 parameters at batch 100 with adam), more "
            + "than this machine's "
            + machine()
            + " of memory");
  }

  @Test
  void rejectsAnIntRangePastAnIntWithTheParametersRange() {
    assertFails(
        "params:\n  units_1: {int: [32, 1000000000000]}\n",
        "s.yaml, line 2: parameter 'units_1' must be between 1 and 2147483647, "
            + "got 1000000000000");
    assertFails(
        "params:\n  units_1: {int: [32, 1e12]}\n",
        "s.yaml, line 2: parameter 'units_1' must be between 1 and 2147483647, "
            + "got 1000000000000");
  }

  @Test
  void rejectsFixedAndChosenSizesPastAnIntWithTheParametersRange() {
    assertFails(
        "params:\n  channels_1: 1000000000000\n",
        "s.yaml, line 2: parameter 'channels_1' must be between 1 and 2147483647, "
            + "got 1000000000000");
    assertFails(
        "params:\n  batch_size: {choice: [64, 3000000000]}\n",
        "s.yaml, line 2: parameter 'batch_size' must be between 1 and 2147483647, "
            + "got 3000000000");
  }

  private static String machine() {
    return MemoryEstimate.size(MachineMemory.totalBytes());
  }

  // --- first points -----------------------------------------------------------------------

  private static final String FIRST =
      """
      params:
        layers: {int: [1, 2]}
        units_1: {int: [16, 64]}
        units_2: {int: [16, 64], when: {layers: [2]}}
        lr: {float: [1.0e-3, 1.0e-1], log: true}
        epochs: 3
      first:
      """;

  @Test
  void readsFirstPointsWithTheValueTypesSamplersGiveAndFixedValuesFilledIn() {
    SearchSpace space =
        parse(
            """
        params:
          units_1: {int: [16, 64]}
          weight_decay: {float: [0, 1]}
          epochs: 3
        first:
          - {units_1: 32, weight_decay: 0}
        """);

    assertThat(space.first())
        .containsExactly(java.util.Map.of("units_1", 32, "weight_decay", 0.0, "epochs", 3));
    assertThat(space.first().get(0).get("weight_decay")).isInstanceOf(Double.class);
    assertThat(space.fits(space.first().get(0))).isTrue();
  }

  @Test
  void theBuiltInMlpSpaceStartsFromTheSeedsFinalNetwork() {
    SearchSpace mlp = SpaceReader.load("mlp");

    assertThat(mlp.first()).hasSize(1);
    assertThat(mlp.fits(mlp.first().get(0))).isTrue();
    assertThat(
            ModelBuilder.build(mlp.first().get(0), dev.mnistlab.train.TrainConfig.defaults())
                .model())
        .isEqualTo("linear(512),relu,dropout(0.2),linear(256),relu,dropout(0.2)," + "linear(10)");
    assertThat(SpaceReader.load("cnn").first()).hasSize(1);
  }

  @Test
  void refusesAFirstPointThatIsNotAPointOfTheSpace() {
    assertFails(
        FIRST + "  - {layers: 1, units_1: 32}\n",
        "s.yaml, line 8: first point 1: no value for 'lr'");
    assertFails(
        FIRST + "  - {layers: 1, units_1: 32, lr: 0.01, units_2: 16}\n",
        "s.yaml, line 8: first point 1: 'units_2' does not apply here (its condition on "
            + "'layers' fails)");
    assertFails(
        FIRST + "  - {layers: 1, units_1: 8, lr: 0.01}\n",
        "s.yaml, line 8: first point 1: 'units_1' = 8 is not a value the space allows");
    assertFails(
        FIRST + "  - {layers: 1, units_1: 32, lr: 0.01, depth: 3}\n",
        "s.yaml, line 8: first point 1: 'depth' is not a parameter of the space");
  }

  @Test
  void readsLabelSmoothingAsARangeAndRefusesOneOutsideZeroToOneWithItsLine() {
    assertThat(parse("params:\n  label_smoothing: {choice: [0, 0.1]}\n").params()).hasSize(1);
    assertFails(
        "params:\n  lr: 0.1\n  label_smoothing: {choice: [0, 1.5]}\n",
        "s.yaml, line 3: parameter 'label_smoothing' must be in [0, 1), got 1.5");
  }
}
