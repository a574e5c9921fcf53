package dev.mnistlab.worker;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.mnistlab.InvalidInputException;
import dev.mnistlab.train.JsonFormat;
import java.util.List;

/**
 * The lines a worker and its long-lived training process ({@code mnist-lab serve-trials}) exchange,
 * besides the {@link dev.mnistlab.train.EpochGate}'s: the worker writes {@code run JSON}, JSON
 * being the argument list of a {@code mnist-lab} command; the training process runs it and then
 * writes {@code mnist-lab-done CODE}, the command's exit code.
 */
public final class ServerProtocol {
  /** What starts a request line, followed by the command's arguments as a JSON array. */
  public static final String RUN = "run ";

  /** What starts the line that ends a request, followed by the command's exit code. */
  public static final String DONE = "mnist-lab-done ";

  private static final ObjectWriter ONE_LINE =
      JsonFormat.MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT);

  private ServerProtocol() {}

  /** Returns the request line that runs {@code args}. */
  public static String request(List<String> args) {
    try {
      return RUN + ONE_LINE.writeValueAsString(args);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write arguments as JSON", e);
    }
  }

  /**
   * Returns the arguments of request {@code line}.
   *
   * @throws InvalidInputException if it is not {@code run} followed by a JSON string array
   */
  public static List<String> arguments(String line) {
    if (!line.startsWith(RUN)) {
      throw new InvalidInputException(
          "expected a request '" + RUN.strip() + " [ARGUMENTS]', got '" + line + "'");
    }
    try {
      return JsonFormat.MAPPER.readValue(
          line.substring(RUN.length()), new TypeReference<List<String>>() {});
    } catch (JsonProcessingException e) {
      throw new InvalidInputException(
          "a request's arguments must be a JSON array of "
              + "strings, got '"
              + line.substring(RUN.length())
              + "'");
    }
  }

  /** Returns the line that reports exit code {@code code}. */
  public static String done(int code) {
    return DONE + code;
  }

  /** Returns the exit code a done line reports, or null when {@code line} is not one. */
  public static Integer exitCode(String line) {
    if (!line.startsWith(DONE)) {
      return null;
    }
    try {
      return Integer.valueOf(line.substring(DONE.length()).strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
