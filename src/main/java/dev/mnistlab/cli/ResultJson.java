package dev.mnistlab.cli;

import dev.mnistlab.train.JsonFormat;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.PrintWriter;
import java.nio.file.Path;

/** Writes a result as JSON to a file (atomically) or, for {@code -}, to stdout. */
final class ResultJson {
  private ResultJson() {}

  static void write(Path target, Object result, PrintWriter stdout) {
    String text;
    try {
      text = JsonFormat.MAPPER.writeValueAsString(result) + System.lineSeparator();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot turn the result into JSON", e);
    }
    if (target.toString().equals("-")) {
      stdout.print(text);
      stdout.flush();
    } else {
      OutputPaths.writeAtomically(target, text);
    }
  }
}
