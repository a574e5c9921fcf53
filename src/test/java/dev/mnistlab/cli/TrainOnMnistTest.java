package dev.mnistlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mnistlab.data.DataDirectory;
import dev.mnistlab.data.MnistData;
import dev.mnistlab.data.MnistFile;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trains on the real MNIST, end to end through the command line, and checks the figures the seed
 * reported. MNIST is fetched on first use, as every command does.
 */
@Tag("slow")
// One engine thread each, so the figures do not depend on what else the machine is doing.
class TrainOnMnistTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  // Softmax cross-entropy of sigmoid outputs cannot go below this (trial 1's flaw).
  private static final double SIGMOID_FLOOR = Math.log(1 + 9 / Math.E);

  @TempDir static Path tmp;
  private static Path data;
  private static Path model;
  private static final int SEEDS = 3;
  private static final List<JsonNode> trial7 = new ArrayList<>();

  @BeforeAll
  static void trainTheDefaultModelOnce() throws IOException {
    data = DataDirectory.resolve(null, System.getenv()).ensure(System.err::println);
    model = tmp.resolve("trial-7");
    for (int seed = 1; seed <= SEEDS; seed++) {
      Path json = tmp.resolve("trial-7-seed-" + seed + ".json");
      CliRun run =
          CliRun.of(
              "train",
              "--data-dir",
              data.toString(),
              "--epochs",
              "2",
              "--seed",
              String.valueOf(seed),
              "--threads",
              "1",
              "--json",
              json.toString(),
              "--save",
              model.toString());
      assertThat(run.code()).as("stderr:%n%s", run.err()).isZero();
      trial7.add(JSON.readTree(json.toFile()));
    }
  }

  @Test
  void defaultModelReaches97PercentInTwoEpochs() {
    // One seed's test accuracy after 2 epochs varies by about +-0.003 around 0.972 (seen
    // 0.968 to 0.974), so the claim is about the mean over seeds, not one lucky draw.
    double sum = 0;
    for (JsonNode run : trial7) {
      assertThat(run.get("config").get("model").asText())
          .isEqualTo("linear(512),relu,linear(256),relu,linear(10)");
      assertThat(run.get("state").asText()).isEqualTo("COMPLETE");
      assertThat(
              run.get("provenance").get("data_checksums").get("train-images-idx3-ubyte").asText())
          .isEqualTo(MnistFile.TRAIN_IMAGES.knownSha256());
      sum += run.get("test").get("accuracy").asDouble();
    }
    assertThat(sum / SEEDS).isGreaterThanOrEqualTo(0.97);
  }

  @Test
  void sigmoidLastLayerNeverGoesBelowItsLossFloor() throws IOException {
    Path json = tmp.resolve("trial-1.json");

    CliRun run =
        CliRun.of(
            "train",
            "--data-dir",
            data.toString(),
            "--model",
            "linear(64),relu,linear(10),sigmoid",
            "--batch-size",
            "16",
            "--lr",
            "1e-4",
            "--epochs",
            "2",
            "--threads",
            "1",
            "--json",
            json.toString());

    assertThat(run.code()).as("stderr:%n%s", run.err()).isZero();
    JsonNode result = JSON.readTree(json.toFile());
    assertThat(result.get("state").asText()).isEqualTo("COMPLETE");
    assertThat(result.get("epochs")).hasSize(2);
    for (JsonNode epoch : result.get("epochs")) {
      assertThat(epoch.get("train_loss").asDouble()).isGreaterThanOrEqualTo(SIGMOID_FLOOR);
      assertThat(epoch.get("train_loss_last_batch").asDouble())
          .isGreaterThanOrEqualTo(SIGMOID_FLOOR);
    }
    assertThat(result.get("steps")).isNotEmpty();
    for (JsonNode step : result.get("steps")) {
      assertThat(step.get("loss").asDouble()).isGreaterThanOrEqualTo(SIGMOID_FLOOR);
    }
  }

  @Test
  void predictsRealTestDigitsFromPngs() throws IOException {
    MnistData mnist = MnistData.load(data, false);
    List<String> args = new ArrayList<>(List.of("predict", "--model-dir", model.toString()));
    int[] labels = new int[5];
    for (int i = 0; i < 5; i++) {
      // Spread over the test set rather than the first five.
      int index = i * 1999;
      labels[i] = mnist.testY()[index];
      args.add(writePng(mnist.testX(), index, tmp.resolve("test-" + index + ".png")).toString());
    }

    CliRun run = CliRun.of(args.toArray(String[]::new));

    assertThat(run.code()).as("stderr:%n%s", run.err()).isZero();
    assertThat(run.outLines()).hasSize(5);
    Pattern digit = Pattern.compile(": ([0-9]) \\(probability ");
    int right = 0;
    for (int i = 0; i < 5; i++) {
      Matcher m = digit.matcher(run.outLines().get(i));
      assertThat(m.find()).as(run.outLines().get(i)).isTrue();
      right += Integer.parseInt(m.group(1)) == labels[i] ? 1 : 0;
    }
    assertThat(right).as("right of 5:%n%s", run.out()).isGreaterThanOrEqualTo(4);
  }

  /** Writes test image {@code index} as a 28x28 grey PNG, white digit on black, as MNIST is. */
  private static Path writePng(float[] pixels, int index, Path file) throws IOException {
    BufferedImage image = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
    for (int y = 0; y < 28; y++) {
      for (int x = 0; x < 28; x++) {
        int v = Math.round(pixels[index * 784 + y * 28 + x] * 255);
        image.getRaster().setSample(x, y, 0, v);
      }
    }
    ImageIO.write(image, "png", file.toFile());
    return file;
  }
}
