package dev.mnistlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mnistlab.train.JsonFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrialsCommandTest {
  @TempDir Path tmp;

  @Test
  void showsEveryTrialWithItsStateAndResults() {
    String url = FilledStorage.create(tmp);

    CliRun run = CliRun.of("trials", "--study", "demo", "--storage", url);

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("COMPLETE")
        .contains("FAILED")
        .contains("WAITING")
        .contains("0.9700")
        .contains("0.9810")
        .contains("exited with code 137")
        .contains("test-host:1:filled");
  }

  @Test
  void printsJsonForMachines() throws Exception {
    String url = FilledStorage.create(tmp);

    CliRun run = CliRun.of("trials", "--study", "demo", "--storage", url, "--json");

    JsonNode trials = JsonFormat.MAPPER.readTree(run.out());
    assertThat(trials).hasSize(4);
    assertThat(trials.get(1).get("final_val_accuracy").asDouble()).isEqualTo(0.98);
    assertThat(trials.get(2).get("state").asText()).isEqualTo("FAILED");
    assertThat(trials.get(3).get("test_accuracy").isNull()).isTrue();
  }

  @Test
  void rejectsAnUnknownStudyNamingTheOnesThere() {
    String url = FilledStorage.create(tmp);

    CliRun run = CliRun.of("trials", "--study", "dmeo", "--storage", url);

    assertThat(run.badInputLine()).contains("no study named 'dmeo'").contains("demo");
  }

  @Test
  void refusesAMissingStorageFileAndCreatesNothing() throws Exception {
    Path file = tmp.resolve("typo/lab.db");

    CliRun run = CliRun.of("trials", "--study", "demo", "--storage", "sqlite:" + file);

    assertThat(run.badInputLine())
        .isEqualTo(
            "mnist-lab trials: storage file "
                + file
                + " does not exist; commands that only read never create one ('study run', 'sweep'"
                + " and 'tune' do)");
    try (Stream<Path> left = Files.list(tmp)) {
      assertThat(left).isEmpty();
    }
  }
}
