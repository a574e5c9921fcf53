package dev.mnistlab.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LintWarningTest {

  @Test
  void givesKebabCaseIds() {
    assertThat(LintWarning.Code.LOSS_FLOOR.id()).isEqualTo("loss-floor");
    assertThat(LintWarning.Code.COLLAPSING_LAYERS.id()).isEqualTo("collapsing-layers");
    assertThat(LintWarning.Code.DROPOUT_LAST.id()).isEqualTo("dropout-last");
  }

  @Test
  void rejectsABlankReason() {
    assertThatThrownBy(() -> new LintWarning(LintWarning.Code.DROPOUT_LAST, "m", " "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a lint warning needs a message and a reason");
  }
}
