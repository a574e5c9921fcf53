package dev.mnistlab.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mnistlab.InvalidInputException;
import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SplitIndicesTest {

  @Test
  void lastModeHoldsOutTheLastImagesForEverySeed() {
    SplitIndices a = SplitIndices.compute(60000, new SplitOptions(5000, SplitMode.LAST, 1, null));
    SplitIndices b = SplitIndices.compute(60000, new SplitOptions(5000, SplitMode.LAST, 2, null));

    assertThat(a.train()).hasSize(55000).startsWith(0, 1, 2).endsWith(54999);
    assertThat(a.val()).hasSize(5000).startsWith(55000).endsWith(59999);
    assertThat(b.train()).isEqualTo(a.train());
    assertThat(b.val()).isEqualTo(a.val());
  }

  @Test
  void randomModeIsDeterministicPerSeedAndDiffersAcrossSeeds() {
    SplitIndices a = SplitIndices.compute(1000, new SplitOptions(100, SplitMode.RANDOM, 7, null));
    SplitIndices again =
        SplitIndices.compute(1000, new SplitOptions(100, SplitMode.RANDOM, 7, null));
    SplitIndices other =
        SplitIndices.compute(1000, new SplitOptions(100, SplitMode.RANDOM, 8, null));

    assertThat(again.val()).isEqualTo(a.val());
    assertThat(other.val()).isNotEqualTo(a.val());
    assertThat(a.val()).hasSize(100).isSorted();
    assertThat(a.train()).hasSize(900).isSorted();
  }

  @Test
  void randomModePartitionsTheImages() {
    SplitIndices s = SplitIndices.compute(500, new SplitOptions(60, SplitMode.RANDOM, 3, null));

    int[] all =
        IntStream.concat(Arrays.stream(s.train()), Arrays.stream(s.val())).sorted().toArray();
    assertThat(all).isEqualTo(IntStream.range(0, 500).toArray());
  }

  @Test
  void zeroValidationKeepsEveryImageForTraining() {
    SplitIndices s = SplitIndices.compute(60000, new SplitOptions(0, SplitMode.LAST, 0, null));

    assertThat(s.train()).hasSize(60000);
    assertThat(s.val()).isEmpty();
  }

  @Test
  void trainLimitKeepsTheFirstTrainingImages() {
    SplitIndices s = SplitIndices.compute(60000, new SplitOptions(5000, SplitMode.LAST, 0, 1000));

    assertThat(s.train()).hasSize(1000).startsWith(0).endsWith(999);
    assertThat(s.val()).hasSize(5000);
  }

  @Test
  void rejectsValidationAsLargeAsTheTrainingSet() {
    assertThatThrownBy(
            () -> SplitIndices.compute(60000, new SplitOptions(70000, SplitMode.LAST, 0, null)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("validation size must be between 0 and 59999, got 70000");
    assertThatThrownBy(
            () -> SplitIndices.compute(60000, new SplitOptions(60000, SplitMode.RANDOM, 0, null)))
        .hasMessage("validation size must be between 0 and 59999, got 60000");
  }

  @Test
  void rejectsTrainLimitBeyondTheTrainingPart() {
    assertThatThrownBy(
            () -> SplitIndices.compute(60000, new SplitOptions(5000, SplitMode.LAST, 0, 60000)))
        .hasMessage(
            "train limit must be between 1 and 55000 (training images left after"
                + " holding out 5000 for validation), got 60000");
  }
}
