package dev.mnistlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mnistlab.train.JsonFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportCommandTest {
  @TempDir Path tmp;

  @Test
  void writesARowPerTrialAsCsv() {
    String url = FilledStorage.create(tmp);

    CliRun run = CliRun.of("export", "--study", "demo", "--storage", url, "--format", "csv");

    assertThat(run.code()).as(run.err()).isZero();
    List<String> lines = run.out().lines().toList();
    assertThat(lines).hasSize(5);
    List<String> header = List.of(lines.get(0).split(","));
    assertThat(header)
        .startsWith("study", "number", "label", "state", "seed", "param_lr")
        .contains("model", "batch_size", "final_val_accuracy", "test_accuracy", "reason");
    String second = lines.get(2);
    assertThat(second)
        .startsWith("demo,1,b,COMPLETE,2,0.01,")
        .contains("\"" + dev.mnistlab.train.TrainConfig.DEFAULT_MODEL + "\"");
    assertThat(lines.get(3)).startsWith("demo,2,\"c, with comma\",FAILED,3,0.1,");
  }

  @Test
  void writesARowPerEpochAsJsonIntoAFile() throws Exception {
    String url = FilledStorage.create(tmp);
    Path file = tmp.resolve("epochs.json");

    CliRun run =
        CliRun.of(
            "export",
            "--study",
            "demo",
            "--storage",
            url,
            "--format",
            "json",
            "--epochs",
            "--out",
            file.toString());

    assertThat(run.code()).as(run.err()).isZero();
    JsonNode rows = JsonFormat.MAPPER.readTree(Files.readString(file));
    assertThat(rows).hasSize(4);
    assertThat(rows.get(3).get("number").asInt()).isEqualTo(1);
    assertThat(rows.get(3).get("epoch").asInt()).isEqualTo(2);
    assertThat(rows.get(3).get("val_accuracy").asDouble()).isEqualTo(0.98);
  }

  @Test
  void writesThroughASymlinkToItsTargetAndKeepsTheLink() throws Exception {
    String url = FilledStorage.create(tmp);
    Path real = tmp.resolve("trials.csv");
    Path link = Files.createSymbolicLink(tmp.resolve("latest.csv"), real.getFileName());

    CliRun run = CliRun.of("export", "--study", "demo", "--storage", url, "-o", link.toString());

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(Files.readString(real)).startsWith("study,number,label,state");
  }

  @Test
  void writesToADeviceWithoutReplacingIt() throws Exception {
    String url = FilledStorage.create(tmp);
    // A copy of /dev/null in the test's own directory, never the system's; mknod needs root.
    Path device = tmp.resolve("null");
    org.junit.jupiter.api.Assumptions.assumeTrue(
        new ProcessBuilder("mknod", device.toString(), "c", "1", "3").start().waitFor() == 0,
        "mknod needs root");

    CliRun run = CliRun.of("export", "--study", "demo", "--storage", url, "-o", device.toString());

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(Files.isRegularFile(device)).isFalse();
  }

  @Test
  void rejectsAnUnknownFormat() {
    CliRun run = CliRun.of("export", "--study", "demo", "--format", "xml");

    assertThat(run.badInputLine()).contains("--format").contains("xml");
  }

  @Test
  void refusesAMissingStorageFileAndCreatesNothing() throws Exception {
    Path file = tmp.resolve("typo/lab.db");

    CliRun run =
        CliRun.of(
            "export",
            "--study",
            "demo",
            "--storage",
            "sqlite:" + file,
            "--out",
            tmp.resolve("trials.csv").toString());

    assertThat(run.badInputLine())
        .isEqualTo(
            "mnist-lab export: storage file "
                + file
                + " does not exist; commands that only read never create one ('study run', 'sweep'"
                + " and 'tune' do)");
    try (Stream<Path> left = Files.list(tmp)) {
      assertThat(left).isEmpty();
    }
  }

  @Test
  void csvHasAHeaderAndARowPerMapWithEmptyCellsForMissingValues() {
    Map<String, Object> first = new LinkedHashMap<>();
    first.put("a", 1);
    first.put("b", null);
    Map<String, Object> second = Map.of("a", "", "b", 0.5);

    assertThat(ExportCommand.csv(List.of("a", "b"), List.of(first, second)))
        .isEqualTo("a,b\r\n1,\r\n,0.5\r\n");
  }

  @Test
  void csvQuotesCellsWithCommasQuotesAndLineBreaks() {
    assertThat(oneCell("linear(8),relu")).isEqualTo("\"linear(8),relu\"");
    assertThat(oneCell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
    assertThat(oneCell("two\nlines")).isEqualTo("\"two\nlines\"");
    assertThat(oneCell("plain")).isEqualTo("plain");
    assertThat(oneCell(-0.25)).isEqualTo("-0.25");
  }

  @Test
  void csvAlsoQuotesCellsThatStartWithACommentOrSpaceOrEndWithSpace() {
    // Commons CSV's minimal quoting; the hand-written writer before it left these bare.
    assertThat(oneCell("#1")).isEqualTo("\"#1\"");
    assertThat(oneCell(" lead")).isEqualTo("\" lead\"");
    assertThat(oneCell("trail ")).isEqualTo("\"trail \"");
  }

  private static String oneCell(Object value) {
    String text = ExportCommand.csv(List.of("x", "y"), List.of(Map.of("y", 1, "x", value)));
    return text.substring("x,y\r\n".length(), text.length() - ",1\r\n".length());
  }
}
