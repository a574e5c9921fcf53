package dev.mnistlab.cli;

import dev.mnistlab.InvalidInputException;
import dev.mnistlab.train.Provenance;
import dev.mnistlab.train.ThreadSettings;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Runs the {@code mnist-lab} command line: the only place that prints results and exits.
 *
 * <p>Exit codes: 0 success, 1 an unexpected failure, 2 bad input (one line on stderr saying what
 * was wrong, the value and what is allowed).
 */
@Command(
    name = "mnist-lab",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Trains, compares and explains networks for MNIST.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  mnist-lab study blog --quick --out blog-report",
      "  mnist-lab train --model \"linear(128),relu,linear(10)\" --epochs 5"
    },
    subcommands = {
      DataCommand.class,
      ModelCommand.class,
      TrainCommand.class,
      PredictCommand.class,
      EnsembleCommand.class,
      BenchCommand.class,
      StudyCommand.class,
      SweepCommand.class,
      TuneCommand.class,
      WorkerCommand.class,
      ServeTrialsCommand.class,
      StudiesCommand.class,
      TrialsCommand.class,
      ExportCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {
  /** Exit code for input the user can fix. */
  static final int BAD_INPUT = 2;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Runs the command line with {@code args} and exits with its code. */
  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line with {@code args} and returns the exit code, without exiting. */
  public static int run(String... args) {
    return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
  }

  /** Runs the command line writing to {@code out} and {@code err}; returns the exit code. */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    ThreadSettings.configureBeforeEngineStart();
    System.setProperty("java.awt.headless", "true");
    CommandLine cli = new CommandLine(new Main());
    cli.setOut(out);
    cli.setErr(err);
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.registerConverter(Integer.class, Main::wholeNumber);
    cli.registerConverter(int.class, Main::wholeNumber);
    cli.setParameterExceptionHandler(Main::badArguments);
    cli.setExecutionExceptionHandler(Main::failed);
    return cli.execute(args);
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /**
   * Reads a whole-number flag, saying the allowed range when the number is too large for one, where
   * picocli would only say it "is not an int".
   */
  private static Integer wholeNumber(String text) {
    try {
      return Integer.valueOf(text.strip());
    } catch (NumberFormatException e) {
      if (text.strip().matches("[-+]?\\d+")) {
        throw new CommandLine.TypeConversionException(
            String.format(
                java.util.Locale.ROOT,
                "'%s' is out of range: whole numbers here go from %,d to %,d",
                text,
                Integer.MIN_VALUE,
                Integer.MAX_VALUE));
      }
      throw new CommandLine.TypeConversionException("'" + text + "' is not a whole number");
    }
  }

  private static int badArguments(CommandLine.ParameterException e, String[] args) {
    PrintWriter err = e.getCommandLine().getErr();
    String command = e.getCommandLine().getCommandSpec().qualifiedName();
    err.println(command + ": " + e.getMessage() + " (see '" + command + " --help')");
    err.flush();
    return BAD_INPUT;
  }

  private static int failed(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
    PrintWriter err = cli.getErr();
    String command = cli.getCommandSpec().qualifiedName();
    Throwable cause = e;
    while (!(cause instanceof InvalidInputException) && cause.getCause() != null) {
      cause = cause.getCause();
    }
    if (cause instanceof InvalidInputException) {
      err.println(command + ": " + cause.getMessage());
      err.flush();
      return BAD_INPUT;
    }
    err.println(command + ": internal error: " + e);
    e.printStackTrace(err);
    err.flush();
    return 1;
  }

  /** Supplies {@code --version}. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"mnist-lab " + Provenance.version()};
    }
  }
}
