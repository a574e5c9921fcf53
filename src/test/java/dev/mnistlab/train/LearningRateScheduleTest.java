package dev.mnistlab.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LearningRateScheduleTest {
  @Test
  void constantKeepsTheBaseRate() {
    LearningRateSchedule s = new LearningRateSchedule(ScheduleKind.CONSTANT, 0.1, 100, 0);

    assertThat(s.at(1)).isEqualTo(0.1);
    assertThat(s.at(100)).isEqualTo(0.1);
  }

  @Test
  void warmupRisesLinearlyToTheBaseRate() {
    LearningRateSchedule s = new LearningRateSchedule(ScheduleKind.CONSTANT, 0.1, 100, 10);

    assertThat(s.at(1)).isCloseTo(0.01, within(1e-12));
    assertThat(s.at(5)).isCloseTo(0.05, within(1e-12));
    assertThat(s.at(10)).isCloseTo(0.1, within(1e-12));
    assertThat(s.at(11)).isEqualTo(0.1);
  }

  @Test
  void stepDividesByTenAfterEachThird() {
    LearningRateSchedule s = new LearningRateSchedule(ScheduleKind.STEP, 1.0, 90, 0);

    assertThat(s.at(30)).isEqualTo(1.0);
    assertThat(s.at(31)).isCloseTo(0.1, within(1e-12));
    assertThat(s.at(61)).isCloseTo(0.01, within(1e-12));
    assertThat(s.at(90)).isCloseTo(0.01, within(1e-12));
  }

  @Test
  void cosineStartsAtBaseAndNearsZeroAtTheEnd() {
    LearningRateSchedule s = new LearningRateSchedule(ScheduleKind.COSINE, 1.0, 100, 0);

    assertThat(s.at(1)).isEqualTo(1.0);
    assertThat(s.at(51)).isCloseTo(0.5, within(1e-12));
    assertThat(s.at(100)).isCloseTo(0.5 * (1 + Math.cos(Math.PI * 0.99)), within(1e-12));
  }

  @Test
  void onecycleRisesFromOneTwentyFifthToBaseThenFalls() {
    LearningRateSchedule s = new LearningRateSchedule(ScheduleKind.ONECYCLE, 1.0, 100, 0);

    assertThat(s.at(1)).isCloseTo(0.04, within(0.01));
    assertThat(s.at(30)).isCloseTo(1.0, within(1e-12));
    assertThat(s.at(100)).isCloseTo(0.04 / 1e4, within(1e-9));
    assertThat(s.at(65)).isLessThan(s.at(30)).isGreaterThan(s.at(100));
  }
}
