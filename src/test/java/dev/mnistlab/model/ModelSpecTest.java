package dev.mnistlab.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mnistlab.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ModelSpecTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "linear(512),relu,linear(256),relu,linear(10)",
        "linear(64),relu,linear(10),sigmoid",
        "conv2d(32,3),relu,maxpool(2),flatten,linear(10)",
        "conv2d(16,5,2,2),batchnorm,leaky_relu(0.2),avgpool(2),flatten,dropout(0.25),"
            + "linear(10),softmax",
        "linear(128),gelu,dropout(0.5),leaky_relu,linear(10),tanh"
      })
  void roundTripsCanonicalText(String text) {
    ModelSpec spec = ModelSpec.parse(text);
    assertThat(spec.canonical()).isEqualTo(text);
    assertThat(ModelSpec.parse(spec.canonical())).isEqualTo(spec);
    assertThat(spec.toString()).isEqualTo(text);
  }

  @Test
  void canonicalisesCaseSpacesAndDefaults() {
    assertThat(ModelSpec.parse(" Linear( 64 ), ReLU , LINEAR(10) ").canonical())
        .isEqualTo("linear(64),relu,linear(10)");
    assertThat(
            ModelSpec.parse("CONV2D(8, 3, 1, 0),flatten,linear(10),leaky_relu(0.01)").canonical())
        .isEqualTo("conv2d(8,3),flatten,linear(10),leaky_relu");
  }

  @Test
  void countsTheSeedMlpsLikePyTorch() {
    assertThat(ModelSpec.parse("linear(64),relu,linear(10)").parameterCount()).isEqualTo(50_890);
    assertThat(ModelSpec.parse("linear(512),relu,linear(256),relu,linear(10)").parameterCount())
        .isEqualTo(535_818);
  }

  @Test
  void describesEachLayer() {
    ModelSummary summary =
        ModelSpec.parse("conv2d(32,3),relu,maxpool(2),flatten,linear(10)").describe();
    assertThat(summary.inputShape()).isEqualTo("1x28x28");
    assertThat(summary.rows())
        .containsExactly(
            new ModelSummary.Row(1, "conv2d(32,3)", "32x26x26", 320),
            new ModelSummary.Row(2, "relu", "32x26x26", 0),
            new ModelSummary.Row(3, "maxpool(2)", "32x13x13", 0),
            new ModelSummary.Row(4, "flatten", "5408", 0),
            new ModelSummary.Row(5, "linear(10)", "10", 54_090));
    assertThat(summary.totalParameters()).isEqualTo(54_410);
  }

  @Test
  void reportsTheLossFloorOnlyForBoundedOutputs() {
    assertThat(ModelSpec.parse("linear(64),relu,linear(10),sigmoid").lossFloor().getAsDouble())
        .isBetween(1.46115, 1.46119);
    assertThat(ModelSpec.parse("linear(64),relu,linear(10)").lossFloor()).isEmpty();
  }

  @Test
  void lintsThroughTheSpec() {
    assertThat(ModelSpec.parse("linear(10),dropout(0.1)").lint())
        .extracting(LintWarning::code)
        .containsExactly(LintWarning.Code.DROPOUT_LAST);
  }

  @Test
  void rejectsShapeErrorsWhenBuiltFromRecords() {
    assertThatThrownBy(() -> new ModelSpec(List.of(new Layer.Linear(64))))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("the model must output 10 values (one per digit), got 64");
    assertThatThrownBy(() -> new ModelSpec(List.of()))
        .hasMessage("model spec must not be empty, got \"\"");
  }

  @Test
  void tellsWhetherTheInputIsReshapedToAnImage() {
    assertThat(ModelSpec.parse("conv2d(4,3),flatten,linear(10)").takesImage()).isTrue();
    assertThat(ModelSpec.parse("flatten,linear(10)").takesImage()).isFalse();
  }

  @Test
  void listsTheLayerNames() {
    assertThat(ModelSpec.layerNames()).hasSize(14).startsWith("linear").endsWith("gap");
  }
}
