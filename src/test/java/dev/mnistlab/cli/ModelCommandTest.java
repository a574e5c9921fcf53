package dev.mnistlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mnistlab.model.MachineMemory;
import dev.mnistlab.model.MemoryEstimate;
import org.junit.jupiter.api.Test;

class ModelCommandTest {
  @Test
  void describesTotalAndWarnsAboutTheSigmoidLossFloor() {
    CliRun run = CliRun.of("model", "describe", "--model", "linear(64),relu,linear(10),sigmoid");

    assertThat(run.code()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.outLines()).contains("total parameters: 50,890");
    assertThat(run.outLines())
        .filteredOn(line -> line.startsWith("warning [loss-floor]: "))
        .singleElement()
        .asString()
        .contains("ln(1+9/e) = 1.4612");
  }

  @Test
  void describesEachLayerWithItsShapeAndParameters() {
    CliRun run = CliRun.of("model", "describe", "--model", "linear(64),relu,linear(10)");

    assertThat(run.code()).isZero();
    assertThat(run.outLines())
        .anyMatch(line -> line.matches("\\s*1\\s+linear\\(64\\)\\s+64\\s+50,240"))
        .anyMatch(line -> line.matches("\\s*3\\s+linear\\(10\\)\\s+10\\s+650"))
        .noneMatch(line -> line.startsWith("warning"));
  }

  @Test
  void describesGlobalAveragePoolingAsOneValuePerChannel() {
    CliRun run =
        CliRun.of("model", "describe", "--model", "conv2d(16,3,1,1),batchnorm,relu,gap,linear(10)");

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.outLines())
        .anyMatch(line -> line.matches("\\s*2\\s+batchnorm\\s+16x28x28\\s+32"))
        .anyMatch(line -> line.matches("\\s*4\\s+gap\\s+16\\s+0"))
        .anyMatch(line -> line.matches("\\s*5\\s+linear\\(10\\)\\s+10\\s+170"))
        .anyMatch(line -> line.equals("total parameters: 362"))
        .noneMatch(line -> line.startsWith("warning"));
  }

  @Test
  void rejectsMalformedSpecWithOneLine() {
    CliRun run = CliRun.of("model", "describe", "--model", "linear(64");

    assertThat(run.badInputLine())
        .isEqualTo(
            "mnist-lab model describe: malformed model spec "
                + "at character 10: expected ')' in \"linear(64\"");
  }

  @Test
  void rejectsUnknownLayerWithOneLineNamingIt() {
    CliRun run = CliRun.of("model", "describe", "--model", "linear(10),swish");

    assertThat(run.badInputLine()).startsWith("mnist-lab model describe: unknown layer \"swish\"");
  }

  @Test
  void rejectsMissingModelFlag() {
    CliRun run = CliRun.of("model", "describe");

    assertThat(run.badInputLine()).contains("'--model=SPEC'");
  }

  @Test
  void printsTheMemoryTrainingNeedsAtTrainsDefaults() {
    CliRun run =
        CliRun.of("model", "describe", "--model", "linear(512),relu,linear(256),relu,linear(10)");

    assertThat(run.code()).isZero();
    assertThat(run.outLines())
        .contains(
            "memory to train: about 10.0 MiB (535,818 parameters "
                + "at batch 100 with adam); this machine has "
                + machine());
  }

  @Test
  void printsTheMemoryAtTheGivenBatchAndOptimizer() {
    CliRun run =
        CliRun.of(
            "model",
            "describe",
            "--model",
            "linear(64),relu,linear(10)",
            "--batch-size",
            "32",
            "--optimizer",
            "momentum");

    assertThat(run.code()).isZero();
    assertThat(run.outLines())
        .contains(
            "memory to train: about 826.9 KiB (50,890 parameters "
                + "at batch 32 with momentum); this machine has "
                + machine());
  }

  @Test
  void refusesANetworkTooBigForThisMachineAfterTheTable() {
    CliRun run = CliRun.of("model", "describe", "--model", "linear(1e9),relu,linear(10)");

    assertThat(run.badInputLine())
        .isEqualTo(
            "mnist-lab model describe: network needs about "
                + "13.0 TiB (795,000,000,010 parameters at batch 100 with adam), more than this "
                + "machine's "
                + machine()
                + " of memory");
    assertThat(run.outLines()).contains("total parameters: 795,000,000,010");
  }

  @Test
  void rejectsABatchSizeBelowOne() {
    CliRun run = CliRun.of("model", "describe", "--model", "linear(10)", "--batch-size", "0");

    assertThat(run.badInputLine())
        .isEqualTo("mnist-lab model describe: --batch-size must be >= 1, got 0");
  }

  @Test
  void rejectsUnitsPastAnIntWithTheirRange() {
    CliRun run = CliRun.of("model", "describe", "--model", "linear(3e9),relu,linear(10)");

    assertThat(run.badInputLine())
        .isEqualTo(
            "mnist-lab model describe: linear units must be "
                + "between 1 and 2147483647, got 3e9 in \"linear(3e9)\"");
  }

  private static String machine() {
    return MemoryEstimate.size(MachineMemory.totalBytes());
  }
}
