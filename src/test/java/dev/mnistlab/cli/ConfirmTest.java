package dev.mnistlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ConfirmTest {
  private final StringWriter err = new StringWriter();

  private boolean answer(String input) throws IOException {
    return Confirm.ask(
        "delete? [y/N] ", new PrintWriter(err), new BufferedReader(new StringReader(input)));
  }

  @Test
  void takesYOrYesInAnyCaseAsYes() throws IOException {
    assertThat(answer("y\n")).isTrue();
    assertThat(answer(" YES \n")).isTrue();
    assertThat(err.toString()).startsWith("delete? [y/N] ");
  }

  @Test
  void takesAnythingElseOrNoAnswerAsNo() throws IOException {
    assertThat(answer("\n")).isFalse();
    assertThat(answer("n\n")).isFalse();
    assertThat(answer("yep\n")).isFalse();
    assertThat(answer("")).isFalse();
  }
}
