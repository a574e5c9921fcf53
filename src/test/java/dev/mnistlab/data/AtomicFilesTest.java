package dev.mnistlab.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mnistlab.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
  @TempDir Path dir;

  @Test
  void writesBytesWhoseChecksumMatches() throws Exception {
    byte[] bytes = IdxFixtures.labels(1, 2, 3);
    Path target = dir.resolve("train-labels-idx1-ubyte");

    AtomicFiles.writeVerified(target, bytes, Sha256.of(bytes));

    assertThat(Files.readAllBytes(target)).isEqualTo(bytes);
    assertThat(listing()).containsExactly("train-labels-idx1-ubyte");
  }

  @Test
  void leavesNoFileBehindWhenTheChecksumFails() throws Exception {
    byte[] bytes = IdxFixtures.labels(1, 2, 3);
    Path target = dir.resolve("train-labels-idx1-ubyte");

    assertThatThrownBy(() -> AtomicFiles.writeVerified(target, bytes, "00ff"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "train-labels-idx1-ubyte: SHA-256 mismatch: expected 00ff, got " + Sha256.of(bytes));
    assertThat(listing()).isEmpty();
  }

  @Test
  void keepsTheOldFileWhenTheReplacementFails() throws Exception {
    Path target = dir.resolve("t10k-labels-idx1-ubyte");
    Files.write(target, new byte[] {42});

    assertThatThrownBy(() -> AtomicFiles.writeVerified(target, new byte[] {1}, "00ff"))
        .isInstanceOf(InvalidInputException.class);

    assertThat(Files.readAllBytes(target)).containsExactly(42);
    assertThat(listing()).containsExactly("t10k-labels-idx1-ubyte");
  }

  @Test
  void replacesAnExistingFile() throws Exception {
    Path target = dir.resolve("SOURCE.properties");
    Files.write(target, new byte[] {42});

    AtomicFiles.write(target, new byte[] {7, 8});

    assertThat(Files.readAllBytes(target)).containsExactly(7, 8);
  }

  private List<String> listing() throws Exception {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).toList();
    }
  }
}
