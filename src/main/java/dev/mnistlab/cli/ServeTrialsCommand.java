package dev.mnistlab.cli;

import dev.mnistlab.train.EpochGate;
import dev.mnistlab.worker.ServerProtocol;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Trains one run after another in this process, as a worker asks (see {@link ServerProtocol}): a
 * worker's training process. Starting a JVM, the engine and the data costs a few seconds of CPU,
 * more than a small net's training; a process that stays up pays it once per worker instead of once
 * per trial. Each command runs as it would in a process of its own, its epoch lines on stdout and
 * its messages on stderr. End of input ends the process.
 */
@Command(
    name = "serve-trials",
    hidden = true,
    description = "Run the commands a worker sends on stdin, one after another.")
final class ServeTrialsCommand implements Callable<Integer> {
  @Option(
      names = "--exit-with-parent",
      paramLabel = "PID",
      required = true,
      description = "Halt as soon as process PID has ended; ignore Ctrl-C, left to PID.")
  long exitWithParent;

  @Override
  public Integer call() throws IOException {
    TrainCommand.haltWhenEnded(exitWithParent);
    BufferedReader in = EpochGate.standardInput();
    PrintStream out = System.out;
    String line;
    while ((line = in.readLine()) != null) {
      if (line.isBlank()) {
        continue;
      }
      List<String> args = ServerProtocol.arguments(line);
      int code =
          Main.run(
              new PrintWriter(out, true),
              new PrintWriter(System.err, true),
              args.toArray(String[]::new));
      out.println(ServerProtocol.done(code));
      out.flush();
    }
    return 0;
  }
}
