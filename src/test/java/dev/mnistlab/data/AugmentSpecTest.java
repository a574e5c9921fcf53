package dev.mnistlab.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mnistlab.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AugmentSpecTest {
  @Test
  void readsEveryKeyAndWritesThemBackInAFixedOrder() {
    AugmentSpec spec = AugmentSpec.parse(" scale=0.1, shift=2,rotate=12 ,elastic=34:5");

    assertThat(spec).isEqualTo(new AugmentSpec(12, 2, 0.1, 34, 5));
    assertThat(spec.text()).isEqualTo("rotate=12,shift=2,scale=0.1,elastic=34:5");
    assertThat(AugmentSpec.parse(spec.text())).isEqualTo(spec);
  }

  @Test
  void elasticWithoutSigmaTakesSimardsFour() {
    assertThat(AugmentSpec.parse("elastic=34").elasticSigma()).isEqualTo(4);
  }

  @ParameterizedTest
  @ValueSource(strings = {"none", "NONE", "", "  ", "rotate=0,shift=0"})
  void readsNoAugmentation(String text) {
    assertThat(AugmentSpec.parse(text).isNone()).isTrue();
    assertThat(AugmentSpec.parse(text).text()).isEqualTo("none");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "zoom=2|--augment: unknown key 'zoom'; allowed: rotate=DEG, shift=PX, scale=S,"
            + " elastic=ALPHA[:SIGMA], or none",
        "rotate=-5|--augment: rotate must be >= 0 and < 180 degrees, got -5",
        "rotate=abc|--augment: rotate must be a number, got 'abc'",
        "rotate=180|--augment: rotate must be >= 0 and < 180 degrees, got 180",
        "shift=14|--augment: shift must be >= 0 and < 14 pixels, got 14",
        "shift=-1|--augment: shift must be >= 0 and < 14 pixels, got -1",
        "scale=0|--augment: scale must be in (0, 1), got 0",
        "scale=1.5|--augment: scale must be in (0, 1), got 1.5",
        "elastic=-34|--augment: elastic alpha must be > 0, got -34",
        "elastic=34:0|--augment: elastic sigma must be > 0, got 0",
        "rotate|--augment: rotate needs a value, e.g. rotate=12",
        "rotate=5,rotate=6|--augment: rotate is given twice in 'rotate=5,rotate=6'",
        "flip|--augment: flip mirrors images left-right, which changes the label of digits (a"
            + " mirrored 2, 3 or 7 is no digit), and MNIST is the only data set mnist-lab knows;"
            + " not allowed"
      })
  void refusesBadSpecNamingTheRuleAndValue(String text, String message) {
    assertThatThrownBy(() -> AugmentSpec.parse(text))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(message);
  }

  @Test
  void refusesAnEmptyEntry() {
    assertThatThrownBy(() -> AugmentSpec.parse("rotate=5,,shift=1"))
        .hasMessageStartingWith("--augment: empty entry in 'rotate=5,,shift=1'");
  }
}
