package dev.mnistlab.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EpochGateTest {
  private static final EpochMetrics EPOCH =
      new EpochMetrics(3, 0.2, 0.25, 0.3, 0.91, 1e-3, 4.5, 12000);

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

  private EpochGate gate(String replies, TrainingListener inner) {
    return new EpochGate(inner, out, new BufferedReader(new StringReader(replies)));
  }

  @Test
  void writesEachEpochAsOneLineThatParsesBackExactly() {
    List<EpochMetrics> seen = new ArrayList<>();
    EpochGate gate =
        gate(
            "",
            new TrainingListener() {
              @Override
              public void epochFinished(EpochMetrics metrics) {
                seen.add(metrics);
              }
            });

    gate.epochFinished(EPOCH);

    String line = bytes.toString(StandardCharsets.UTF_8).strip();
    assertThat(line).startsWith(EpochGate.PREFIX).doesNotContain("\n");
    assertThat(EpochGate.parse(line)).isEqualTo(EPOCH);
    assertThat(seen).containsExactly(EPOCH);
  }

  @Test
  void keepsNanAsNanThroughTheLine() {
    EpochMetrics noValidation =
        new EpochMetrics(1, 0.2, 0.25, Double.NaN, Double.NaN, 1e-3, 4.5, 12000);

    assertThat(EpochGate.parse(EpochGate.line(noValidation))).isEqualTo(noValidation);
  }

  @Test
  void goesOnAfterGoOrTheEndOfInputAndStopsWithTheReasonGiven() {
    EpochGate gate = gate("go\nstop below the top 1/3 at epoch 3\n", TrainingListener.NONE);

    assertThat(gate.stopAfter(EPOCH)).isNull();
    assertThat(gate.stopAfter(EPOCH)).isEqualTo("below the top 1/3 at epoch 3");
    assertThat(gate.stopAfter(EPOCH)).isNull();
  }

  @Test
  void refusesAReplyItDoesNotKnow() {
    EpochGate gate = gate("maybe\n", TrainingListener.NONE);

    assertThatThrownBy(() -> gate.stopAfter(EPOCH))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("expected 'go' or 'stop REASON' after epoch 3, got 'maybe'");
  }

  @Test
  void ignoresLinesThatAreNotEpochLines() {
    assertThat(EpochGate.parse("model linear(10) (7,850 parameters)")).isNull();
    assertThat(EpochGate.parse(EpochGate.PREFIX + "{broken")).isNull();
  }
}
