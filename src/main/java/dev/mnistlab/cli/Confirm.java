package dev.mnistlab.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Asks the user a yes-or-no question on the terminal; anything but yes is no. */
final class Confirm {
  private Confirm() {}

  /**
   * Prints {@code question} to {@code err} and reads one line from standard input; returns true for
   * {@code y} or {@code yes}, false for anything else or no input at all.
   */
  static boolean ask(String question, PrintWriter err) throws IOException {
    return ask(
        question,
        err,
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)));
  }

  /** Asks as {@link #ask(String, PrintWriter)} does, reading the answer from {@code in}. */
  static boolean ask(String question, PrintWriter err, BufferedReader in) throws IOException {
    err.print(question);
    err.flush();
    String answer = in.readLine();
    if (answer == null) {
      err.println();
      err.flush();
      return false;
    }
    String a = answer.strip().toLowerCase(Locale.ROOT);
    return a.equals("y") || a.equals("yes");
  }
}
