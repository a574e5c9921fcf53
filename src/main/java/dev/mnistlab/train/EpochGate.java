package dev.mnistlab.train;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Lets a parent process follow a training run epoch by epoch and stop it, over the child's standard
 * streams: after each epoch the child writes one line {@code mnist-lab-epoch JSON} (the epoch's
 * metrics) to stdout and, unless it was the last epoch, waits for one line on stdin: {@code go}, or
 * {@code stop REASON} to end the run after this epoch.
 *
 * <p>This is how a search's pruner, which lives in the worker, stops a trial that trains in its own
 * process. The child's other stdout lines carry no prefix and are ignored by the parent. End of
 * input means go on: a parent that dies is noticed by other means.
 */
public final class EpochGate implements TrainingListener {
  /** What starts each epoch line on the child's stdout. */
  public static final String PREFIX = "mnist-lab-epoch ";

  /** The reply that lets the run go on. */
  public static final String GO = "go";

  /** What starts the reply that stops the run, followed by the reason. */
  public static final String STOP = "stop ";

  // The house mapper indents; an epoch must stay on one line.
  private static final ObjectWriter ONE_LINE =
      JsonFormat.MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT);

  // One reader for the whole process: a process that trains one run after another reads its
  // next request from the same stdin, and a reader per run could buffer the next one away.
  private static final BufferedReader STANDARD_INPUT =
      new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));

  private final TrainingListener inner;
  private final PrintStream out;
  private final BufferedReader in;

  /**
   * Creates a gate that also passes every event to {@code inner}.
   *
   * @param out where epoch lines go (the process's stdout)
   * @param in where replies come from (the process's stdin)
   */
  public EpochGate(TrainingListener inner, PrintStream out, BufferedReader in) {
    this.inner = inner;
    this.out = out;
    this.in = in;
  }

  /** Returns the process's one reader of stdin, shared by every gate and request loop. */
  public static BufferedReader standardInput() {
    return STANDARD_INPUT;
  }

  /** Returns the line that reports {@code metrics}. */
  public static String line(EpochMetrics metrics) {
    try {
      return PREFIX + ONE_LINE.writeValueAsString(metrics);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write epoch metrics as JSON", e);
    }
  }

  /** Returns the metrics of an epoch line, or null when {@code line} is not one. */
  public static EpochMetrics parse(String line) {
    if (!line.startsWith(PREFIX)) {
      return null;
    }
    try {
      return JsonFormat.MAPPER.readValue(line.substring(PREFIX.length()), EpochMetrics.class);
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  @Override
  public void epochStarted(int epoch, int epochs, int batches) {
    inner.epochStarted(epoch, epochs, batches);
  }

  @Override
  public void batchFinished(int epoch, int batch, double runningLoss) {
    inner.batchFinished(epoch, batch, runningLoss);
  }

  @Override
  public void epochFinished(EpochMetrics metrics) {
    inner.epochFinished(metrics);
    out.println(line(metrics));
    out.flush();
  }

  @Override
  public String stopAfter(EpochMetrics metrics) {
    String reply;
    try {
      reply = in.readLine();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read the parent's reply after epoch " + metrics.epoch(), e);
    }
    if (reply == null || reply.strip().equals(GO)) {
      return null;
    }
    if (reply.startsWith(STOP)) {
      return reply.substring(STOP.length()).strip();
    }
    throw new IllegalStateException(
        "expected '"
            + GO
            + "' or '"
            + STOP
            + "REASON' after epoch "
            + metrics.epoch()
            + ", got '"
            + reply
            + "'");
  }
}
