package dev.mnistlab.cli;

import dev.mnistlab.InvalidInputException;
import dev.mnistlab.output.OutputChecks;
import dev.mnistlab.report.Block;
import dev.mnistlab.report.TerminalRenderer;
import dev.mnistlab.storage.Storage;
import dev.mnistlab.storage.Storages;
import dev.mnistlab.storage.StudyRecord;
import dev.mnistlab.storage.TrialRecord;
import dev.mnistlab.train.Evaluation;
import dev.mnistlab.train.TestTimeAugmentation;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Scores saved models alone and as an ensemble: {@code mnist-lab ensemble}. */
@Command(
    name = "ensemble",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Scores saved models alone and together: the ensemble's prediction is the mean of the "
          + "models' softmax outputs.",
      "Prints each model's validation and test accuracy, their mean (what one model scores on "
          + "average) and the ensemble's. Each model is validated on the images it held out; the "
          + "ensemble only when all held out the same ones.",
      "The models are directories written by 'train --save', or the seeds of a study trial run "
          + "with --keep-models."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  mnist-lab ensemble --model-dir seed1 --model-dir seed2 --model-dir seed3",
      "  mnist-lab ensemble --study cnn --trial baseline --tta 8"
    })
final class EnsembleCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--model-dir",
      paramLabel = "DIR",
      description = "A saved model ('train --save DIR'); give it once per model.")
  List<Path> modelDirs = new ArrayList<>();

  @Option(
      names = "--study",
      paramLabel = "NAME",
      description = "Take the models a stored study kept (with --trial).")
  String study;

  @Option(
      names = "--trial",
      paramLabel = "T",
      description =
          "The study trial whose seeds (its repeats) are the models: its name, or the number of "
              + "one of its stored runs.")
  String trial;

  @Mixin StorageOptions storage;

  @Mixin DataDirOption data;

  @Option(
      names = "--tta",
      paramLabel = "N",
      defaultValue = "1",
      description =
          "Also score each image as the mean over N views: itself and N-1 copies warped by "
              + TestTimeAugmentation.SPEC_TEXT
              + ", drawn from a fixed seed; shown beside the plain figures "
              + "(default: ${DEFAULT-VALUE}, plain only).")
  int tta;

  @Option(
      names = "--json",
      paramLabel = "FILE|-",
      description =
          "Also write the figures as JSON to FILE, or to stdout with '-' (then nothing else goes "
              + "to stdout).")
  Path json;

  @Override
  public Integer call() {
    TestTimeAugmentation views = new TestTimeAugmentation(tta);
    if (json != null) {
      OutputChecks.requireWritableFile("--json", json);
    }
    List<Path> dirs = new ArrayList<>();
    List<String> names = new ArrayList<>();
    String what = members(dirs, names);
    PrintWriter err = spec.commandLine().getErr();
    Consumer<String> log =
        line -> {
          err.println(line);
          err.flush();
        };
    Path dataDir = data.ensure(log);
    EnsembleScores scores;
    try (ModelEnsemble ensemble = ModelEnsemble.load(dirs, names)) {
      scores = EnsembleScores.of(ensemble, dataDir, views, log);
    }
    boolean jsonToStdout = json != null && json.toString().equals("-");
    if (!jsonToStdout) {
      print(spec.commandLine().getOut(), what, scores);
    }
    if (json != null) {
      ResultJson.write(json, scores, spec.commandLine().getOut());
    }
    return 0;
  }

  /**
   * Fills {@code dirs} and {@code names} with the models asked for and returns what they are, for
   * the first line of the output.
   */
  private String members(List<Path> dirs, List<String> names) {
    boolean fromStudy = study != null || trial != null;
    if (fromStudy == !modelDirs.isEmpty()) {
      throw new InvalidInputException(
          fromStudy
              ? "give --model-dir DIR (one or more) or --study NAME --trial T, not both"
              : "give the models: --model-dir DIR (one or more), or --study NAME --trial T");
    }
    if (!fromStudy) {
      for (Path dir : modelDirs) {
        dirs.add(dir);
        names.add(dir.toString());
      }
      return modelDirs.size() + " saved model(s)";
    }
    if (study == null || trial == null) {
      throw new InvalidInputException(
          study == null
              ? "--trial needs --study NAME, the study it belongs to"
              : "--study needs --trial T, the trial whose seeds are the models");
    }
    try (Storage opened = storage.openExisting()) {
      StudyRecord record = Storages.requireStudy(opened, study);
      List<TrialRecord> seeds = KeptModels.seeds(record, opened.trials(record.id(), false), trial);
      for (TrialRecord t : seeds) {
        Path dir = Path.of(t.modelDir());
        if (!Files.isDirectory(dir)) {
          throw new InvalidInputException(
              "the model study '"
                  + study
                  + "' kept for seed "
                  + t.config().seed()
                  + " of trial '"
                  + t.label()
                  + "' is missing: "
                  + dir
                  + " (deleted, or kept on another machine)");
        }
        dirs.add(dir);
        names.add("run " + t.number());
      }
      return "the "
          + seeds.size()
          + " kept seed(s) of trial '"
          + seeds.get(0).label()
          + "' of study '"
          + study
          + "'";
    }
  }

  private static void print(PrintWriter out, String what, EnsembleScores s) {
    out.printf(Locale.ROOT, "ensemble of %s: the mean of their softmax outputs%n", what);
    if (s.sharedValidation()) {
      out.printf(
          Locale.ROOT,
          "validation: %s training images, held out by every model; test: the test set%n",
          s.validation());
    } else {
      out.printf(
          Locale.ROOT,
          "validation: the models held out different images (%s); each is validated on its own,"
              + " the ensemble on none (one model's validation images are another's training"
              + " images)%n",
          s.validation());
    }
    boolean tta = s.tta() > 1;
    if (tta) {
      out.printf(
          Locale.ROOT,
          "test-time augmentation: %s%n",
          new TestTimeAugmentation(s.tta()).describe());
    }
    List<String> header = new ArrayList<>(List.of("model", "seed", "val acc", "test acc"));
    if (tta) {
      header.add("val acc, tta " + s.tta());
      header.add("test acc, tta " + s.tta());
    }
    List<List<String>> rows = new ArrayList<>();
    for (EnsembleScores.Row r : s.members()) {
      rows.add(cells(r, tta));
    }
    rows.add(cells(s.mean(), tta));
    rows.add(cells(s.ensemble(), tta));
    new TerminalRenderer().render(List.of(new Block.Table(header, rows)), out);
    out.flush();
  }

  private static List<String> cells(EnsembleScores.Row r, boolean tta) {
    List<String> cells = new ArrayList<>();
    cells.add(r.model());
    cells.add(r.seed() == null ? "" : String.valueOf(r.seed()));
    cells.add(accuracy(r.validation()));
    cells.add(accuracy(r.test()));
    if (tta) {
      cells.add(accuracy(r.validationTta()));
      cells.add(accuracy(r.testTta()));
    }
    return cells;
  }

  private static String accuracy(Evaluation e) {
    return Double.isNaN(e.accuracy()) ? "-" : String.format(Locale.ROOT, "%.4f", e.accuracy());
  }
}
