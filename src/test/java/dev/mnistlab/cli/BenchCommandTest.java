package dev.mnistlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mnistlab.cli.BenchCommand.Net;
import dev.mnistlab.data.IdxFixtures;
import dev.mnistlab.data.MnistFile;
import dev.mnistlab.model.ModelSpec;
import dev.mnistlab.train.JsonFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class BenchCommandTest {
  @TempDir Path tmp;

  @Test
  void measuresTheSeedNetworksOnlyByDefault() {
    assertThat(Net.selected(null)).containsExactly(Net.TRIAL_1, Net.TRIAL_7);
  }

  @Test
  void selectsTheCnnWithOnly() {
    BenchCommand bench = new BenchCommand();
    new CommandLine(bench).parseArgs("--only", "cnn");

    assertThat(Net.selected(bench.only)).containsExactly(Net.CNN);
  }

  @Test
  void keepsTheOrderOnlyGives() {
    BenchCommand bench = new BenchCommand();
    new CommandLine(bench).parseArgs("--only", "cnn,trial-1");

    assertThat(Net.selected(bench.only)).containsExactly(Net.CNN, Net.TRIAL_1);
  }

  @Test
  void cnnIsThePyTorchExamplesNetwork() {
    ModelSpec spec = ModelSpec.parse(Net.CNN.model);

    assertThat(spec.parameterCount()).isEqualTo(1_199_882);
    assertThat(Net.CNN.batch).isEqualTo(128);
    assertThat(Net.CNN.lr).isEqualTo(1e-3);
    assertThat(Net.CNN.normalize).isTrue();
  }

  @Test
  void rejectsAnUnknownNetworkNamingTheAllowedOnesBeforeTouchingData() throws IOException {
    Path empty = Files.createDirectory(tmp.resolve("no-data"));
    Path json = tmp.resolve("bench.json");

    CliRun run =
        CliRun.of(
            "bench",
            "--only",
            "trial-1,resnet",
            "--data-dir",
            empty.toString(),
            "--json",
            "" + json);

    assertThat(run.badInputLine())
        .isEqualTo(
            "mnist-lab bench: unknown bench network 'resnet': allowed are trial-1, trial-7, cnn");
    assertThat(json).doesNotExist();
    assertThat(empty).isEmptyDirectory();
  }

  @Test
  void rejectsFewerThanTwoEpochs() {
    CliRun run = CliRun.of("bench", "--only", "cnn", "--epochs", "1");

    assertThat(run.badInputLine())
        .isEqualTo("mnist-lab bench: bench needs --epochs >= 2 (the first epoch warms up), got 1");
  }

  @Test
  void measuresTheCnnInAProcessOfItsOwn() throws IOException {
    Path data = twoBatches(Files.createDirectory(tmp.resolve("data")));
    Path json = tmp.resolve("cnn.json");

    CliRun run =
        CliRun.of(
            "bench",
            "--only",
            "cnn",
            "--epochs",
            "2",
            "--threads",
            "1",
            "--data-dir",
            data.toString(),
            "--json",
            json.toString());

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.outLines()).anyMatch(line -> line.matches("cnn\\s+\\d+\\.\\d\\d\\s+\\d+.*\\s1"));
    JsonNode cnn = JsonFormat.MAPPER.readTree(json.toFile()).get("runs");
    assertThat(cnn).hasSize(1);
    assertThat(cnn.get(0).get("name").asText()).isEqualTo("cnn");
    assertThat(cnn.get(0).get("model").asText()).isEqualTo(Net.CNN.model);
    assertThat(cnn.get(0).get("batch_size").asInt()).isEqualTo(128);
    assertThat(cnn.get(0).get("epoch_seconds")).hasSize(2);
    assertThat(cnn.get(0).get("samples_per_second").asDouble()).isPositive();
    assertThat(cnn.get(0).get("threads").asInt()).isEqualTo(1);
    assertThat(cnn.get(0).get("threads_automatic").asBoolean()).isFalse();
  }

  /** Writes an MNIST-like set of 256 training images, two of the CNN's batches of 128. */
  private static Path twoBatches(Path dir) {
    int train = 256;
    IdxFixtures.write(dir.resolve(MnistFile.TRAIN_IMAGES.fileName()), IdxFixtures.images(train));
    IdxFixtures.write(
        dir.resolve(MnistFile.TRAIN_LABELS.fileName()),
        IdxFixtures.labels(IdxFixtures.cycle(train)));
    IdxFixtures.write(dir.resolve(MnistFile.TEST_IMAGES.fileName()), IdxFixtures.images(10));
    IdxFixtures.write(
        dir.resolve(MnistFile.TEST_LABELS.fileName()), IdxFixtures.labels(IdxFixtures.cycle(10)));
    return dir;
  }
}
