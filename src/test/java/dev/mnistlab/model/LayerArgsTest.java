package dev.mnistlab.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mnistlab.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

class LayerArgsTest {

  @Test
  void rejectsTooManyArgumentsForLinear() {
    assertThatThrownBy(() -> SpecParser.parse("linear(3,4)"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("linear takes 1 argument (units), got 2 in \"linear(3,4)\"");
  }

  @Test
  void rejectsLinearWithoutUnits() {
    assertThatThrownBy(() -> SpecParser.parse("linear"))
        .hasMessage("linear takes 1 argument (units), got 0 in \"linear\"");
  }

  @Test
  void rejectsArgumentsForActivations() {
    assertThatThrownBy(() -> SpecParser.parse("relu(2)"))
        .hasMessage("relu takes no arguments, got 1 in \"relu(2)\"");
  }

  @Test
  void rejectsTwoSlopesForLeakyRelu() {
    assertThatThrownBy(() -> SpecParser.parse("leaky_relu(0.1, 0.2)"))
        .hasMessage("leaky_relu takes 0 or 1 arguments (slope), got 2 in \"leaky_relu(0.1, 0.2)\"");
  }

  @Test
  void rejectsDropoutWithoutRate() {
    assertThatThrownBy(() -> SpecParser.parse("dropout"))
        .hasMessage("dropout takes 1 argument (p), got 0 in \"dropout\"");
  }

  @Test
  void rejectsConvolutionWithOneArgument() {
    assertThatThrownBy(() -> SpecParser.parse("conv2d(3)"))
        .hasMessage(
            "conv2d takes 2 to 4 arguments (out, kernel, stride, padding), got 1 in"
                + " \"conv2d(3)\"");
  }

  @Test
  void rejectsArgumentsForGlobalAveragePooling() {
    assertThatThrownBy(() -> SpecParser.parse("conv2d(10,3),gap(2)"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("gap takes no arguments, got 1 in \"gap(2)\"");
  }

  @Test
  void rejectsPoolingWithTwoArguments() {
    assertThatThrownBy(() -> SpecParser.parse("maxpool(2,2)"))
        .hasMessage("maxpool takes 1 argument (kernel), got 2 in \"maxpool(2,2)\"");
  }

  @Test
  void rejectsFractionalUnits() {
    assertThatThrownBy(() -> SpecParser.parse("linear(3.5)"))
        .hasMessage("linear units must be a whole number, got 3.5 in \"linear(3.5)\"");
  }

  @Test
  void rejectsFractionalKernel() {
    assertThatThrownBy(() -> SpecParser.parse("conv2d(8, 2.5)"))
        .hasMessage("conv2d kernel must be a whole number, got 2.5 in \"conv2d(8, 2.5)\"");
  }

  @Test
  void rejectsUnitsBeyondAnIntWithTheRange() {
    assertThatThrownBy(() -> SpecParser.parse("linear(3e9),relu,linear(10)"))
        .hasMessage("linear units must be between 1 and 2147483647, got 3e9 in \"linear(3e9)\"");
  }

  @Test
  void rejectsEveryConvolutionArgumentBeyondAnIntWithItsRange() {
    assertThatThrownBy(() -> SpecParser.parse("conv2d(5e9,3)"))
        .hasMessage(
            "conv2d out channels must be between 1 and 2147483647, got 5e9 in "
                + "\"conv2d(5e9,3)\"");
    assertThatThrownBy(() -> SpecParser.parse("conv2d(8,-3e9)"))
        .hasMessage(
            "conv2d kernel must be between 1 and 2147483647, got -3e9 in " + "\"conv2d(8,-3e9)\"");
    assertThatThrownBy(() -> SpecParser.parse("conv2d(8,3,1e10)"))
        .hasMessage(
            "conv2d stride must be between 1 and 2147483647, got 1e10 in "
                + "\"conv2d(8,3,1e10)\"");
    assertThatThrownBy(() -> SpecParser.parse("conv2d(8,3,1,2147483648)"))
        .hasMessage(
            "conv2d padding must be between 0 and 2147483647, got 2147483648 in "
                + "\"conv2d(8,3,1,2147483648)\"");
    assertThatThrownBy(() -> SpecParser.parse("maxpool(1e12)"))
        .hasMessage(
            "maxpool kernel must be between 1 and 2147483647, got 1e12 in " + "\"maxpool(1e12)\"");
    assertThatThrownBy(() -> SpecParser.parse("avgpool(1e12)"))
        .hasMessage(
            "avgpool kernel must be between 1 and 2147483647, got 1e12 in " + "\"avgpool(1e12)\"");
  }

  @Test
  void rejectsRatesBeyondTheirRangeWrittenWithHugeExponents() {
    assertThatThrownBy(() -> SpecParser.parse("dropout(1e400)"))
        .hasMessage("dropout p must be in [0, 1), got Infinity");
    assertThatThrownBy(() -> SpecParser.parse("leaky_relu(1e400)"))
        .hasMessage("leaky_relu slope must be finite and >= 0, got Infinity");
  }

  @Test
  void acceptsWholeNumbersWrittenAsDecimals() {
    assertThat(LayerArgs.build("linear", List.of("64.0"), "linear(64.0)"))
        .isEqualTo(new Layer.Linear(64));
  }

  @Test
  void passesRangeErrorsThroughFromTheRecords() {
    assertThatThrownBy(() -> SpecParser.parse("dropout(1.5)"))
        .hasMessage("dropout p must be in [0, 1), got 1.5");
    assertThatThrownBy(() -> SpecParser.parse("linear(0)"))
        .hasMessage("linear units must be >= 1, got 0");
    assertThatThrownBy(() -> SpecParser.parse("maxpool(0)"))
        .hasMessage("maxpool kernel must be >= 1, got 0");
  }
}
