package dev.mnistlab.cli;

import dev.mnistlab.InvalidInputException;
import dev.mnistlab.analysis.TrialRuns;
import dev.mnistlab.data.DataDirectory;
import dev.mnistlab.report.Block;
import dev.mnistlab.report.ReportWriter;
import dev.mnistlab.report.TerminalRenderer;
import dev.mnistlab.study.RunKey;
import dev.mnistlab.study.StudyDefinition;
import dev.mnistlab.study.StudyFile;
import dev.mnistlab.study.StudyNarrative;
import dev.mnistlab.study.StudyRunner;
import dev.mnistlab.study.StudyStore;
import dev.mnistlab.study.TrialDefinition;
import dev.mnistlab.train.TrainResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Runs studies of many trials over seeds and explains them: {@code mnist-lab study}. */
@Command(
    name = "study",
    mixinStandardHelpOptions = true,
    description = "Runs studies of trials over seeds, compares and explains them.",
    subcommands = {StudyCommand.Run.class, StudyCommand.Blog.class, StudyCommand.Report.class})
final class StudyCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** The flags every study-running command takes. */
  static class RunOptions {
    @Option(names = "--repeats", paramLabel = "R",
        description = "Runs per trial, seeds S, S+1, ... (default: the study's, 3 for blog).")
    Integer repeats;

    @Option(names = "--parallel", paramLabel = "K",
        description = "Runs at once, each a process with one engine thread (default: the "
            + "number of cores).")
    Integer parallel;

    @Option(names = "--quick", description = "A first look in a few minutes: one repeat, "
        + "epochs divided by five; labelled quick everywhere and kept apart from full results.")
    boolean quick;

    @Option(names = "--dir", paramLabel = "DIR", description = "Where runs are kept (default: "
        + "./studies/NAME, NAME-quick with --quick). Run again to continue where it stopped.")
    Path dir;

    @Option(names = "--out", paramLabel = "DIR", description = "Also write report.md (with "
        + "PNG charts) and a self-contained report.html into DIR.")
    Path out;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Data directory (default: "
        + "$MNIST_LAB_DATA, else ~/.mnist-lab/data/mnist, fetched on first use).")
    Path dataDir;

    int run(StudyDefinition study, CommandSpec spec) throws InterruptedException {
      if (repeats != null) {
        study = study.withRepeats(repeats);
      }
      if (quick) {
        study = study.toQuick();
      }
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      if (this.out != null) {
        OutputPaths.requireWritableDirectory("--out", this.out);
      }
      Path data = DataDirectory.resolve(dataDir, System.getenv()).ensure(line -> {
        err.println(line);
        err.flush();
      });
      StudyStore store = new StudyStore(dir != null ? dir : Path.of("studies", study.name()));
      store.saveDefinition(study);
      int cores = Runtime.getRuntime().availableProcessors();
      StudyRunner runner = new StudyRunner(store, javaCommand(), data,
          parallel != null ? parallel : cores, line -> {
            err.println(line);
            err.flush();
          });
      runner.run(study);
      render(study, store, this.out, out);
      return 0;
    }
  }

  /** Runs any study file. */
  @Command(name = "run", mixinStandardHelpOptions = true,
      description = "Runs a study file (YAML): name, repeats, defaults and trials, each trial "
          + "a name and train settings as snake_case keys.")
  static final class Run implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Parameters(paramLabel = "FILE", description = "The study file.") Path file;
    @Mixin RunOptions options;

    @Override
    public Integer call() throws InterruptedException {
      return options.run(StudyFile.read(file), spec);
    }
  }

  /** Re-runs the seed study. */
  @Command(name = "blog", mixinStandardHelpOptions = true,
      description = "Re-runs the seed study's seven trials over seeds and explains each step.")
  static final class Blog implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin RunOptions options;

    @Override
    public Integer call() throws InterruptedException {
      return options.run(StudyFile.preset("blog"), spec);
    }
  }

  /** Re-renders a stored study without training. */
  @Command(name = "report", mixinStandardHelpOptions = true,
      description = "Prints a stored study's tables and explanations again, without training;"
          + " --out writes the Markdown and HTML reports.")
  static final class Report implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Parameters(paramLabel = "DIR", description = "A study directory.") Path dir;

    @Option(names = "--out", paramLabel = "DIR", description = "Also write report.md (with "
        + "PNG charts) and report.html into DIR.")
    Path out;

    @Override
    public Integer call() {
      StudyDefinition study = StudyStore.readDefinition(dir);
      if (out != null) {
        OutputPaths.requireWritableDirectory("--out", out);
      }
      render(study, new StudyStore(dir), out, spec.commandLine().getOut());
      return 0;
    }
  }

  static void render(StudyDefinition study, StudyStore store, Path outDir, PrintWriter out) {
    List<TrialRuns> trials = new ArrayList<>();
    for (TrialDefinition trial : study.trials()) {
      List<TrainResult> runs = new ArrayList<>();
      for (int r = 0; r < study.repeats(); r++) {
        store.load(RunKey.of(trial, r)).ifPresent(runs::add);
      }
      trials.add(new TrialRuns(trial.name(), trial.config(), runs, trial.reportedAccuracy(),
          trial.reportedLoss()));
    }
    List<Block> blocks = StudyNarrative.blocks(study, trials);
    new TerminalRenderer().render(blocks, out);
    out.flush();
    if (outDir != null) {
      try {
        ReportWriter.writeAll(blocks, outDir, "report");
      } catch (java.io.IOException e) {
        throw new InvalidInputException("cannot write the reports into " + outDir + ": "
            + e.getMessage(), e);
      }
      out.println("reports written: " + outDir.resolve("report.md") + ", "
          + outDir.resolve("report.html"));
      out.flush();
    }
  }

  static List<String> javaCommand() {
    String java = ProcessHandle.current().info().command().orElse("java");
    return List.of(java, "-XX:+AlwaysPreTouch", "-Djava.awt.headless=true", "-cp",
        System.getProperty("java.class.path"), Main.class.getName());
  }
}
