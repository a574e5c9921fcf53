package dev.mnistlab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Named.named;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mnistlab.data.IdxFixtures;
import dev.mnistlab.data.MnistFile;
import dev.mnistlab.model.MachineMemory;
import dev.mnistlab.model.MemoryEstimate;
import dev.mnistlab.output.SmallDisk;
import dev.mnistlab.study.TrialFixtures;
import dev.mnistlab.train.Recipe;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class TrainCommandTest {
  // Rejects trailing text, so "only JSON on stdout" means exactly that.
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private static final String SMALL_MODEL = "linear(16),relu,linear(10)";

  @TempDir Path tmp;
  private Path data;

  @BeforeEach
  void writeSyntheticSet() throws IOException {
    data = SyntheticMnist.write(Files.createDirectory(tmp.resolve("data")));
  }

  /** Runs {@code train} on the synthetic set with 100 training and 20 validation images. */
  private CliRun train(String... flags) {
    List<String> args =
        new ArrayList<>(List.of("train", "--data-dir", data.toString(), "--val-size", "20"));
    args.addAll(Arrays.asList(flags));
    return CliRun.of(args.toArray(String[]::new));
  }

  @Test
  void refusesANetworkTooBigForThisMachineBeforeTraining() {
    CliRun run = train("--model", "linear(1e9),relu,linear(10)");

    assertThat(run.badInputLine())
        .isEqualTo(
            "mnist-lab train: network needs about 13.0 TiB "
                + "(795,000,000,010 parameters at batch 100 with adam), more than this machine's "
                + MemoryEstimate.size(MachineMemory.totalBytes())
                + " of memory");
    // Not even the run's header: nothing was loaded or built.
    assertThat(run.out()).isEmpty();
  }

  /** Runs a quick two-epoch training of a small network on the synthetic set. */
  private CliRun quickTrain(String... flags) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--epochs", "2", "--batch-size", "16", "--model", SMALL_MODEL, "--threads", "1"));
    args.addAll(Arrays.asList(flags));
    return train(args.toArray(String[]::new));
  }

  private JsonNode quickTrainJson(String... flags) throws IOException {
    List<String> args = new ArrayList<>(Arrays.asList(flags));
    args.addAll(List.of("--json", "-"));
    CliRun run = quickTrain(args.toArray(String[]::new));
    assertThat(run.code()).as("exit code; stderr:%n%s", run.err()).isZero();
    return JSON.readTree(run.out());
  }

  private static List<Double> epochLosses(JsonNode result) {
    List<Double> losses = new ArrayList<>();
    for (JsonNode epoch : result.get("epochs")) {
      losses.add(epoch.get("train_loss").asDouble());
      losses.add(epoch.get("val_loss").asDouble());
    }
    return losses;
  }

  // --- bad input: exit code 2, one line on stderr naming the value -------------------------

  static Stream<Arguments> badFlags() {
    return Stream.of(
        Arguments.of(named("unknown optimizer", List.of("--optimizer", "adamx")), "'adamx'"),
        Arguments.of(named("unknown layer", List.of("--model", "linear(10),swish")), "\"swish\""),
        Arguments.of(named("unknown schedule", List.of("--schedule", "wavy")), "'wavy'"),
        Arguments.of(named("malformed model", List.of("--model", "linear(64")), "\"linear(64\""),
        Arguments.of(named("zero learning rate", List.of("--lr", "0")), "got 0.0"),
        Arguments.of(named("negative learning rate", List.of("--lr", "-0.1")), "got -0.1"),
        Arguments.of(named("zero batch size", List.of("--batch-size", "0")), "got 0"),
        Arguments.of(
            named("batch beyond training set", List.of("--batch-size", "100000")), "got 100000"),
        Arguments.of(named("zero epochs", List.of("--epochs", "0")), "epochs must be >= 1, got 0"),
        Arguments.of(
            named("dropout p of 1.5", List.of("--model", "linear(64),dropout(1.5),linear(10)")),
            "got 1.5"),
        Arguments.of(named("output not 10 values", List.of("--model", "linear(64)")), "got 64"),
        Arguments.of(
            named(
                "conv2d after flatten",
                List.of("--model", "flatten,conv2d(8,3),flatten,linear(10)")),
            "conv2d at layer 2"),
        Arguments.of(named("threads not a number", List.of("--threads", "abc")), "'abc'"),
        Arguments.of(
            named("unknown validation split", List.of("--val-split", "sideways")), "'sideways'"),
        Arguments.of(named("one beta", List.of("--betas", "0.9")), "'0.9'"),
        Arguments.of(named("beta not a number", List.of("--betas", "0.9,x")), "'x'"),
        Arguments.of(named("unknown init", List.of("--init", "foo")), "\"foo\""),
        Arguments.of(named("no view for tta", List.of("--tta", "0")), "--tta must be >= 1"),
        Arguments.of(
            named("json parent missing", List.of("--json", "/nonexistent-dir/x.json")),
            "/nonexistent-dir/x.json"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badFlags")
  void rejectsBadFlagWithOneLineNamingTheValue(List<String> flags, String value) {
    CliRun run = train(flags.toArray(String[]::new));

    assertThat(run.badInputLine()).startsWith("mnist-lab train: ").contains(value);
  }

  @Test
  void rejectsNegativeLearningRateSayingTheRule() {
    assertThat(train("--lr", "-0.1").badInputLine())
        .isEqualTo("mnist-lab train: learning rate must be > 0, got -0.1");
  }

  @Test
  void rejectsZeroBatchSizeSayingTheRule() {
    assertThat(train("--batch-size", "0").badInputLine())
        .isEqualTo("mnist-lab train: batch size must be >= 1, got 0");
  }

  @Test
  void rejectsBatchLargerThanTheTrainingSplitSayingItsSize() {
    assertThat(train("--batch-size", "100000").badInputLine())
        .isEqualTo(
            "mnist-lab train: batch size must be <= the number of training images (100), got 100000");
  }

  @Test
  void rejectsUnknownOptimizerListingTheAllowedOnes() {
    assertThat(train("--optimizer", "adamx").badInputLine())
        .isEqualTo(
            "mnist-lab train: "
                + "unknown optimizer 'adamx': allowed are sgd, momentum, nesterov, adam, adamw, "
                + "rmsprop, adagrad");
  }

  @Test
  void rejectsUnknownLayerSayingWhereAndWhatIsAllowed() {
    assertThat(train("--model", "linear(10),swish").badInputLine())
        .isEqualTo(
            "mnist-lab train: "
                + "unknown layer \"swish\" at character 12; allowed: linear, relu, sigmoid, tanh, gelu, "
                + "leaky_relu, softmax, dropout, batchnorm, flatten, conv2d, maxpool, avgpool, gap");
  }

  @Test
  void rejectsValidationSplitLargerThanTheTrainingSet() {
    CliRun run = CliRun.of("train", "--data-dir", data.toString(), "--val-size", "200");

    assertThat(run.badInputLine())
        .isEqualTo("mnist-lab train: validation size must be between 0 and 119, got 200");
  }

  @Test
  void rejectsMissingDataDirectory() {
    Path missing = tmp.resolve("nope");

    assertThat(CliRun.of("train", "--data-dir", missing.toString()).badInputLine())
        .isEqualTo(
            "mnist-lab train: data directory does not exist: "
                + missing
                + " (only 'mnist-lab data fetch' creates one)");
  }

  @Test
  void rejectsTruncatedImagesFileNamingIt() throws IOException {
    Path images = data.resolve(MnistFile.TRAIN_IMAGES.fileName());
    byte[] bytes = Files.readAllBytes(images);
    Files.write(images, Arrays.copyOf(bytes, bytes.length / 2));

    assertThat(train().badInputLine())
        .isEqualTo(
            "mnist-lab train: train-images-idx3-ubyte: "
                + "truncated: header promises 120 images of 28x28 (94096 bytes), file has 47048 bytes");
  }

  @Test
  void rejectsFetchedDirectoryWhoseFilesFailTheirChecksum() {
    // Marked as written by 'data fetch', so files that are not MNIST's are corrupt, not a
    // user's own MNIST-like set.
    IdxFixtures.markFetched(data);

    assertThat(train().badInputLine())
        .startsWith(
            "mnist-lab train: train-images-idx3-ubyte: SHA-256 mismatch: expected "
                + MnistFile.TRAIN_IMAGES.knownSha256()
                + ", got ");
  }

  @Test
  void rejectsSaveDirectoryUnderARegularFile() throws IOException {
    // A file as parent fails even for root, whom permission bits do not stop.
    Path file = Files.writeString(tmp.resolve("file"), "x");
    Path save = file.resolve("sub");

    assertThat(train("--save", save.toString()).badInputLine())
        .isEqualTo(
            "mnist-lab train: cannot write --save "
                + save
                + ": "
                + file
                + " is a file, not a directory");
  }

  @Test
  void rejectsAnEmptyJsonName() {
    assertThat(train("--json", "").badInputLine())
        .isEqualTo("mnist-lab train: --json must name a file, got an empty value");
  }

  @Test
  void rejectsJsonUnderProcBeforeTraining() {
    CliRun run = train("--json", "/proc/version");

    assertThat(run.badInputLine())
        .isEqualTo(
            "mnist-lab train: cannot write --json /proc/version: /proc does not accept new files");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void rejectsSaveUnderProcBeforeTraining() {
    assertThat(train("--save", "/proc/rep").badInputLine())
        .isEqualTo(
            "mnist-lab train: cannot write --save /proc/rep: /proc does not accept new files");
  }

  @Test
  void saysTheRangeOfAnEpochCountTooLargeForAWholeNumber() {
    assertThat(train("--epochs", "1000000000000").badInputLine())
        .isEqualTo(
            "mnist-lab train: Invalid value for option '--epochs': '1000000000000' is out of "
                + "range: whole numbers here go from -2,147,483,648 to 2,147,483,647 "
                + "(see 'mnist-lab train --help')");
  }

  @Test
  void rejectsADataDirThatIsAFile() throws IOException {
    Path file = Files.writeString(tmp.resolve("plain"), "x");

    assertThat(CliRun.of("train", "--data-dir", file.toString()).badInputLine())
        .isEqualTo(
            "mnist-lab train: data directory is a file, not a directory: "
                + file
                + " (name the directory that holds the four MNIST files)");
  }

  @Test
  void writesJsonIntoANamedPipeWithoutReplacingIt() throws Exception {
    Path fifo = tmp.resolve("result.pipe");
    assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
    java.util.concurrent.CompletableFuture<String> reader =
        java.util.concurrent.CompletableFuture.supplyAsync(
            () -> {
              try {
                return Files.readString(fifo);
              } catch (IOException e) {
                throw new IllegalStateException(e);
              }
            });

    CliRun run = quickTrain("--json", fifo.toString());

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(JSON.readTree(reader.get(30, TimeUnit.SECONDS)).get("state").asText())
        .isEqualTo("COMPLETE");
    assertThat(Files.isRegularFile(fifo)).isFalse();
    assertThat(fifo).exists();
  }

  @Test
  void writesJsonThroughASymlinkAndKeepsTheLink() throws IOException {
    Path real = tmp.resolve("real.json");
    Path link = Files.createSymbolicLink(tmp.resolve("link.json"), real.getFileName());

    CliRun run = quickTrain("--json", link.toString());

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(JSON.readTree(real.toFile()).get("state").asText()).isEqualTo("COMPLETE");
  }

  @Test
  void writesJsonToADeviceWithoutReplacingIt() throws Exception {
    Path device = tmp.resolve("null");
    // A copy of /dev/null in the test's own directory; mknod needs root.
    org.junit.jupiter.api.Assumptions.assumeTrue(
        new ProcessBuilder("mknod", device.toString(), "c", "1", "3").start().waitFor() == 0,
        "mknod needs root");

    CliRun run = quickTrain("--json", device.toString());

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(Files.isRegularFile(device)).isFalse();
    assertThat(Files.size(device)).isZero();
  }

  @Test
  void leavesNoHalfSavedModelWhenTheDiskIsFull() throws Exception {
    try (SmallDisk disk = SmallDisk.mount(tmp.resolve("disk"), 256)) {
      Path json = disk.dir().resolve("result.json");
      Path save = disk.dir().resolve("model");
      disk.fill();

      CliRun run = quickTrain("--json", json.toString(), "--save", save.toString());

      assertThat(run.badInputLine())
          .startsWith(
              "mnist-lab train: cannot save the model into " + save + ": no space left on device");
      try (Stream<Path> files = Files.list(disk.dir())) {
        assertThat(files.map(p -> p.getFileName().toString())).containsExactly("filler");
      }
    }
  }

  @Test
  void leavesNoTemporaryJsonFileWhenTheDiskIsFull() throws Exception {
    try (SmallDisk disk = SmallDisk.mount(tmp.resolve("disk"), 256)) {
      Path json = disk.dir().resolve("result.json");
      disk.fill();

      CliRun run = quickTrain("--json", json.toString());

      assertThat(run.badInputLine())
          .isEqualTo("mnist-lab train: cannot write --json " + json + ": no space left on device");
      try (Stream<Path> files = Files.list(disk.dir())) {
        assertThat(files.map(p -> p.getFileName().toString())).containsExactly("filler");
      }
    }
  }

  @Test
  void rejectsJsonTargetThatIsADirectory() {
    assertThat(train("--json", tmp.toString()).badInputLine())
        .isEqualTo("mnist-lab train: --json must be a file, got a directory: " + tmp);
  }

  @Test
  void checksOutputPathsBeforeTraining() {
    CliRun run = train("--json", "/nonexistent-dir/x.json");

    assertThat(run.badInputLine())
        .isEqualTo(
            "mnist-lab train: cannot write --json "
                + "/nonexistent-dir/x.json: directory /nonexistent-dir does not exist");
    assertThat(run.out()).isEmpty();
  }

  // --- happy paths on the synthetic set ----------------------------------------------------

  @Test
  void writesResultWithConfigProvenanceEpochsAndTestToJsonFile() throws IOException {
    Path file = tmp.resolve("result.json");

    CliRun run = quickTrain("--json", file.toString());

    assertThat(run.code()).as("stderr:%n%s", run.err()).isZero();
    JsonNode result = JSON.readTree(file.toFile());
    assertThat(result.fieldNames())
        .toIterable()
        .contains("config", "provenance", "epochs", "steps", "test", "state", "seconds");
    assertThat(result.get("state").asText()).isEqualTo("COMPLETE");
    assertThat(result.get("config").get("model").asText()).isEqualTo(SMALL_MODEL);
    assertThat(result.get("epochs")).hasSize(2);
    for (int i = 0; i < 2; i++) {
      JsonNode epoch = result.get("epochs").get(i);
      assertThat(epoch.fieldNames())
          .toIterable()
          .contains(
              "epoch",
              "train_loss",
              "train_loss_last_batch",
              "val_loss",
              "val_accuracy",
              "lr",
              "seconds");
      assertThat(epoch.get("epoch").asInt()).isEqualTo(i + 1);
      assertThat(epoch.get("train_loss").isNumber()).isTrue();
      assertThat(epoch.get("val_accuracy").asDouble()).isBetween(0.0, 1.0);
    }
    assertThat(result.get("test").get("loss").isNumber()).isTrue();
    assertThat(result.get("test").get("accuracy").asDouble()).isBetween(0.0, 1.0);
    JsonNode provenance = result.get("provenance");
    assertThat(provenance.fieldNames())
        .toIterable()
        .contains("djl", "engine", "java", "os", "cpu", "cores", "threads");
    assertThat(provenance.get("threads").get("intra_op").asInt()).isEqualTo(1);
    assertThat(provenance.get("data_checksums").fieldNames())
        .toIterable()
        .containsExactlyInAnyOrder(
            "train-images-idx3-ubyte",
            "train-labels-idx1-ubyte",
            "t10k-images-idx3-ubyte",
            "t10k-labels-idx1-ubyte");
    assertThat(provenance.get("data_checksums").get("train-images-idx3-ubyte").asText())
        .matches("[0-9a-f]{64}");
    assertThat(run.out()).contains("COMPLETE after 2 epoch(s)");
  }

  @Test
  void putsOnlyJsonOnStdoutForJsonDash() throws IOException {
    CliRun run = quickTrain("--json", "-");

    assertThat(run.code()).as("stderr:%n%s", run.err()).isZero();
    assertThat(run.out().strip()).startsWith("{").endsWith("}");
    assertThat(JSON.readTree(run.out()).get("state").asText()).isEqualTo("COMPLETE");
  }

  @Test
  void repeatsLossesExactlyForTheSameSeed() throws IOException {
    List<Double> first = epochLosses(quickTrainJson("--seed", "7"));
    List<Double> second = epochLosses(quickTrainJson("--seed", "7"));

    assertThat(second).hasSize(4).isEqualTo(first);
  }

  @Test
  void givesOtherLossesForAnotherSeed() throws IOException {
    List<Double> seven = epochLosses(quickTrainJson("--seed", "7"));
    List<Double> eight = epochLosses(quickTrainJson("--seed", "8"));

    assertThat(eight).hasSize(4).isNotEqualTo(seven);
  }

  @Test
  void reportsDivergenceAndStillExitsZero() throws IOException {
    // Plain SGD at 1e20 overflows float32 within two steps on any seed tried.
    Path file = tmp.resolve("result.json");

    CliRun run = quickTrain("--lr", "1e20", "--optimizer", "sgd", "--json", file.toString());

    assertThat(run.code()).isZero();
    JsonNode result = JSON.readTree(file.toFile());
    assertThat(result.get("state").asText()).isEqualTo("DIVERGED");
    assertThat(result.get("diverged_at_step").asLong()).isPositive();
    assertThat(run.errLines())
        .singleElement()
        .asString()
        .startsWith("diverged: loss became ")
        .contains("at step " + result.get("diverged_at_step").asLong());
  }

  @Test
  void savesModelFilesForPredict() {
    Path save = tmp.resolve("model");

    CliRun run = quickTrain("--save", save.toString());

    assertThat(run.code()).as("stderr:%n%s", run.err()).isZero();
    assertThat(save.resolve(SavedModel.CONFIG)).isRegularFile();
    assertThat(save.resolve(SavedModel.PARAMS)).isRegularFile();
  }

  @Test
  void warnsOnStderrAboutASigmoidLastLayer() {
    CliRun run =
        train(
            "--model",
            "linear(16),relu,linear(10),sigmoid",
            "--epochs",
            "1",
            "--batch-size",
            "16",
            "--threads",
            "1");

    assertThat(run.code()).isZero();
    assertThat(run.errLines())
        .singleElement()
        .asString()
        .startsWith("warning: ")
        .contains("1.4612");
  }

  // --- --exit-with-parent: a worker's training process must not outlive it -----------------

  @Test
  void rejectsAParentProcessIdBelowOne() {
    assertThat(quickTrain("--exit-with-parent", "0").badInputLine())
        .isEqualTo("mnist-lab train: --exit-with-parent must be a process id > 0, got 0");
  }

  @Test
  @Tag("slow")
  @Timeout(60)
  void ignoresCtrlCAndHaltsWhenTheProcessNamedAsItsParentEnds() throws Exception {
    Process parent = new ProcessBuilder("sleep", "60").start();
    List<String> command = new ArrayList<>(TrialFixtures.javaCommand());
    command.addAll(
        List.of(
            "train",
            "--data-dir",
            data.toString(),
            "--val-size",
            "20",
            "--model",
            "linear(10)",
            "--epochs",
            "100000",
            "--batch-size",
            "10",
            "--threads",
            "1",
            "--exit-with-parent",
            String.valueOf(parent.pid())));
    Process child =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(tmp.resolve("child.log").toFile())
            .start();
    try {
      // Let it start training, so the halt interrupts a run rather than a JVM starting.
      for (int i = 0;
          i < 300 && !Files.readString(tmp.resolve("child.log")).contains("train_loss");
          i++) {
        Thread.sleep(100);
      }
      assertThat(child.isAlive()).as(Files.readString(tmp.resolve("child.log"))).isTrue();

      // Ctrl-C is its parent's to handle.
      new ProcessBuilder("kill", "-INT", String.valueOf(child.pid())).start().waitFor();
      assertThat(child.waitFor(1, TimeUnit.SECONDS)).as("ended on SIGINT").isFalse();
      parent.destroyForcibly().waitFor();

      assertThat(child.waitFor(10, TimeUnit.SECONDS)).as("child ended").isTrue();
      assertThat(child.exitValue()).isEqualTo(TrainCommand.ORPHANED);
    } finally {
      child.destroyForcibly();
      parent.destroyForcibly();
    }
  }

  // --- augmentation --------------------------------------------------------------------------

  @Test
  void trainsWithAugmentationEndToEndAndRecordsItInTheResult() throws IOException {
    JsonNode result = quickTrainJson("--augment", "shift=2,rotate=10");

    assertThat(result.get("state").asText()).isEqualTo("COMPLETE");
    assertThat(result.get("config").get("augment").asText()).isEqualTo("rotate=10,shift=2");
    assertThat(epochLosses(result)).isNotEqualTo(epochLosses(quickTrainJson()));
    assertThat(quickTrainJson().get("config").get("augment").asText()).isEqualTo("none");
  }

  @Test
  void printsTheAugmentationInTheRunHeader() {
    CliRun run = quickTrain("--augment", "scale=0.1");

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.outLines()).contains("augment scale=0.1 (training images only)");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "zoom=2|--augment: unknown key 'zoom'; allowed: rotate=DEG, shift=PX, scale=S,"
            + " elastic=ALPHA[:SIGMA], or none",
        "rotate=-3|--augment: rotate must be >= 0 and < 180 degrees, got -3",
        "shift=two|--augment: shift must be a number, got 'two'",
        "rotate=180|--augment: rotate must be >= 0 and < 180 degrees, got 180",
        "shift=14|--augment: shift must be >= 0 and < 14 pixels, got 14",
        "scale=1|--augment: scale must be in (0, 1), got 1",
        "flip|--augment: flip mirrors images left-right, which changes the label of digits (a"
            + " mirrored 2, 3 or 7 is no digit), and MNIST is the only data set mnist-lab knows;"
            + " not allowed"
      })
  void rejectsBadAugmentSpecInOneLine(String spec, String message) {
    CliRun run = train("--augment", spec);

    assertThat(run.badInputLine()).isEqualTo("mnist-lab train: " + message);
    assertThat(run.out()).isEmpty();
  }

  // --- label smoothing -----------------------------------------------------------------------

  @Test
  void trainsWithLabelSmoothingAndRecordsItInTheResultAndHeader() throws IOException {
    JsonNode result = quickTrainJson("--label-smoothing", "0.1");

    assertThat(result.get("state").asText()).isEqualTo("COMPLETE");
    assertThat(result.get("config").get("label_smoothing").asDouble()).isEqualTo(0.1);
    assertThat(quickTrainJson().get("config").get("label_smoothing").asDouble()).isZero();
    assertThat(quickTrain("--label-smoothing", "0.1").outLines())
        .contains("label smoothing 0.1 (training loss only; validation and test are plain)");
  }

  @Test
  void rejectsLabelSmoothingOfOneOrMoreInOneLine() {
    CliRun run = train("--label-smoothing", "1.5");

    assertThat(run.badInputLine())
        .isEqualTo("mnist-lab train: label smoothing must be >= 0 and < 1, got 1.5");
    assertThat(run.out()).isEmpty();
  }

  // --- weight average ------------------------------------------------------------------------

  @Test
  void trainsWithEmaAndRecordsItInTheResultAndHeader() throws IOException {
    JsonNode result = quickTrainJson("--ema", "0.9");

    assertThat(result.get("state").asText()).isEqualTo("COMPLETE");
    assertThat(result.get("config").get("ema").asDouble()).isEqualTo(0.9);
    assertThat(quickTrainJson().get("config").get("ema").asDouble()).isZero();
    assertThat(quickTrain("--ema", "0.9").outLines())
        .contains("ema   decay 0.9 (validation and test evaluate the averaged weights)");
  }

  @Test
  void rejectsEmaDecayOfOneInOneLine() {
    CliRun run = train("--ema", "1");

    assertThat(run.badInputLine())
        .isEqualTo("mnist-lab train: EMA decay must be > 0 and < 1 (or 0 for none), got 1.0");
    assertThat(run.out()).isEmpty();
  }

  // --- recipes -------------------------------------------------------------------------------

  @Test
  void aRecipeSetsEverySettingItNamesAndSaysSoInTheHeader() throws IOException {
    CliRun run =
        train(
            "--recipe",
            "recommended",
            "--epochs",
            "1",
            "--batch-size",
            "16",
            "--threads",
            "1",
            "--json",
            "-");

    assertThat(run.code()).as(run.err()).isZero();
    JsonNode config = JSON.readTree(run.out()).get("config");
    Recipe r = Recipe.RECOMMENDED;
    assertThat(config.get("model").asText()).isEqualTo(r.model());
    assertThat(config.get("lr").asDouble()).isEqualTo(r.lr());
    assertThat(config.get("schedule").asText()).isEqualTo("onecycle");
    assertThat(config.get("augment").asText()).isEqualTo(r.augment());
    assertThat(config.get("label_smoothing").asDouble()).isEqualTo(0.1);
    assertThat(config.get("ema").asDouble()).isEqualTo(0.999);
    assertThat(config.get("normalize").asBoolean()).isTrue();
    // Flags given beside the recipe win: epochs, batch size and the validation size of this test.
    assertThat(config.get("epochs").asInt()).isEqualTo(1);
    assertThat(config.get("batch_size").asInt()).isEqualTo(16);
    assertThat(config.get("val_size").asInt()).isEqualTo(20);
  }

  @Test
  void theFastRecipeTrainsOnEveryImageAndSaysThereIsNoValidation() {
    CliRun run =
        CliRun.of(
            "train",
            "--data-dir",
            data.toString(),
            "--recipe",
            "fast",
            "--batch-size",
            "32",
            "--threads",
            "1");

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.outLines())
        .contains("recipe fast: " + Recipe.FAST.summary())
        .anyMatch(l -> l.startsWith("data ") && l.contains("0 validation"))
        .anyMatch(l -> l.contains("no validation images (--val-size 0)"))
        .noneMatch(l -> l.contains("NaN"));
  }

  @Test
  void rejectsAnUnknownRecipeListingTheAllowedOnes() {
    CliRun run = train("--recipe", "best");

    assertThat(run.badInputLine())
        .isEqualTo("mnist-lab train: unknown recipe 'best': allowed are fast, recommended");
    assertThat(run.out()).isEmpty();
  }

  // --- test-time augmentation ----------------------------------------------------------------

  @Test
  void scoresTheFinalValidationAndTestSetsOverViewsWithTta() throws IOException {
    JsonNode plain = quickTrainJson();
    JsonNode result = quickTrainJson("--tta", "3");
    CliRun printed = quickTrain("--tta", "3");

    // Test-time augmentation changes only what is scored at the end, not the run.
    assertThat(epochLosses(result)).isEqualTo(epochLosses(plain));
    assertThat(result.get("test")).isEqualTo(plain.get("test"));
    JsonNode tta = result.get("tta");
    assertThat(tta.get("views").asInt()).isEqualTo(3);
    assertThat(tta.get("spec").asText()).isEqualTo("rotate=8,shift=1,scale=0.05");
    assertThat(tta.get("validation").get("accuracy").asDouble()).isBetween(0.0, 1.0);
    assertThat(tta.get("test").get("accuracy").asDouble()).isBetween(0.0, 1.0);
    assertThat(tta.get("test").get("loss").asDouble()).isPositive();
    assertThat(plain.has("tta")).isFalse();
    assertThat(printed.out())
        .containsPattern(
            "(?m)^tta   3 views \\(the original \\+ 2 warped by rotate=8,shift=1,scale=0.05\\):"
                + " validation accuracy [01]\\.\\d{4} \\(plain [01]\\.\\d{4}\\), test"
                + " accuracy [01]\\.\\d{4} \\(plain [01]\\.\\d{4}\\)$");
  }
}
