package dev.mnistlab.storage;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mnistlab.InvalidInputException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Checks the argument rules; recovery itself runs in {@link StorageContract} on real databases. */
class LostTrialsTest {
  @Test
  void refusesANegativeGrace() {
    assertThatThrownBy(() -> LostTrials.check(Duration.ofSeconds(-5), 3))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("heartbeat grace must be >= 0 s, got -5 s");
  }

  @Test
  void refusesFewerThanOneAttempt() {
    assertThatThrownBy(() -> LostTrials.check(Duration.ofSeconds(60), 0))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("max attempts must be >= 1, got 0");
  }

  @Test
  void acceptsAZeroGraceAndOneAttempt() {
    assertThatCode(() -> LostTrials.check(Duration.ZERO, 1)).doesNotThrowAnyException();
  }
}
