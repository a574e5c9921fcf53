package dev.mnistlab.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.mnistlab.report.Block;
import dev.mnistlab.report.TerminalRenderer;
import dev.mnistlab.storage.Storage;
import dev.mnistlab.storage.Storages;
import dev.mnistlab.storage.StudyRecord;
import dev.mnistlab.storage.TrialRecord;
import dev.mnistlab.study.TrialRows;
import dev.mnistlab.train.JsonFormat;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Lists one study's trials: {@code mnist-lab trials --study NAME}. */
@Command(
    name = "trials",
    mixinStandardHelpOptions = true,
    description =
        "Lists a study's trials: state, seed, validation and test accuracy, seconds, "
            + "worker and why a trial failed.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  mnist-lab trials --study blog-quick",
      "  mnist-lab trials --study blog-quick --json"
    })
final class TrialsCommand implements Callable<Integer> {
  /** Longest reason shown in the table; --json has it whole. */
  private static final int REASON_WIDTH = 60;

  @Spec CommandSpec spec;
  @Mixin StorageOptions storage;

  @Option(names = "--study", required = true, paramLabel = "NAME", description = "The study.")
  String study;

  @Option(
      names = "--json",
      description =
          "Print one JSON object per trial (the export's " + "columns) instead of a table.")
  boolean json;

  @Override
  public Integer call() throws JsonProcessingException {
    PrintWriter out = spec.commandLine().getOut();
    try (Storage opened = storage.openExisting()) {
      StudyRecord record = Storages.requireStudy(opened, study);
      List<TrialRecord> trials = opened.trials(record.id(), true);
      if (json) {
        out.println(JsonFormat.MAPPER.writeValueAsString(TrialRows.perTrial(record, trials)));
      } else if (trials.isEmpty()) {
        out.println("study '" + study + "' has no trials yet");
      } else {
        new TerminalRenderer().render(List.of(table(TrialRows.perTrial(record, trials))), out);
      }
      out.flush();
    }
    return 0;
  }

  private static Block.Table table(List<Map<String, Object>> rows) {
    List<String> header =
        List.of(
            "#",
            "label",
            "state",
            "seed",
            "epochs",
            "val acc",
            "test acc",
            "seconds",
            "tries",
            "worker",
            "reason");
    List<List<String>> cells = new ArrayList<>();
    for (Map<String, Object> row : rows) {
      cells.add(
          List.of(
              text(row.get("number")),
              text(row.get("label")),
              text(row.get("state")),
              text(row.get("seed")),
              text(row.get("epochs_done")),
              fixed(row.get("final_val_accuracy"), 4),
              fixed(row.get("test_accuracy"), 4),
              fixed(row.get("seconds"), 1),
              text(row.get("attempts")),
              text(row.get("worker")),
              shorten(row.get("reason"))));
    }
    return new Block.Table(header, cells);
  }

  private static String text(Object value) {
    return value == null ? "-" : String.valueOf(value);
  }

  private static String fixed(Object value, int digits) {
    return value instanceof Number n
        ? String.format(Locale.ROOT, "%." + digits + "f", n.doubleValue())
        : "-";
  }

  private static String shorten(Object reason) {
    if (reason == null) {
      return "";
    }
    String line = String.valueOf(reason).replaceAll("\\s+", " ");
    return line.length() <= REASON_WIDTH ? line : line.substring(0, REASON_WIDTH - 3) + "...";
  }
}
