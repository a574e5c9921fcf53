package dev.mnistlab.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mnistlab.InvalidInputException;
import org.junit.jupiter.api.Test;

class SplitOptionsTest {

  @Test
  void defaultsToTheClassicLast5000() {
    assertThat(SplitOptions.defaults()).isEqualTo(new SplitOptions(5000, SplitMode.LAST, 0L, null));
  }

  @Test
  void rejectsNegativeValidationSize() {
    assertThatThrownBy(() -> new SplitOptions(-1, SplitMode.LAST, 0, null))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("validation size must be >= 0, got -1");
  }

  @Test
  void rejectsTrainLimitBelowOne() {
    assertThatThrownBy(() -> new SplitOptions(0, SplitMode.LAST, 0, 0))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("train limit must be >= 1, got 0");
  }
}
