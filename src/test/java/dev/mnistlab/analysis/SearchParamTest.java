package dev.mnistlab.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class SearchParamTest {

  @Test
  void positionIsTheValueItsLogarithmOrTheChoiceIndex() {
    assertThat(SearchParam.ofInt("units", 16, 512, false, false).position(64)).isEqualTo(64.0);
    assertThat(SearchParam.ofFloat("lr", 1e-5, 1e-1, true, false).position(1e-3))
        .isCloseTo(Math.log(1e-3), within(1e-12));
    SearchParam optimizer = SearchParam.ofChoice("optimizer", List.of("sgd", "adam"), false);
    assertThat(optimizer.position("adam")).isEqualTo(1.0);
    assertThat(optimizer.position("rmsprop")).isNaN();
    assertThat(optimizer.position(null)).isNaN();
  }

  @Test
  void numericChoicesMatchWhateverTheStoredNumberType() {
    SearchParam batch = SearchParam.ofChoice("batch_size", List.of(32, 64, 128), false);
    assertThat(batch.position(64.0)).isEqualTo(1.0);
    assertThat(batch.position(128L)).isEqualTo(2.0);
  }

  @Test
  void singleValuedParametersAreSaidToBe() {
    assertThat(SearchParam.ofChoice("a", List.of("x"), false).single()).isTrue();
    assertThat(SearchParam.ofInt("b", 3, 3, false, false).single()).isTrue();
    assertThat(SearchParam.ofInt("c", 3, 4, false, false).single()).isFalse();
  }

  @Test
  void refusesALogRangeThatReachesZero() {
    assertThatThrownBy(() -> SearchParam.ofFloat("lr", 0, 1, true, false))
        .hasMessage("log parameter lr needs low > 0, got 0.0");
  }
}
