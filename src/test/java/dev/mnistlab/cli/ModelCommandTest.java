package dev.mnistlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ModelCommandTest {
  @Test
  void describesTotalAndWarnsAboutTheSigmoidLossFloor() {
    CliRun run = CliRun.of("model", "describe", "--model", "linear(64),relu,linear(10),sigmoid");

    assertThat(run.code()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.outLines()).contains("total parameters: 50,890");
    assertThat(run.outLines()).filteredOn(line -> line.startsWith("warning [loss-floor]: "))
        .singleElement().asString().contains("ln(1+9/e) = 1.4612");
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
  void rejectsMalformedSpecWithOneLine() {
    CliRun run = CliRun.of("model", "describe", "--model", "linear(64");

    assertThat(run.badInputLine()).isEqualTo("mnist-lab model describe: malformed model spec "
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
}
