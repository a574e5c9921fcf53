package dev.mnistlab.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mnistlab.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirectoryTest {
  @TempDir Path tmp;

  @Test
  void flagWinsOverEnvironmentAndDefault() {
    DataDirectory d =
        DataDirectory.resolve(
            Path.of("/flag"), Map.of("MNIST_LAB_DATA", "/env"), Path.of("/home/u"));

    assertThat(d).isEqualTo(new DataDirectory(Path.of("/flag"), DataDirectory.Origin.FLAG));
    assertThat(d.isDefault()).isFalse();
  }

  @Test
  void environmentWinsOverDefault() {
    DataDirectory d =
        DataDirectory.resolve(null, Map.of("MNIST_LAB_DATA", "/env/x/"), Path.of("/home/u"));

    assertThat(d).isEqualTo(new DataDirectory(Path.of("/env/x"), DataDirectory.Origin.ENV));
  }

  @Test
  void expandsTildeInTheEnvironmentVariable() {
    DataDirectory d =
        DataDirectory.resolve(null, Map.of("MNIST_LAB_DATA", "~/data"), Path.of("/home/u"));

    assertThat(d.path()).isEqualTo(Path.of("/home/u/data"));
  }

  @Test
  void defaultsToTheHomeDirectoryWhenNothingIsSet() {
    DataDirectory d =
        DataDirectory.resolve(null, Map.of("MNIST_LAB_DATA", " "), Path.of("/home/u"));

    assertThat(d)
        .isEqualTo(
            new DataDirectory(
                Path.of("/home/u/.mnist-lab/data/mnist"), DataDirectory.Origin.DEFAULT));
    assertThat(d.isDefault()).isTrue();
  }

  @Test
  void explicitMissingDirectoryIsAnError() {
    Path missing = tmp.resolve("nope");
    DataDirectory d = DataDirectory.resolve(missing, Map.of(), tmp);

    assertThatThrownBy(d::requireExisting)
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "data directory does not exist: "
                + missing
                + " (only 'mnist-lab data fetch' creates one)");
    assertThatThrownBy(() -> d.ensure(line -> {}, unusedFetcher()))
        .hasMessage(
            "data directory does not exist: "
                + missing
                + " (only 'mnist-lab data fetch' creates one)");
    assertThat(missing).doesNotExist();
  }

  @Test
  void explicitDirectoryLackingAFileIsAnErrorNotAFetch() throws Exception {
    Path dir = IdxFixtures.smallSet(tmp.resolve("data"));
    Files.delete(dir.resolve("train-labels-idx1-ubyte"));
    DataDirectory d = DataDirectory.resolve(null, Map.of("MNIST_LAB_DATA", dir.toString()), tmp);

    assertThatThrownBy(() -> d.ensure(line -> {}, unusedFetcher()))
        .hasMessage(
            "data directory "
                + dir
                + " lacks train-labels-idx1-ubyte (or"
                + " train-labels-idx1-ubyte.gz): run 'mnist-lab data fetch --data-dir "
                + dir
                + "' or copy the file there");
  }

  @Test
  void ensureReturnsAPopulatedDirectoryWithoutFetching() {
    Path dir = IdxFixtures.smallSet(tmp.resolve("data"));
    List<String> log = new ArrayList<>();

    Path ensured = DataDirectory.resolve(dir, Map.of(), tmp).ensure(log::add, unusedFetcher());

    assertThat(ensured).isEqualTo(dir);
    assertThat(log).isEmpty();
  }

  @Test
  void ensureFetchesIntoTheDefaultDirectoryOnFirstUseAndSaysSo() {
    FakeSources.Serving source = new FakeSources.Serving("fake", FakeSources.smallSetBytes());
    MnistFetcher fetcher =
        new MnistFetcher(log -> List.of(source), f -> Sha256.of(source.files.get(f)));
    DataDirectory d = DataDirectory.resolve(null, Map.of(), tmp);
    List<String> log = new ArrayList<>();

    Path ensured = d.ensure(log::add, fetcher);

    assertThat(ensured).isEqualTo(tmp.resolve(".mnist-lab/data/mnist"));
    assertThat(log.get(0)).isEqualTo("MNIST not found in " + ensured + ": fetching it (first use)");
    assertThat(ensured.resolve("t10k-labels-idx1-ubyte")).exists();
  }

  private static MnistFetcher unusedFetcher() {
    return new MnistFetcher(
        log -> {
          throw new AssertionError("must not fetch");
        },
        MnistFile::knownSha256);
  }
}
