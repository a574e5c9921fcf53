package dev.mnistlab.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataInfoTest {
  @TempDir Path dir;

  @Test
  void countsImagesPerClassAndNamesTheSource() {
    IdxFixtures.smallSet(dir);
    IdxFixtures.write(
        dir.resolve("t10k-labels-idx1-ubyte"), IdxFixtures.labels(0, 0, 0, 1, 1, 2, 9, 9, 9, 9));

    DataInfo info = DataInfo.of(dir);

    assertThat(info.trainImages()).isEqualTo(20);
    assertThat(info.testImages()).isEqualTo(10);
    assertThat(info.trainClassCounts()).isEqualTo(List.of(2, 2, 2, 2, 2, 2, 2, 2, 2, 2));
    assertThat(info.testClassCounts()).isEqualTo(List.of(3, 2, 1, 0, 0, 0, 0, 0, 0, 4));
    assertThat(info.provenance().kind()).isEqualTo("MNIST-like (checksums not those of MNIST)");
    assertThat(info.provenance().sources().get(MnistFile.TRAIN_IMAGES))
        .isEqualTo("user files in " + dir.toAbsolutePath().normalize());
    assertThat(info.fetchedAt()).isEmpty();
  }
}
