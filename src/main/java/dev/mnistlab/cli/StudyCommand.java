package dev.mnistlab.cli;

import dev.mnistlab.analysis.SearchAnalysis;
import dev.mnistlab.analysis.TrialRuns;
import dev.mnistlab.output.OutputChecks;
import dev.mnistlab.report.Block;
import dev.mnistlab.report.TerminalRenderer;
import dev.mnistlab.storage.Storage;
import dev.mnistlab.storage.Storages;
import dev.mnistlab.storage.StudyRecord;
import dev.mnistlab.storage.TrialRecord;
import dev.mnistlab.storage.TrialRequest;
import dev.mnistlab.study.StoredStudy;
import dev.mnistlab.study.StudyDefinition;
import dev.mnistlab.study.StudyFile;
import dev.mnistlab.study.StudyNarrative;
import dev.mnistlab.sweep.StoredSweep;
import dev.mnistlab.tune.SearchAnalyses;
import dev.mnistlab.tune.SearchSections;
import dev.mnistlab.tune.TuneConfirmations;
import dev.mnistlab.tune.TuneDefinition;
import dev.mnistlab.tune.TuneReport;
import dev.mnistlab.worker.TrialProcess;
import dev.mnistlab.worker.Worker;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Supplier;
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
    subcommands = {
      StudyCommand.Run.class,
      StudyCommand.Blog.class,
      StudyCommand.Beyond.class,
      StudyCommand.Report.class,
      StudyCommand.Delete.class
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  mnist-lab study blog --quick --out blog-report",
      "  mnist-lab study report blog-quick"
    })
