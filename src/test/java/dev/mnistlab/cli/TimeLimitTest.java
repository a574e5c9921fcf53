package dev.mnistlab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mnistlab.InvalidInputException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TimeLimitTest {
  @Test
  void readsSecondsMinutesHoursAndTheirMixes() {
    assertThat(TimeLimit.parse("--timeout", "90s")).isEqualTo(Duration.ofSeconds(90));
    assertThat(TimeLimit.parse("--timeout", "15m")).isEqualTo(Duration.ofMinutes(15));
    assertThat(TimeLimit.parse("--timeout", "1h30m")).isEqualTo(Duration.ofMinutes(90));
    assertThat(TimeLimit.parse("--timeout", " 2H ")).isEqualTo(Duration.ofHours(2));
  }

  @Test
  void refusesOtherFormsNamingTheFlagAndTheValue() {
    assertThatThrownBy(() -> TimeLimit.parse("--timeout", "10 minutes"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("--timeout must be a duration like 90s, 15m or 1h30m, got '10 minutes'");
    assertThatThrownBy(() -> TimeLimit.parse("--timeout", "1.5m"))
        .hasMessage("--timeout must be a duration like 90s, 15m or 1h30m, got '1.5m'");
    assertThatThrownBy(() -> TimeLimit.parse("--timeout", "0m"))
        .hasMessage("--timeout must be longer than 0 s, got '0m'");
  }

  @Test
  void formatsWhatIsLeftForAProgressLine() {
    assertThat(TimeLimit.format(Duration.ofSeconds(45))).isEqualTo("45s");
    assertThat(TimeLimit.format(Duration.ofSeconds(570))).isEqualTo("9m30s");
    assertThat(TimeLimit.format(Duration.ofSeconds(3723))).isEqualTo("1h02m03s");
    assertThat(TimeLimit.format(Duration.ofSeconds(-5))).isEqualTo("0s");
  }
}
