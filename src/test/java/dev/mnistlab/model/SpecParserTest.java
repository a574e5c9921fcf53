package dev.mnistlab.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mnistlab.InvalidInputException;
import org.junit.jupiter.api.Test;

class SpecParserTest {

  @Test
  void readsEveryLayerName() {
    assertThat(
            SpecParser.parse(
                "linear(8),relu,sigmoid,tanh,gelu,leaky_relu,leaky_relu(0.2),softmax,"
                    + "dropout(0.5),batchnorm,flatten,conv2d(4,3),conv2d(4,3,2),"
                    + "conv2d(4,3,1,1),maxpool(2),avgpool(3),gap"))
        .containsExactly(
            new Layer.Linear(8),
            new Layer.Relu(),
            new Layer.Sigmoid(),
            new Layer.Tanh(),
            new Layer.Gelu(),
            new Layer.LeakyRelu(0.01),
            new Layer.LeakyRelu(0.2),
            new Layer.Softmax(),
            new Layer.Dropout(0.5),
            new Layer.BatchNorm(),
            new Layer.Flatten(),
            new Layer.Conv2d(4, 3, 1, 0),
            new Layer.Conv2d(4, 3, 2, 0),
            new Layer.Conv2d(4, 3, 1, 1),
            new Layer.MaxPool(2),
            new Layer.AvgPool(3),
            new Layer.GlobalAvgPool());
  }

  @Test
  void ignoresCaseAndWhitespace() {
    assertThat(SpecParser.parse("  Linear ( 64 ) ,\tRELU,LINEAR(10)  "))
        .containsExactly(new Layer.Linear(64), new Layer.Relu(), new Layer.Linear(10));
  }

  @Test
  void acceptsEmptyParenthesesForLayersWithoutArguments() {
    assertThat(SpecParser.parse("relu()")).containsExactly(new Layer.Relu());
  }

  @Test
  void rejectsEmptyText() {
    assertThatThrownBy(() -> SpecParser.parse("  "))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("model spec must not be empty, got \"  \"");
  }

  @Test
  void rejectsMissingClosingParenthesisNamingTheCharacter() {
    assertThatThrownBy(() -> SpecParser.parse("tanh,linear(64"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("malformed model spec at character 15: expected ')' in \"linear(64\"");
  }

  @Test
  void rejectsAWordWhereANumberBelongs() {
    assertThatThrownBy(() -> SpecParser.parse("linear(64,relu,linear(10)"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "malformed model spec at character 11: expected a number in \"linear(64,relu\"");
  }

  @Test
  void rejectsAnEmptyLayerBetweenCommas() {
    assertThatThrownBy(() -> SpecParser.parse("linear(64),,linear(10)"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("malformed model spec at character 12: expected a layer name in \",\"");
  }

  @Test
  void rejectsATrailingComma() {
    assertThatThrownBy(() -> SpecParser.parse("linear(10),"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("malformed model spec at character 12: expected a layer name at the end");
  }

  @Test
  void rejectsLayersNotSeparatedByCommas() {
    assertThatThrownBy(() -> SpecParser.parse("linear(64) relu"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "malformed model spec at character 12: expected ',' between layers in"
                + " \"linear(64) relu\"");
  }

  @Test
  void rejectsUnknownNamesListingTheAllowedOnes() {
    assertThatThrownBy(() -> SpecParser.parse("linear(64),swish,linear(10)"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "unknown layer \"swish\" at character 12; allowed: linear, relu, sigmoid, tanh,"
                + " gelu, leaky_relu, softmax, dropout, batchnorm, flatten, conv2d, maxpool,"
                + " avgpool, gap");
  }

  @Test
  void suggestsTheClosestNameForATypo() {
    assertThatThrownBy(() -> SpecParser.parse("lineer(10)"))
        .hasMessageStartingWith("unknown layer \"lineer\" at character 1 (did you mean linear?);");
  }
}
