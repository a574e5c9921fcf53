package dev.mnistlab.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.mnistlab.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

class SoftmaxAverageTest {
  @Test
  void averagesEachImagesProbabilitiesClassByClass() {
    float[][] a = {{0.6f, 0.4f, 0f}, {0.1f, 0.1f, 0.8f}};
    float[][] b = {{0.2f, 0.8f, 0f}, {0.3f, 0.3f, 0.4f}};

    float[][] mean = SoftmaxAverage.mean(List.of(a, b));

    assertThat(mean[0]).containsExactly(new float[] {0.4f, 0.6f, 0f}, within(1e-7f));
    assertThat(mean[1]).containsExactly(new float[] {0.2f, 0.2f, 0.6f}, within(1e-7f));
  }

  @Test
  void anEnsembleCanBeRightWhereItsAverageMemberIsNot() {
    // Image 0 is a 1, image 1 a 0. A is right on image 1 only, B on image 0 only; together
    // they lean the right way on both: (0.45, 0.55) and (0.55, 0.45).
    float[][] a = {{0.6f, 0.4f}, {0.9f, 0.1f}};
    float[][] b = {{0.3f, 0.7f}, {0.2f, 0.8f}};
    int[] labels = {1, 0};

    Evaluation alone = SoftmaxAverage.evaluate(a, labels);
    Evaluation together = SoftmaxAverage.evaluate(SoftmaxAverage.mean(List.of(a, b)), labels);

    assertThat(alone.accuracy()).isEqualTo(0.5);
    assertThat(SoftmaxAverage.evaluate(b, labels).accuracy()).isEqualTo(0.5);
    assertThat(together.accuracy()).isEqualTo(1.0);
    // -(ln 0.55 + ln 0.55) / 2
    assertThat(together.loss()).isCloseTo(-Math.log(0.55), within(1e-6));
    // -(ln 0.4 + ln 0.9) / 2
    assertThat(alone.loss()).isCloseTo(-(Math.log(0.4) + Math.log(0.9)) / 2, within(1e-6));
  }

  @Test
  void anAverageOfOneIsTheMemberItself() {
    float[][] a = {{0.25f, 0.75f}};

    assertThat(SoftmaxAverage.mean(List.<float[][]>of(a))[0]).containsExactly(0.25f, 0.75f);
  }

  @Test
  void aTieGoesToTheLowestClass() {
    assertThat(SoftmaxAverage.argMax(new float[] {0.2f, 0.4f, 0.4f})).isEqualTo(1);
  }

  @Test
  void aCertainMistakeCostsTheFloorNotInfinity() {
    Evaluation e = SoftmaxAverage.evaluate(new float[][] {{1f, 0f}}, new int[] {1});

    assertThat(e.loss()).isCloseTo(-Math.log(SoftmaxAverage.FLOOR), within(1e-9));
    assertThat(e.accuracy()).isZero();
  }

  @Test
  void noImagesScoreNaN() {
    assertThat(SoftmaxAverage.evaluate(new float[0][], new int[0])).isEqualTo(Evaluation.NONE);
  }

  @Test
  void refusesMembersOfDifferentShapes() {
    assertThatThrownBy(
            () -> SoftmaxAverage.mean(List.of(new float[][] {{1f, 0f}}, new float[][] {{1f}})))
        .hasMessage("members must score the same classes: 2 and 1");
    assertThatThrownBy(
            () ->
                SoftmaxAverage.mean(
                    List.of(new float[][] {{1f, 0f}}, new float[][] {{1f, 0f}, {0f, 1f}})))
        .hasMessage("members must score the same images: 1 and 2");
    assertThatThrownBy(() -> SoftmaxAverage.mean(List.of()))
        .hasMessage("an average needs at least one member");
  }

  @Test
  void refusesALabelTheModelHasNoClassFor() {
    assertThatThrownBy(() -> SoftmaxAverage.evaluate(new float[][] {{0.5f, 0.5f}}, new int[] {7}))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("label 7 of image 0 is not one of the model's 2 classes");
  }
}
