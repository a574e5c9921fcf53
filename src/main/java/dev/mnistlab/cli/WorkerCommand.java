package dev.mnistlab.cli;

import dev.mnistlab.InvalidInputException;
import dev.mnistlab.storage.Storage;
import dev.mnistlab.storage.Storages;
import dev.mnistlab.storage.StudyRecord;
import dev.mnistlab.worker.TrialProcess;
import dev.mnistlab.worker.Worker;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Claims a stored study's queued trials and runs them: {@code mnist-lab worker}. */
@Command(
    name = "worker",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Claims a study's queued trials and runs them, until none is waiting or running.",
      "Start as many workers as you like, on any machines that reach the same storage: no "
          + "trial runs twice. A trial whose worker dies is queued again after --grace "
          + "seconds without a heartbeat. Ctrl-C queues this worker's running trials again.",
      "Progress goes to stderr, one line per trial; a summary to stdout at the end."
    },
    footerHeading = "%nExamples:%n",
    footer = {"  mnist-lab worker --study blog", "  mnist-lab worker --study blog --parallel 1"})
final class WorkerCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--study",
      required = true,
      paramLabel = "NAME",
      description = "The study to work on.")
  String study;

  @Mixin StorageOptions storage;

  @Option(
      names = "--parallel",
      paramLabel = "N",
      description =
          "Trials at once, each a "
              + "process with one engine thread (default: the number of cores).")
  Integer parallel;

  @Mixin DataDirOption data;

  @Mixin KeepModelsOptions keep;

  @Option(
      names = "--heartbeat",
      paramLabel = "SECONDS",
      defaultValue = "10",
      description =
          "How often to tell the storage that a running trial is alive "
              + "(default: ${DEFAULT-VALUE}).")
  double heartbeat;

  @Option(
      names = "--grace",
      paramLabel = "SECONDS",
      defaultValue = "60",
      description =
          "Queue another worker's running trial again after this long without a "
              + "heartbeat (default: ${DEFAULT-VALUE}).")
  double grace;

  @Option(
      names = "--max-attempts",
      paramLabel = "N",
      defaultValue = "3",
      description =
          "Mark a trial FAILED instead once its workers were lost this many times "
              + "(default: ${DEFAULT-VALUE}).")
  int maxAttempts;

  @Override
  public Integer call() throws InterruptedException {
    Worker.Options options =
        new Worker.Options(
            parallel != null ? parallel : Runtime.getRuntime().availableProcessors(),
            duration("--heartbeat", heartbeat),
            duration("--grace", grace),
            maxAttempts);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Consumer<String> log =
        line -> {
          synchronized (err) {
            err.println(line);
            err.flush();
          }
        };
    // A worker joins a study that exists; a mistyped storage path must not make a new file.
    try (WorkerShutdown shutdown = new WorkerShutdown();
        Storage store = storage.openExisting()) {
      StudyRecord record = Storages.requireStudy(store, study);
      Path modelsDir = KeepModelsOptions.apply(store, record, keep.studyDir(storage, study));
      Path dataDir = data.ensure(log);
      Worker.Summary summary;
      try (TrialProcess trials =
          new TrialProcess(StudyCommand.javaCommand(), dataDir, null, modelsDir)) {
        summary = shutdown.run(new Worker(store, record, trials, options, log));
      }
      out.println(describe(record.name(), summary));
      out.flush();
      return 0;
    }
  }

  /** Returns the final line: what this worker did and the storage's share of trial time. */
  static String describe(String study, Worker.Summary s) {
    String states =
        s.finished().entrySet().stream()
            .map(e -> e.getValue() + " " + e.getKey())
            .collect(Collectors.joining(", "));
    return String.format(
        Locale.ROOT,
        "%s study %s: %d trial(s) finished%s, %d released, %d "
            + "recovered, %d lost, in %.1f s; storage %.3f s for %.1f s of trials (%.2f%%)",
        s.stopped() ? "stopped on" : "done with",
        study,
        s.finishedCount(),
        states.isEmpty() ? "" : " (" + states + ")",
        s.released(),
        s.recovered(),
        s.lost(),
        s.seconds(),
        s.storageSeconds(),
        s.trialSeconds(),
        s.trialSeconds() > 0 ? 100 * s.storageShare() : 0.0);
  }

  private static Duration duration(String flag, double seconds) {
    if (!(seconds > 0) || !Double.isFinite(seconds)) {
      throw new InvalidInputException(flag + " must be a number of seconds > 0, got " + seconds);
    }
    return Duration.ofMillis(Math.max(1, Math.round(seconds * 1000)));
  }
}
