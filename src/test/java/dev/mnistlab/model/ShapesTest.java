package dev.mnistlab.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mnistlab.InvalidInputException;
import org.junit.jupiter.api.Test;

class ShapesTest {

  private static Shapes.Inferred infer(String spec) {
    return Shapes.infer(SpecParser.parse(spec));
  }

  private static String output(Shapes.Inferred inferred, int index) {
    return inferred.outputs().get(index).text();
  }

  @Test
  void startsFlatWhenTheFirstShapedLayerIsLinear() {
    Shapes.Inferred inferred = infer("dropout(0.2),linear(64),relu,linear(10)");
    assertThat(inferred.input().text()).isEqualTo("784");
    assertThat(inferred.parameters()).containsExactly(0L, 50_240L, 0L, 650L);
  }

  @Test
  void startsFromOneImageChannelWhenTheFirstShapedLayerIsAConvolution() {
    Shapes.Inferred inferred = infer("conv2d(32,3),relu,maxpool(2),flatten,linear(10)");
    assertThat(inferred.input().text()).isEqualTo("1x28x28");
    assertThat(inferred.outputs().stream().map(Shapes.Dims::text))
        .containsExactly("32x26x26", "32x26x26", "32x13x13", "5408", "10");
    // conv: 32 filters * 1 channel * 3 * 3 + 32 biases; linear: 5408 * 10 + 10.
    assertThat(inferred.parameters()).containsExactly(320L, 0L, 0L, 0L, 54_090L);
  }

  @Test
  void appliesStrideAndPaddingLikePyTorch() {
    Shapes.Inferred inferred = infer("conv2d(8,3,2,1),avgpool(2),flatten,linear(10)");
    // floor((28 + 2 - 3) / 2) + 1 = 14, then 14 / 2 = 7.
    assertThat(output(inferred, 0)).isEqualTo("8x14x14");
    assertThat(output(inferred, 1)).isEqualTo("8x7x7");
  }

  @Test
  void countsTwoTrainableValuesPerBatchnormFeatureOrChannel() {
    assertThat(infer("linear(64),batchnorm,relu,linear(10)").parameters().get(1)).isEqualTo(128L);
    assertThat(infer("conv2d(8,3),batchnorm,flatten,linear(10)").parameters().get(1))
        .isEqualTo(16L);
  }

  @Test
  void averagesEachChannelToOneValueWithoutParameters() {
    Shapes.Inferred inferred =
        infer("conv2d(32,3,1,1),relu,maxpool(2),conv2d(64,3,1,1),relu,gap,linear(10)");
    assertThat(inferred.outputs().stream().map(Shapes.Dims::text))
        .containsExactly("32x28x28", "32x28x28", "32x14x14", "64x14x14", "64x14x14", "64", "10");
    assertThat(inferred.parameters().get(5)).isZero();
    // The head sees 64 channel means: 64 * 10 + 10, not 64 * 14 * 14 * 10 + 10.
    assertThat(inferred.parameters().get(6)).isEqualTo(650L);
  }

  @Test
  void startsFromAnImageWhenGapIsTheFirstShapedLayer() {
    // The mean of the picture's one channel: a single value.
    Shapes.Inferred inferred = infer("gap,linear(10)");
    assertThat(inferred.input().text()).isEqualTo("1x28x28");
    assertThat(output(inferred, 0)).isEqualTo("1");
    assertThat(inferred.parameters()).containsExactly(0L, 20L);
  }

  @Test
  void rejectsGapOnAFlatInputSayingWhy() {
    assertThatThrownBy(() -> infer("conv2d(8,3),flatten,gap,linear(10)"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "gap at layer 3 needs a CxHxW input to average each channel over, got 5408"
                + " (after flattening)");
    assertThatThrownBy(() -> infer("conv2d(8,3),gap,gap,linear(10)"))
        .hasMessage(
            "gap at layer 3 needs a CxHxW input to average each channel over, got 8 (after gap)");
  }

  @Test
  void countsTheMultiplyAddsOfLinearLayersAndConvolutions() {
    // PyTorch's MNIST example: 1 * 9 per value on 32x26x26, 32 * 9 per value on 64x24x24,
    // then 9216 * 128 and 128 * 10.
    long example =
        infer(
                "conv2d(32,3),relu,conv2d(64,3),relu,maxpool(2),dropout(0.25),flatten,"
                    + "linear(128),relu,dropout(0.5),linear(10)")
            .multiplyAdds();
    assertThat(example).isEqualTo(9L * 32 * 26 * 26 + 32L * 9 * 64 * 24 * 24 + 9216L * 128 + 1280);
    // An MLP does one per weight.
    assertThat(infer("linear(64),relu,linear(10)").multiplyAdds()).isEqualTo(784L * 64 + 640);
  }

  @Test
  void saturatesTheMultiplyAddsOfAHugeButValidNetwork() {
    assertThat(infer("conv2d(1000000,28,1,1000000),gap,linear(10)").multiplyAdds())
        .isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void rejectsLinearOnAnImageSuggestingFlatten() {
    assertThatThrownBy(() -> infer("conv2d(32,3),relu,maxpool(2),relu,linear(10)"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("linear at layer 5 needs a flat input, got 32x13x13: add flatten before it");
  }

  @Test
  void rejectsConvolutionAfterFlattening() {
    assertThatThrownBy(() -> infer("conv2d(8,3),maxpool(2),flatten,conv2d(8,3),linear(10)"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("conv2d at layer 4 needs a CxHxW input, got 1352 (after flattening)");
  }

  @Test
  void rejectsPoolingAfterALinearLayer() {
    assertThatThrownBy(() -> infer("linear(64),maxpool(2),linear(10)"))
        .hasMessage("maxpool at layer 2 needs a CxHxW input, got 64 (after linear)");
  }

  @Test
  void rejectsAConvolutionThatShrinksBelowOnePixel() {
    assertThatThrownBy(() -> infer("conv2d(8,30),flatten,linear(10)"))
        .hasMessage(
            "conv2d at layer 1 shrinks a side below 1: kernel 30, stride 1, padding 0 on 1x28x28");
  }

  @Test
  void rejectsPoolingThatShrinksBelowOnePixel() {
    assertThatThrownBy(() -> infer("conv2d(8,3),maxpool(27),flatten,linear(10)"))
        .hasMessage("maxpool at layer 2 shrinks a side below 1: kernel 27 on 8x26x26");
  }

  @Test
  void rejectsAnOutputOtherThanTenValues() {
    assertThatThrownBy(() -> infer("linear(128),relu,linear(64)"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("the model must output 10 values (one per digit), got 64");
    assertThatThrownBy(() -> infer("relu"))
        .hasMessage("the model must output 10 values (one per digit), got 784");
    assertThatThrownBy(() -> infer("conv2d(10,28)"))
        .hasMessage("the model must output 10 values (one per digit), got 10x1x1");
  }

  @Test
  void refusesALayerWhoseParametersPassALongInsteadOfWrappingRound() {
    assertThatThrownBy(() -> infer("conv2d(2000000000,2000000000,1,1000000000),flatten,linear(10)"))
        .hasMessage(
            "conv2d(2000000000,2000000000,1,1000000000) at layer 1 brings the network "
                + "past 9223372036854775807 values or parameters, more than any machine holds");
  }

  @Test
  void refusesANetworkWhoseTotalPassesALong() {
    assertThatThrownBy(
            () -> infer("linear(2147483647),linear(2147483647),linear(2147483647),linear(10)"))
        .hasMessage(
            "linear(2147483647) at layer 3 brings the network past "
                + "9223372036854775807 values or parameters, more than any machine holds");
  }
}
