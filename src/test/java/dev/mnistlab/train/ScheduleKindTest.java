package dev.mnistlab.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mnistlab.InvalidInputException;
import org.junit.jupiter.api.Test;

class ScheduleKindTest {
  @Test
  void parsesNamesIgnoringCase() {
    assertThat(ScheduleKind.parse("OneCycle")).isEqualTo(ScheduleKind.ONECYCLE);
  }

  @Test
  void rejectsUnknownNameListingTheAllowedOnes() {
    assertThatThrownBy(() -> ScheduleKind.parse("wavy"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("unknown schedule 'wavy': allowed are constant, step, cosine, onecycle");
  }

  @Test
  void onlyConstantIgnoresTheRunLength() {
    assertThat(ScheduleKind.CONSTANT.dependsOnTotalEpochs()).isFalse();
    assertThat(ScheduleKind.COSINE.dependsOnTotalEpochs()).isTrue();
  }
}
