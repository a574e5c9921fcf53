package dev.mnistlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;

/**
 * Holds what one in-process run of the command line produced: its exit code, stdout and stderr.
 *
 * @param code the exit code {@link Main#run(PrintWriter, PrintWriter, String...)} returned
 * @param out everything written to stdout
 * @param err everything written to stderr
 */
record CliRun(int code, String out, String err) {
  /** Runs {@code mnist-lab args} in this JVM and captures its streams. */
  static CliRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
    return new CliRun(code, out.toString(), err.toString());
  }

  /** Returns the non-blank lines of stderr. */
  List<String> errLines() {
    return lines(err);
  }

  /** Returns the non-blank lines of stdout. */
  List<String> outLines() {
    return lines(out);
  }

  /**
   * Asserts the run ended as bad input (exit code 2, exactly one line on stderr and no stack trace)
   * and returns that line.
   */
  String badInputLine() {
    assertThat(code).as("exit code; stderr was:%n%s", err).isEqualTo(Main.BAD_INPUT);
    assertThat(errLines()).as("stderr lines").hasSize(1);
    assertThat(err).as("stderr").doesNotContainPattern("(?m)^\\s+at ");
    return errLines().get(0);
  }

  private static List<String> lines(String text) {
    return Arrays.stream(text.split("\\R")).filter(line -> !line.isBlank()).toList();
  }
}
