package dev.mnistlab.tune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mnistlab.InvalidInputException;
import org.junit.jupiter.api.Test;

class ConfirmPlanTest {

  @Test
  void readsConfigurationsAndSeeds() {
    assertThat(ConfirmPlan.parse("5x3")).isEqualTo(new ConfirmPlan(5, 3));
    assertThat(ConfirmPlan.parse("2X4")).isEqualTo(new ConfirmPlan(2, 4));
    assertThat(ConfirmPlan.parse(" 1x2 ")).isEqualTo(new ConfirmPlan(1, 2));
  }

  @Test
  void givesThreeSeedsWhenOnlyTheConfigurationsAreGiven() {
    assertThat(ConfirmPlan.parse("5")).isEqualTo(new ConfirmPlan(5, ConfirmPlan.DEFAULT_SEEDS));
    assertThat(ConfirmPlan.DEFAULT_SEEDS).isEqualTo(3);
  }

  @Test
  void writesItselfAsTheOptionTakesIt() {
    assertThat(ConfirmPlan.parse("5")).hasToString("5x3");
    assertThat(ConfirmPlan.parse(new ConfirmPlan(7, 2).toString()))
        .isEqualTo(new ConfirmPlan(7, 2));
  }

  @Test
  void refusesNoConfiguration() {
    assertThatThrownBy(() -> ConfirmPlan.parse("0"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("--confirm K must be >= 1 configuration, got 0 (use K or KxS, e.g. 5x3)");
  }

  @Test
  void refusesASingleSeedSinceOneRunHasNoInterval() {
    assertThatThrownBy(() -> ConfirmPlan.parse("5x1"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "--confirm S must be >= 2 seeds, got 1: one run per configuration has no interval"
                + " (use K or KxS, e.g. 5x3)");
  }

  @Test
  void refusesWhatIsNotKOrKxS() {
    for (String bad : new String[] {"abc", "", "x3", "5x", "-1", "5x3x2", "1.5", "5*3"}) {
      assertThatThrownBy(() -> ConfirmPlan.parse(bad))
          .as("'%s'", bad)
          .isInstanceOf(InvalidInputException.class)
          .hasMessage(
              "--confirm must be K or KxS (configurations x seeds), e.g. 5 or 5x3, got '"
                  + bad
                  + "'");
    }
  }
}