final class StudyCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** The flags every study-running command takes. */
  static class RunOptions {
    @Option(
        names = "--repeats",
        paramLabel = "R",
        description = "Runs per trial, seeds S, S+1, ... (default: the study's, 3 for blog).")
    Integer repeats;

    @Option(
        names = "--parallel",
        paramLabel = "K",
        description =
            "Runs at once, each a process with one engine thread (default: the "
                + "number of cores).")
    Integer parallel;

    @Option(
        names = "--quick",
        description =
            "A first look in a few minutes: one repeat, "
                + "epochs divided by five; labelled quick everywhere and stored as NAME-quick, apart "
                + "from full results.")
    boolean quick;

    @Mixin StorageOptions storage;

    @Option(
        names = "--out",
        paramLabel = "DIR",
        description =
            "Also write report.md (with "
                + "PNG charts) and a self-contained report.html into DIR.")
    Path out;

    @Mixin DataDirOption data;

    @Mixin KeepModelsOptions keep;

    int run(StudyDefinition study, CommandSpec spec) throws InterruptedException {
      if (repeats != null) {
        study = study.withRepeats(repeats);
      }
      if (quick) {
        study = study.toQuick();
      }
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      Consumer<String> log =
          line -> {
            err.println(line);
            err.flush();
          };
      if (this.out != null) {
        OutputChecks.requireWritableDirectory("--out", this.out);
      }
      int cores = Runtime.getRuntime().availableProcessors();
      Worker.Options options = Worker.Options.defaults(parallel != null ? parallel : cores);
      Path models = keep.studyDir(storage, study.name());
      Path dataDir = data.ensure(log);
      try (WorkerShutdown shutdown = new WorkerShutdown();
          Storage opened = storage.open()) {
        StudyRecord record = opened.createStudy(StoredStudy.spec(study));
        Path modelsDir = KeepModelsOptions.apply(opened, record, models);
        List<TrialRecord> stored = opened.trials(record.id(), false);
        List<TrialRequest> missing = StoredStudy.missing(study, stored);
        int total = study.trials().size() * study.repeats();
        if (missing.isEmpty()) {
          log.accept(
              "all "
                  + total
                  + " runs of study '"
                  + study.name()
                  + "' are stored in "
                  + opened.describe());
        } else {
          opened.enqueue(record.id(), missing);
          log.accept(
              String.format(
                  Locale.ROOT,
                  "study '%s': %d of %d runs queued, %d at a "
                      + "time, stored in %s (run again to continue after a stop)",
                  study.name(),
                  missing.size(),
                  total,
                  options.parallel(),
                  opened.describe()));
        }
        // Runs queued by an earlier, interrupted invocation are served here too.
        Worker.Summary summary;
        try (TrialProcess trials = new TrialProcess(javaCommand(), dataDir, null, modelsDir)) {
          summary = shutdown.run(new Worker(opened, record, trials, options, log));
        }
        log.accept(WorkerCommand.describe(record.name(), summary));
        if (summary.stopped()) {
          return 130;
        }
        render(study, opened.trials(record.id(), true), this.out, out, () -> dataDir);
      }
      return 0;
    }
  }

  /** Runs any study file. */
  @Command(
      name = "run",
      mixinStandardHelpOptions = true,
      description =
          "Runs a study file (YAML): name, repeats, defaults and trials, each trial "
              + "a name and train settings as snake_case keys.",
      footerHeading = "%nExamples:%n",
      footer = {
        "  mnist-lab study run my-study.yaml --quick",
        "  mnist-lab study run my-study.yaml --repeats 3 --out my-report"
      })
  static final class Run implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The study file.")
    Path file;

    @Mixin RunOptions options;

    @Override
    public Integer call() throws InterruptedException {
      return options.run(StudyFile.read(file), spec);
    }
  }

  /** Re-runs the seed study. */
  @Command(
      name = "blog",
      mixinStandardHelpOptions = true,
      description = "Re-runs the seed study's seven trials over seeds and explains each step.",
      footerHeading = "%nExamples:%n",
      footer = {
        "  mnist-lab study blog --quick --out blog-report",
        "  mnist-lab study blog --parallel 1"
      })
  static final class Blog implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin RunOptions options;

    @Override
    public Integer call() throws InterruptedException {
      return options.run(StudyFile.preset("blog"), spec);
    }
  }

  /** Goes from the seed's final network to the recommended CNN, one change at a time. */
  @Command(
      name = "beyond",
      mixinStandardHelpOptions = true,
      description = {
        "Starts at the seed study's trial 7 and changes one thing at a time, each step over "
            + "seeds: normalised inputs and a cosine schedule; a CNN baseline (PyTorch's MNIST "
            + "example); + batch norm (three convolution blocks); + augmentation; + 20 epochs "
            + "with a one-cycle schedule; + label smoothing and weight EMA, the recommended CNN; "
            + "then the ensemble of its seeds (models are kept, as with --keep-models). Every "
            + "step says what it bought in validation accuracy and what it cost in seconds.",
        "--quick also trains every trial on the first 10,000 training images, so the five "
            + "CNN runs fit a few minutes."
      },
      footerHeading = "%nExamples:%n",
      footer = {
        "  mnist-lab study beyond --quick --out beyond-report",
        "  mnist-lab study beyond --parallel 2"
      })
  static final class Beyond implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin RunOptions options;

    @Override
    public Integer call() throws InterruptedException {
      // The journey ends with the ensemble of the last step's seeds (the report's seed ensembles
      // table), which needs their models; a quick run has one seed, so nothing to ensemble.
      if (!options.quick) {
        options.keep.keep = true;
      }
      return options.run(StudyFile.preset("beyond"), spec);
    }
  }

  /** Re-renders a stored study without training. */
  @Command(
      name = "report",
      mixinStandardHelpOptions = true,
      description =
          "Prints a stored study's tables and explanations again, without training;"
              + " --out writes the Markdown and HTML reports.",
      footerHeading = "%nExamples:%n",
      footer = {
        "  mnist-lab study report blog-quick",
        "  mnist-lab study report blog-quick --out blog-report"
      })
  static final class Report implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(
        paramLabel = "NAME",
        description =
            "A stored study, sweep or search, e.g. " + "blog, blog-quick, sweep-quick, tune-mlp.")
    String name;

    @Mixin StorageOptions storage;

    @Option(
        names = "--out",
        paramLabel = "DIR",
        description = "Also write report.md (with " + "PNG charts) and report.html into DIR.")
    Path out;

    @Mixin DataDirOption data;

    @Override
    public Integer call() {
      if (out != null) {
        OutputChecks.requireWritableDirectory("--out", out);
      }
      try (Storage opened = storage.openExisting()) {
        StudyRecord record = Storages.requireStudy(opened, name);
        if (TuneConfirmations.KIND.equals(record.spec().kind())) {
          // A search's confirmation is shown with its search.
          record = TuneConfirmations.search(opened, record);
        }
        if (TuneDefinition.KIND.equals(record.spec().kind())) {
          renderSearch(opened, record, out, spec.commandLine().getOut());
          return 0;
        }
        List<TrialRecord> stored = opened.trials(record.id(), true);
        if ("sweep".equals(record.spec().kind())) {
          SweepCommand.render(
              StoredSweep.plan(record), stored, out, spec.commandLine().getOut(), this::dataDir);
          return 0;
        }
        render(
            StoredStudy.asRun(StoredStudy.definition(record), stored),
            stored,
            out,
            spec.commandLine().getOut(),
            this::dataDir);
      }
      return 0;
    }

    /**
     * Prints a search's summary and its analysis (findings, importance and repeat tables) and, with
     * {@code --out}, writes the whole report with its charts.
     */
    static void renderSearch(Storage opened, StudyRecord record, Path outDir, PrintWriter out) {
      TuneDefinition definition = TuneDefinition.of(record);
      TuneReport report = TuneConfirmations.report(opened, record, definition);
      // One read serves the analysis (it needs the curves) and the tables (they need the rest).
      List<TrialRecord> trials = opened.trialsWithEpochs(record.id());
      SearchAnalysis analysis = SearchAnalyses.of(record, definition, trials, Instant.now());
      TuneOutput.text(out, report, opened.describe(), Double.NaN);
      out.println();
      new TerminalRenderer().render(SearchSections.analysisBlocks(report, analysis, trials), out);
      out.flush();
      if (outDir != null) {
        ReportFilesOut.write(SearchSections.blocks(report, analysis, trials), outDir, out);
      }
    }

    /** Returns the data directory, read only for a report with seed ensembles to score. */
    private Path dataDir() {
      PrintWriter err = spec.commandLine().getErr();
      return data.ensure(
          line -> {
            err.println(line);
            err.flush();
          });
    }
  }

  /** Deletes a stored study. */
  @Command(
      name = "delete",
      mixinStandardHelpOptions = true,
      description = "Deletes a stored study with all its trials and metrics; asks first.",
      footerHeading = "%nExamples:%n",
      footer = {"  mnist-lab study delete blog-quick", "  mnist-lab study delete blog-quick --yes"})
  static final class Delete implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "NAME", description = "The study to delete.")
    String name;

    @Mixin StorageOptions storage;

    @Option(
        names = {"-y", "--yes"},
        description = "Delete without asking.")
    boolean yes;

    @Override
    public Integer call() throws java.io.IOException {
      PrintWriter out = spec.commandLine().getOut();
      try (Storage opened = storage.openExisting()) {
        StudyRecord record = Storages.requireStudy(opened, name);
        int trials = opened.trials(record.id(), false).size();
        String what = "study '" + name + "' (" + trials + " trials) from " + opened.describe();
        if (!yes && !Confirm.ask("delete " + what + "? [y/N] ", spec.commandLine().getErr())) {
          out.println("kept " + what);
          out.flush();
          return 1;
        }
        List<TrialRecord> all = opened.trials(record.id(), false);
        opened.deleteStudy(name);
        int models;
        try {
          models = KeptModels.remove(record, all);
        } catch (java.io.IOException e) {
          out.println("deleted " + what);
          out.flush();
          spec.commandLine()
              .getErr()
              .println(
                  "could not remove all its kept models from "
                      + record.modelsDir()
                      + ": "
                      + OutputChecks.reason(e));
          spec.commandLine().getErr().flush();
          return 1;
        }
        out.println(
            "deleted " + what + (models > 0 ? "; removed its " + models + " kept models" : ""));
        out.flush();
      }
      return 0;
    }
  }

  static void render(
      StudyDefinition study,
      List<TrialRecord> stored,
      Path outDir,
      PrintWriter out,
      Supplier<Path> dataDir) {
    List<TrialRuns> trials = StoredStudy.runs(study, stored);
    List<Block> blocks =
        SeedEnsembles.insert(
            StudyNarrative.blocks(study, trials),
            "Step by step",
            stored,
            trials.stream().map(TrialRuns::name).toList(),
            dataDir);
    new TerminalRenderer().render(blocks, out);
    out.flush();
    if (outDir != null) {
      ReportFilesOut.write(blocks, outDir, out);
    }
  }

  static List<String> javaCommand() {
    String java = ProcessHandle.current().info().command().orElse("java");
    return List.of(
        java,
        "-XX:+AlwaysPreTouch",
        "-Djava.awt.headless=true",
        "-cp",
        System.getProperty("java.class.path"),
        Main.class.getName());
  }
}
