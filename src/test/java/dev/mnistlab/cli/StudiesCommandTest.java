package dev.mnistlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mnistlab.storage.Storages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StudiesCommandTest {
  @TempDir Path tmp;

  @Test
  void listsEachStudyWithItsCountsByStateAndBestValue() {
    String url = FilledStorage.create(tmp);

    CliRun run = CliRun.of("studies", "--storage", url);

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("waiting")
        .contains("complete")
        .contains("failed")
        .contains("val_accuracy (max)")
        .contains("0.9800");
    String row =
        run.outLines().stream().filter(l -> l.startsWith("demo")).findFirst().orElseThrow();
    // waiting, running, complete, pruned, diverged, failed
    assertThat(row.replaceAll(".*\\d\\d:\\d\\d", "").trim().split("\\s+"))
        .containsExactly("1", "0", "2", "0", "0", "1", "0.9800");
  }

  @Test
  void saysWhenThereAreNoStudies() {
    String url = "sqlite:" + tmp.resolve("new.db");
    Storages.open(url).close();

    CliRun run = CliRun.of("studies", "--storage", url);

    assertThat(run.code()).isZero();
    assertThat(run.out()).contains("no studies in sqlite:").contains("yet");
  }

  @Test
  void rejectsAFileThatIsNotADatabase() throws Exception {
    Path notes =
        java.nio.file.Files.writeString(
            tmp.resolve("notes.txt"), "these are my notes, not a database\n".repeat(200));

    CliRun run = CliRun.of("studies", "--storage", "sqlite:" + notes);

    assertThat(run.badInputLine()).contains(notes.toString()).contains("not an SQLite database");
  }

  @Test
  void refusesAMissingStorageFileAndCreatesNothing() throws Exception {
    Path file = tmp.resolve("typo/lab.db");

    CliRun run = CliRun.of("studies", "--storage", "sqlite:" + file);

    assertThat(run.badInputLine())
        .isEqualTo(
            "mnist-lab studies: storage file "
                + file
                + " does not exist; commands that only read never create one ('study run', 'sweep'"
                + " and 'tune' do)");
    try (Stream<Path> left = Files.list(tmp)) {
      assertThat(left).isEmpty();
    }
  }
}
