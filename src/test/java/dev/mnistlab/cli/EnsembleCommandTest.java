package dev.mnistlab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mnistlab.train.HandSetModels;
import dev.mnistlab.train.JsonFormat;
import dev.mnistlab.train.TrainConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scores ensembles of networks set by hand: zero weights, so every image gets the softmax of the
 * biases, and every figure can be worked out on paper. The synthetic set's labels cycle through
 * 0-9, so each class is a tenth of the 30 test images and of the last 20 training images.
 */
class EnsembleCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;
  private Path data;

  @BeforeEach
  void writeData() {
    data = SyntheticMnist.write(tmp.resolve("data"));
  }

  /** Writes a saved linear(10) whose probabilities are {@code p} for every image. */
  private Path constantModel(String name, TrainConfig config, double... p) throws IOException {
    return savedModel(name, config, HandSetModels.constant(784, HandSetModels.logits(p)));
  }

  private Path savedModel(String name, TrainConfig config, byte[] params) throws IOException {
    Path dir = Files.createDirectories(tmp.resolve(name));
    Files.write(dir.resolve(SavedModel.PARAMS), params);
    Files.writeString(dir.resolve(SavedModel.CONFIG), JsonFormat.MAPPER.writeValueAsString(config));
    return dir;
  }

  private static TrainConfig config(long seed) {
    return config(seed, "last");
  }

  /** Returns linear(10)'s config with this seed, holding out 20 images chosen by {@code split}. */
  static TrainConfig config(long seed, String split) {
    ObjectNode c =
        JsonFormat.MAPPER.valueToTree(
            TrainConfig.defaults().withModel("linear(10)").withSeed(seed));
    c.put("val_size", 20);
    c.put("val_split", split);
    return JsonFormat.MAPPER.convertValue(c, TrainConfig.class);
  }

  // Model a puts 0.28 on class 0, model b 0.28 on class 9, each 0.08 on every other class.
  private static final double[] A = {0.28, 0.08, 0.08, 0.08, 0.08, 0.08, 0.08, 0.08, 0.08, 0.08};
  private static final double[] B = {0.08, 0.08, 0.08, 0.08, 0.08, 0.08, 0.08, 0.08, 0.08, 0.28};

  @Test
  void averagesTheModelsSoftmaxOutputsAsWorkedOutOnPaper() throws IOException {
    Path a = constantModel("a", config(1), A);
    Path b = constantModel("b", config(2), B);

    CliRun run =
        CliRun.of(
            "ensemble",
            "--model-dir",
            a.toString(),
            "--model-dir",
            b.toString(),
            "--data-dir",
            data.toString(),
            "--json",
            "-");

    assertThat(run.code()).as(run.err()).isZero();
    JsonNode scores = JSON.readTree(run.out());
    // Alone: -(ln 0.28 + 9 ln 0.08) / 10 each; each predicts one class, a tenth of the images.
    double alone = -(Math.log(0.28) + 9 * Math.log(0.08)) / 10;
    // Together: (0.18, 0.08 x 8, 0.18): -(2 ln 0.18 + 8 ln 0.08) / 10, lower than alone; the tie
    // between 0 and 9 goes to 0, still a tenth.
    double together = -(2 * Math.log(0.18) + 8 * Math.log(0.08)) / 10;
    for (String split : new String[] {"test", "validation"}) {
      for (JsonNode member : scores.get("members")) {
        assertThat(member.get(split).get("loss").asDouble()).isCloseTo(alone, within(1e-5));
        assertThat(member.get(split).get("accuracy").asDouble()).isEqualTo(0.1);
      }
      assertThat(scores.get("mean").get(split).get("loss").asDouble())
          .isCloseTo(alone, within(1e-5));
      assertThat(scores.get("ensemble").get(split).get("loss").asDouble())
          .isCloseTo(together, within(1e-5));
      assertThat(scores.get("ensemble").get(split).get("accuracy").asDouble()).isEqualTo(0.1);
    }
    assertThat(scores.get("members"))
        .extracting(m -> m.get("seed").asLong())
        .containsExactly(1L, 2L);
    assertThat(scores.get("shared_validation").asBoolean()).isTrue();
    assertThat(scores.get("validation").asText()).isEqualTo("last 20");
    assertThat(scores.get("tta").asInt()).isEqualTo(1);
  }

  @Test
  void printsEachModelThenTheirMeanThenTheEnsemble() throws IOException {
    Path a = constantModel("a", config(1), A);
    Path b = constantModel("b", config(2), B);

    CliRun run =
        CliRun.of(
            "ensemble",
            "--model-dir",
            a.toString(),
            "--model-dir",
            b.toString(),
            "--data-dir",
            data.toString());

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.outLines().get(0))
        .isEqualTo("ensemble of 2 saved model(s): the mean of their softmax outputs");
    assertThat(run.out())
        .contains("validation: last 20 training images, held out by every model")
        .containsPattern("(?m)^" + a + " +1 +0\\.1000 +0\\.1000 *$")
        .containsPattern("(?m)^" + b + " +2 +0\\.1000 +0\\.1000 *$")
        .containsPattern("(?m)^mean of 2 +0\\.1000 +0\\.1000 *$")
        .containsPattern("(?m)^ensemble of 2 +0\\.1000 +0\\.1000 *$");
    assertThat(run.err()).contains("scoring model 1 of 2: " + a);
  }

  @Test
  void validatesTheEnsembleOnlyWhenEveryModelHeldOutTheSameImages() throws IOException {
    Path a = constantModel("a", config(1, "random"), A);
    Path b = constantModel("b", config(2, "random"), B);

    CliRun run =
        CliRun.of(
            "ensemble",
            "--model-dir",
            a.toString(),
            "--model-dir",
            b.toString(),
            "--data-dir",
            data.toString());

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out())
        .contains(
            "validation: the models held out different images (random 20 (seed 1), random 20"
                + " (seed 2)); each is validated on its own, the ensemble on none")
        .containsPattern("(?m)^ensemble of 2 +- +0\\.1000 *$");
  }

  @Test
  void addsTestTimeAugmentationBesideThePlainFigures() throws IOException {
    Path a = constantModel("a", config(1), A);

    CliRun run =
        CliRun.of(
            "ensemble", "--model-dir", a.toString(), "--data-dir", data.toString(), "--tta", "3");

    assertThat(run.code()).as(run.err()).isZero();
    // A network that ignores its input scores every view alike.
    assertThat(run.out())
        .contains(
            "test-time augmentation: 3 views (the original + 2 warped by"
                + " rotate=8,shift=1,scale=0.05)")
        .contains("val acc, tta 3")
        .containsPattern("(?m)^ensemble of 1 +0\\.1000 +0\\.1000 +0\\.1000 +0\\.1000 *$");
  }

  @Test
  void rejectsAModelDirectoryThatDoesNotExist() throws IOException {
    Path a = constantModel("a", config(1), A);
    Path missing = tmp.resolve("no-such-model");

    CliRun run =
        CliRun.of(
            "ensemble",
            "--model-dir",
            a.toString(),
            "--model-dir",
            missing.toString(),
            "--data-dir",
            data.toString());

    assertThat(run.badInputLine())
        .isEqualTo(
            "mnist-lab ensemble: cannot use --model-dir "
                + missing
                + ": no such directory (write one with 'mnist-lab train --save DIR')");
  }

  @Test
  void rejectsModelsThatGiveDifferentNumbersOfClasses() throws IOException {
    Path a = constantModel("a", config(1), A);
    // Its config says linear(10), its parameters give 5 classes: DJL would load them as they are.
    Path five = savedModel("five", config(2), HandSetModels.constant(784, new float[5]));

    CliRun run =
        CliRun.of(
            "ensemble",
            "--model-dir",
            a.toString(),
            "--model-dir",
            five.toString(),
            "--data-dir",
            data.toString());

    assertThat(run.badInputLine())
        .isEqualTo(
            "mnist-lab ensemble: cannot ensemble models that give different numbers of classes: "
                + a
                + " gives 10, "
                + five
                + " gives 5");
  }

  @Test
  void rejectsAModelThatTakesAnotherInputShape() throws IOException {
    Path a = constantModel("a", config(1), A);
    Path wide = savedModel("wide", config(2), HandSetModels.constant(100, new float[10]));

    CliRun run =
        CliRun.of(
            "ensemble",
            "--model-dir",
            a.toString(),
            "--model-dir",
            wide.toString(),
            "--data-dir",
            data.toString());

    assertThat(run.badInputLine())
        .startsWith(
            "mnist-lab ensemble: cannot load "
                + wide.resolve("model.params")
                + ": its parameters do not take images of 784 pixels (");
  }

  @Test
  void rejectsFewerThanOneView() throws IOException {
    Path a = constantModel("a", config(1), A);

    CliRun run =
        CliRun.of(
            "ensemble", "--model-dir", a.toString(), "--data-dir", data.toString(), "--tta", "0");

    assertThat(run.badInputLine())
        .isEqualTo(
            "mnist-lab ensemble: --tta must be >= 1 (views per image, the original included; 1 is"
                + " plain evaluation), got 0");
  }

  @Test
  void wantsEitherModelDirectoriesOrAStudyTrial() throws IOException {
    Path a = constantModel("a", config(1), A);

    assertThat(CliRun.of("ensemble").badInputLine())
        .isEqualTo(
            "mnist-lab ensemble: give the models: --model-dir DIR (one or more), or --study NAME"
                + " --trial T");
    assertThat(
            CliRun.of("ensemble", "--model-dir", a.toString(), "--study", "s", "--trial", "t")
                .badInputLine())
        .isEqualTo(
            "mnist-lab ensemble: give --model-dir DIR (one or more) or --study NAME --trial T,"
                + " not both");
    assertThat(CliRun.of("ensemble", "--study", "s").badInputLine())
        .isEqualTo(
            "mnist-lab ensemble: --study needs --trial T, the trial whose seeds are the models");
  }
}
