package dev.mnistlab.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.assertj.core.data.Percentage.withPercentage;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mnistlab.cli.SyntheticMnist;
import dev.mnistlab.study.TrialFixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativeTuningTest {
  @TempDir Path dir;

  @Test
  void saysTheShimIsOffInAProcessStartedWithoutIt() {
    assumeThat(System.getenv("LD_PRELOAD")).isNull();

    assertThat(NativeTuning.mklShimLoaded()).isFalse();
    assertThat(NativeTuning.describe()).startsWith("MKL vendor shim off, malloc mmap threshold ");
  }

  /**
   * The shim must reach the engine's MKL (its products then come from another code path, so the
   * numbers change in the last digits), say so in the provenance, and leave training what it was.
   * Only AMD processors take a different path; the shim needs a C compiler.
   */
  @Test
  void shimChangesMklsCodePathOnAmdAndTrainingAgrees() throws Exception {
    assumeThat(Files.readString(Path.of("/proc/cpuinfo"))).contains("AuthenticAMD");
    Path shim = dir.resolve(NativeTuning.SHIM_NAME);
    Process build =
        new ProcessBuilder("src/main/native/build", shim.toString()).inheritIO().start();
    assertThat(build.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assumeThat(build.exitValue()).as("a C compiler builds the shim").isZero();
    Path data = SyntheticMnist.write(Files.createDirectories(dir.resolve("data")));

    JsonNode plain = train(data, null);
    JsonNode shimmed = train(data, shim);

    assertThat(plain.at("/provenance/engine").asText()).isEqualTo("PyTorch 2.7.1");
    assertThat(shimmed.at("/provenance/engine").asText())
        .isEqualTo("PyTorch 2.7.1 (MKL vendor shim)");
    double plainLoss = plain.at("/epochs/1/train_loss").asDouble();
    double shimLoss = shimmed.at("/epochs/1/train_loss").asDouble();
    assertThat(shimLoss).isNotEqualTo(plainLoss);
    assertThat(Math.abs(shimLoss - plainLoss)).isLessThan(1e-3 * plainLoss);
    assertThat(shimmed.at("/epochs/1/val_loss").asDouble())
        .isCloseTo(plain.at("/epochs/1/val_loss").asDouble(), withPercentage(0.1));
  }

  private JsonNode train(Path data, Path shim) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(TrialFixtures.javaCommand());
    command.addAll(
        List.of(
            "train",
            "--data-dir",
            data.toString(),
            "--epochs",
            "2",
            "--batch-size",
            "16",
            "--val-size",
            "20",
            "--threads",
            "1",
            "--json",
            "-"));
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
    builder.environment().remove("LD_PRELOAD");
    if (shim != null) {
      builder.environment().put("LD_PRELOAD", shim.toString());
    }
    Process process = builder.start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor()).as("train exit code").isZero();
    return JsonFormat.MAPPER.readTree(out);
  }
}
