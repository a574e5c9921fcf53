package dev.mnistlab.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class LintTest {

  private static List<LintWarning> lint(String spec) {
    return Lint.warnings(SpecParser.parse(spec));
  }

  /** Computes cross-entropy of one example from first principles, independent of Lint. */
  private static double crossEntropy(double[] logits, int target) {
    double sum = 0;
    for (double z : logits) {
      sum += Math.exp(z);
    }
    return Math.log(sum) - logits[target];
  }

  @Test
  void findsNothingInAPlainMlp() {
    assertThat(lint("linear(512),relu,linear(256),relu,linear(10)")).isEmpty();
    assertThat(Lint.lossFloor(SpecParser.parse("linear(64),relu,linear(10)"))).isEmpty();
  }

  @Test
  void putsTheSigmoidFloorAtLnOnePlusNineOverE() {
    double floor =
        Lint.lossFloor(SpecParser.parse("linear(64),relu,linear(10),sigmoid")).getAsDouble();
    assertThat(floor).isCloseTo(1.46115, within(1e-5));
    assertThat(floor)
        .isCloseTo(crossEntropy(new double[] {1, 0, 0, 0, 0, 0, 0, 0, 0, 0}, 0), within(1e-12));
  }

  @Test
  void warnsAboutASigmoidLastLayerWithItsFloor() {
    assertThat(lint("linear(64),relu,linear(10),sigmoid"))
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.code()).isEqualTo(LintWarning.Code.LOSS_FLOOR);
              assertThat(w.message())
                  .isEqualTo(
                      "last layer sigmoid squashes logits into (0,1) before cross-entropy:"
                          + " training loss cannot go below ln(1+9/e) = 1.4612");
            });
  }

  @Test
  void givesSoftmaxLastTheSameFloorAsSigmoid() {
    List<Layer> layers = SpecParser.parse("linear(10),softmax");
    assertThat(Lint.lossFloor(layers).getAsDouble())
        .isCloseTo(Math.log(1 + 9 / Math.E), within(1e-12));
    assertThat(Lint.warnings(layers).get(0).message())
        .isEqualTo(
            "last layer softmax turns logits into probabilities in (0,1) before cross-entropy:"
                + " training loss cannot go below ln(1+9/e) = 1.4612");
  }

  @Test
  void putsTheTanhFloorAtTrueOneOthersMinusOne() {
    List<Layer> layers = SpecParser.parse("linear(10),tanh");
    double floor = Lint.lossFloor(layers).getAsDouble();
    double[] best = {1, -1, -1, -1, -1, -1, -1, -1, -1, -1};
    assertThat(floor).isCloseTo(crossEntropy(best, 0), within(1e-12));
    assertThat(floor).isCloseTo(0.79661, within(1e-5));
    assertThat(Lint.warnings(layers).get(0).message())
        .endsWith("training loss cannot go below ln(1+9/e^2) = 0.7966");
  }

  @Test
  void warnsAboutLinearLayersThatCollapse() {
    assertThat(lint("linear(64),dropout(0.5),batchnorm,linear(10)"))
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.code()).isEqualTo(LintWarning.Code.COLLAPSING_LAYERS);
              assertThat(w.message())
                  .isEqualTo(
                      "linear(10) at layer 4 follows linear(64) at layer 1 with no"
                          + " non-linearity between them: the two collapse into one linear map");
            });
  }

  @Test
  void treatsAveragePoolingAsLinearAndMaxPoolingAsNot() {
    assertThat(lint("conv2d(8,3),avgpool(2),conv2d(8,3),relu,flatten,linear(10)"))
        .extracting(LintWarning::code)
        .containsExactly(LintWarning.Code.COLLAPSING_LAYERS);
    assertThat(lint("conv2d(8,3),maxpool(2),conv2d(8,3),relu,flatten,linear(10)")).isEmpty();
  }

  @Test
  void treatsGlobalAveragePoolingAsLinear() {
    assertThat(lint("conv2d(16,3),gap,linear(10)"))
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.code()).isEqualTo(LintWarning.Code.COLLAPSING_LAYERS);
              assertThat(w.reason()).contains("gap");
            });
    assertThat(lint("conv2d(16,3),relu,gap,linear(10)")).isEmpty();
  }

  @Test
  void warnsAboutDropoutLast() {
    assertThat(lint("linear(64),relu,linear(10),dropout(0.5)"))
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.code()).isEqualTo(LintWarning.Code.DROPOUT_LAST);
              assertThat(w.message())
                  .isEqualTo("last layer dropout(0.5) randomly zeroes class scores while training");
            });
  }
}
