package dev.mnistlab.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.mnistlab.InvalidInputException;
import dev.mnistlab.output.OutputChecks;
import dev.mnistlab.output.OutputFile;
import dev.mnistlab.train.JsonFormat;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;

/** Writes a result as JSON to a file (see {@link OutputFile}) or, for {@code -}, to stdout. */
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
      try {
        OutputFile.writeString(target, text);
      } catch (IOException e) {
        throw new InvalidInputException(
            "cannot write --json " + target + ": " + OutputChecks.reason(e), e);
      }
    }
  }
}
