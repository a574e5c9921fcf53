package dev.mnistlab.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mnistlab.InvalidInputException;
import org.junit.jupiter.api.Test;

class OptimizerKindTest {
  @Test
  void parsesNamesIgnoringCase() {
    assertThat(OptimizerKind.parse("AdamW")).isEqualTo(OptimizerKind.ADAMW);
    assertThat(OptimizerKind.parse(" nesterov ")).isEqualTo(OptimizerKind.NESTEROV);
  }

  @Test
  void rejectsUnknownNameListingTheAllowedOnes() {
    assertThatThrownBy(() -> OptimizerKind.parse("adamx"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "unknown optimizer 'adamx': allowed are sgd, momentum, nesterov, adam, "
                + "adamw, rmsprop, adagrad");
  }

  @Test
  void saysWhichFlagsApply() {
    assertThat(OptimizerKind.MOMENTUM.usesMomentum()).isTrue();
    assertThat(OptimizerKind.ADAM.usesMomentum()).isFalse();
    assertThat(OptimizerKind.ADAMW.usesBetas()).isTrue();
  }

  @Test
  void countsTheParameterCopiesEachKeepsAsState() {
    assertThat(OptimizerKind.SGD.stateCopies()).isZero();
    assertThat(OptimizerKind.MOMENTUM.stateCopies()).isEqualTo(1);
    assertThat(OptimizerKind.NESTEROV.stateCopies()).isEqualTo(1);
    assertThat(OptimizerKind.RMSPROP.stateCopies()).isEqualTo(1);
    assertThat(OptimizerKind.ADAGRAD.stateCopies()).isEqualTo(1);
    assertThat(OptimizerKind.ADAM.stateCopies()).isEqualTo(2);
    assertThat(OptimizerKind.ADAMW.stateCopies()).isEqualTo(2);
  }
}
