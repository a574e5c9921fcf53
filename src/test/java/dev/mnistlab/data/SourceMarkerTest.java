package dev.mnistlab.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceMarkerTest {
  @TempDir Path dir;

  @Test
  void readsBackWhatItWrote() throws Exception {
    SourceMarker.Entry entry =
        new SourceMarker.Entry(
            "https://ossci-datasets.s3.amazonaws.com/mnist/train-images-idx3-ubyte.gz",
            MnistFile.TRAIN_IMAGES.knownSha256(),
            Instant.parse("2025-01-02T03:04:05Z"));
    new SourceMarker(Map.of()).with(MnistFile.TRAIN_IMAGES, entry).write(dir);

    SourceMarker read = SourceMarker.read(dir).orElseThrow();

    assertThat(read.entries()).containsExactly(Map.entry(MnistFile.TRAIN_IMAGES, entry));
  }

  @Test
  void isAbsentFromADirectoryItWasNotWrittenTo() {
    assertThat(SourceMarker.read(dir)).isEmpty();
  }
}
