package dev.mnistlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mnistlab.data.PngFixtures;
import dev.mnistlab.train.HandSetModels;
import dev.mnistlab.train.JsonFormat;
import dev.mnistlab.train.TrainConfig;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PredictCommandTest {
  @TempDir Path tmp;

  /** Writes a white 100x140 PNG with a thick black stroke, like a photo of a drawn "1". */
  private Path drawnOne() throws IOException {
    BufferedImage image = new BufferedImage(100, 140, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, 100, 140);
    g.setColor(Color.BLACK);
    g.setStroke(new BasicStroke(14));
    g.drawLine(45, 20, 55, 120);
    g.dispose();
    Path file = tmp.resolve("one.png");
    ImageIO.write(image, "png", file.toFile());
    return file;
  }

  /** Trains a small network on a synthetic set for one epoch and saves it. */
  private Path savedModel() throws IOException {
    Path data = SyntheticMnist.write(Files.createDirectory(tmp.resolve("data")));
    Path model = tmp.resolve("model");
    CliRun run =
        CliRun.of(
            "train",
            "--data-dir",
            data.toString(),
            "--val-size",
            "20",
            "--epochs",
            "1",
            "--batch-size",
            "16",
            "--model",
            "linear(16),relu,linear(10)",
            "--threads",
            "1",
            "--save",
            model.toString());
    assertThat(run.code()).as("train stderr:%n%s", run.err()).isZero();
    return model;
  }

  @Test
  void printsOneDigitAndItsProbabilityPerImage() throws IOException {
    Path model = savedModel();
    Path image = drawnOne();

    CliRun run = CliRun.of("predict", "--model-dir", model.toString(), image.toString());

    assertThat(run.code()).as("stderr:%n%s", run.err()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.outLines())
        .singleElement()
        .asString()
        .matches("\\Q" + image + "\\E: [0-9] \\(probability (0\\.\\d{3}|1\\.000)\\)");
  }

  @Test
  void rejectsDirectoryThatIsNotASavedModel() {
    CliRun run = CliRun.of("predict", "--model-dir", tmp.toString(), "x.png");

    assertThat(run.badInputLine())
        .isEqualTo(
            "mnist-lab predict: not a saved model: "
                + tmp
                + " has no config.json (write one with 'mnist-lab train --save DIR')");
  }

  @Test
  void rejectsImageThatDoesNotExist() throws IOException {
    Path model = savedModel();
    Path missing = tmp.resolve("missing.png");

    CliRun run = CliRun.of("predict", "--model-dir", model.toString(), missing.toString());

    assertThat(run.badInputLine())
        .isEqualTo("mnist-lab predict: cannot read image " + missing + ": no such file");
  }

  @Test
  void rejectsMissingImageArgument() {
    CliRun run = CliRun.of("predict", "--model-dir", tmp.toString());

    assertThat(run.badInputLine()).contains("IMAGE");
  }

  @Test
  void rejectsThirtyThousandPixelSquarePngFromItsHeaderQuickly() throws IOException {
    Path model = savedModel();
    // 900 megapixels in 110 KB: decoding it whole took gigabytes and ended out of memory.
    Path bomb = PngFixtures.bar(tmp.resolve("bomb.png"), 30_000, 30_000);
    long start = System.nanoTime();

    CliRun run = CliRun.of("predict", "--model-dir", model.toString(), bomb.toString());

    assertThat(run.badInputLine())
        .isEqualTo(
            "mnist-lab predict: cannot read image "
                + bomb
                + ": it is 30000x30000 pixels (900 megapixels), more than the 100 megapixels allowed;"
                + " scale it down first");
    // Not a speed figure: decoding first took 39 s, so a wide bound tells the two apart even
    // on a loaded machine.
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
  }

  @Test
  void classifiesPictureAtThePixelLimitInA256MbHeap() throws Exception {
    Path model = savedModel();
    // 100 megapixels: whole, its grey copy alone would be 400 MB of floats.
    Path image = PngFixtures.bar(tmp.resolve("large.png"), 10_000, 10_000);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child =
        new ProcessBuilder(
                java,
                "-Xmx256m",
                "-Djava.awt.headless=true",
                "-cp",
                System.getProperty("java.class.path"),
                "dev.mnistlab.cli.Main",
                "predict",
                "--model-dir",
                model.toString(),
                image.toString())
            .redirectErrorStream(true)
            .redirectOutput(tmp.resolve("child.log").toFile())
            .start();
    try {
      assertThat(child.waitFor(120, TimeUnit.SECONDS)).as("child ended").isTrue();
      String log = Files.readString(tmp.resolve("child.log"));
      assertThat(child.exitValue()).as(log).isZero();
      assertThat(log).matches("\\Q" + image + "\\E: [0-9] \\(probability [01]\\.\\d{3}\\)\\R");
    } finally {
      child.destroyForcibly();
    }
  }

  @Test
  void rejectsImageThatIsADirectory() throws IOException {
    Path model = savedModel();
    Path folder = Files.createDirectory(tmp.resolve("digits"));

    CliRun run = CliRun.of("predict", "--model-dir", model.toString(), folder.toString());

    assertThat(run.badInputLine())
        .isEqualTo(
            "mnist-lab predict: cannot read image "
                + folder
                + ": it is a directory, not a picture file");
  }

  @Test
  void rejectsModelDirThatDoesNotExist() {
    Path missing = tmp.resolve("no-model");

    CliRun run = CliRun.of("predict", "--model-dir", missing.toString(), "x.png");

    assertThat(run.badInputLine())
        .isEqualTo(
            "mnist-lab predict: cannot use --model-dir "
                + missing
                + ": no such directory (write one with 'mnist-lab train --save DIR')");
  }

  @Test
  void rejectsModelDirThatIsAFile() throws IOException {
    Path file = Files.writeString(tmp.resolve("model.params"), "not a directory");

    CliRun run = CliRun.of("predict", "--model-dir", file.toString(), "x.png");

    assertThat(run.badInputLine())
        .isEqualTo(
            "mnist-lab predict: cannot use --model-dir "
                + file
                + ": it is a file, not a directory (write one with 'mnist-lab train --save DIR')");
  }

  @Test
  void namesTheMissingParameterFile() throws IOException {
    Path model = savedModel();
    Files.delete(model.resolve("model.params"));

    CliRun run = CliRun.of("predict", "--model-dir", model.toString(), drawnOne().toString());

    assertThat(run.badInputLine())
        .isEqualTo(
            "mnist-lab predict: not a saved model: "
                + model
                + " has no model.params (write one with 'mnist-lab train --save DIR')");
  }

  @Test
  void saysWhereADamagedConfigBreaksInOneLine() throws IOException {
    Path model = savedModel();
    Files.writeString(model.resolve("config.json"), "{\n  \"model\": ,\n}");

    CliRun run = CliRun.of("predict", "--model-dir", model.toString(), drawnOne().toString());

    assertThat(run.badInputLine())
        .startsWith(
            "mnist-lab predict: cannot read "
                + model.resolve("config.json")
                + ": not a saved config at line 2 (")
        .doesNotContain("Source:");
  }

  @Test
  void saysATruncatedParameterFileIsCutShort() throws IOException {
    Path model = savedModel();
    Path params = model.resolve("model.params");
    byte[] bytes = Files.readAllBytes(params);
    Files.write(params, java.util.Arrays.copyOf(bytes, bytes.length / 2));

    CliRun run = CliRun.of("predict", "--model-dir", model.toString(), drawnOne().toString());

    assertThat(run.badInputLine())
        .isEqualTo(
            "mnist-lab predict: cannot read "
                + params
                + ": it is cut short (the save was interrupted, or the file was truncated)");
  }

  @Test
  void saysAGarbageParameterFileIsDamagedNotAMismatchedSpec() throws IOException {
    Path model = savedModel();
    Path params = model.resolve("model.params");
    Files.writeString(params, "garbage that is no parameter file at all");

    CliRun run = CliRun.of("predict", "--model-dir", model.toString(), drawnOne().toString());

    assertThat(run.badInputLine())
        .startsWith(
            "mnist-lab predict: cannot load "
                + params
                + ": the saved parameters are damaged or not a parameter file (");
  }

  /** Writes a saved linear(10) whose probabilities are {@code p} for every picture. */
  private Path constantModel(String name, double... p) throws IOException {
    Path dir = Files.createDirectories(tmp.resolve(name));
    Files.write(
        dir.resolve(SavedModel.PARAMS), HandSetModels.constant(784, HandSetModels.logits(p)));
    Files.writeString(
        dir.resolve(SavedModel.CONFIG),
        JsonFormat.MAPPER.writeValueAsString(TrainConfig.defaults().withModel("linear(10)")));
    return dir;
  }

  @Test
  void averagesTheProbabilitiesOfSeveralModels() throws IOException {
    // 0.6 on 3 and 0.1 on 7, then 0.04 on 3 and 0.6 on 7: together 0.35 on 7, 0.32 on 3.
    Path a =
        constantModel(
            "a", 0.0375, 0.0375, 0.0375, 0.6, 0.0375, 0.0375, 0.0375, 0.1, 0.0375, 0.0375);
    Path b = constantModel("b", 0.045, 0.045, 0.045, 0.04, 0.045, 0.045, 0.045, 0.6, 0.045, 0.045);
    Path image = drawnOne();

    CliRun alone = CliRun.of("predict", "--model-dir", a.toString(), image.toString());
    CliRun together =
        CliRun.of(
            "predict", "--model-dir", a.toString(), "--model-dir", b.toString(), image.toString());

    assertThat(alone.out()).isEqualTo(image + ": 3 (probability 0.600)" + System.lineSeparator());
    assertThat(together.code()).as(together.err()).isZero();
    assertThat(together.out())
        .isEqualTo(image + ": 7 (probability 0.350)" + System.lineSeparator());
  }

  @Test
  void scoresAPictureOverSeveralViewsWithTta() throws IOException {
    Path model = savedModel();
    Path image = drawnOne();

    CliRun run =
        CliRun.of("predict", "--model-dir", model.toString(), "--tta", "4", image.toString());
    CliRun again =
        CliRun.of("predict", "--model-dir", model.toString(), "--tta", "4", image.toString());

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.outLines())
        .singleElement()
        .asString()
        .matches("\\Q" + image + "\\E: [0-9] \\(probability (0\\.\\d{3}|1\\.000)\\)");
    assertThat(again.out()).isEqualTo(run.out());
  }

  @Test
  void rejectsFewerThanOneView() throws IOException {
    Path model = savedModel();

    CliRun run =
        CliRun.of("predict", "--model-dir", model.toString(), "--tta", "0", drawnOne().toString());

    assertThat(run.badInputLine())
        .isEqualTo(
            "mnist-lab predict: --tta must be >= 1 (views per image, the original included; 1 is"
                + " plain evaluation), got 0");
  }

  @Test
  void rejectsAnEnsembleWithAMissingModel() throws IOException {
    Path model = savedModel();
    Path missing = tmp.resolve("gone");

    CliRun run =
        CliRun.of(
            "predict",
            "--model-dir",
            model.toString(),
            "--model-dir",
            missing.toString(),
            drawnOne().toString());

    assertThat(run.badInputLine())
        .isEqualTo(
            "mnist-lab predict: cannot use --model-dir "
                + missing
                + ": no such directory (write one with 'mnist-lab train --save DIR')");
  }
}
