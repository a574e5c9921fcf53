package dev.mnistlab.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.mnistlab.InvalidInputException;
import dev.mnistlab.output.OutputChecks;
import dev.mnistlab.output.OutputFile;
import dev.mnistlab.storage.Storage;
import dev.mnistlab.storage.Storages;
import dev.mnistlab.storage.StudyRecord;
import dev.mnistlab.storage.TrialRecord;
import dev.mnistlab.study.TrialRows;
import dev.mnistlab.train.JsonFormat;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Writes a study's trials as CSV or JSON: {@code mnist-lab export --study NAME}. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description =
        "Writes a study's trials as CSV or JSON, a row per trial (parameters, every "
            + "setting, results) or with --epochs a row per epoch.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  mnist-lab export --study blog-quick --format csv -o blog.csv",
      "  mnist-lab export --study blog-quick --format json --epochs -o epochs.json"
    })
final class ExportCommand implements Callable<Integer> {
  /** The formats {@code --format} accepts. */
  enum Format {
    CSV,
    JSON
  }

  @Spec CommandSpec spec;
  @Mixin StorageOptions storage;

  @Option(names = "--study", required = true, paramLabel = "NAME", description = "The study.")
  String study;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "csv",
      description = "csv or json (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(
      names = "--epochs",
      description = "A row per epoch of every trial instead of a row " + "per trial.")
  boolean epochs;

  @Option(
      names = {"-o", "--out"},
      paramLabel = "FILE",
      description = "Write to FILE (replaced whole) instead of stdout.")
  Path file;

  @Override
  public Integer call() throws JsonProcessingException {
    if (file != null) {
      OutputChecks.requireWritableFile("--out", file);
    }
    String text;
    try (Storage opened = storage.openExisting()) {
      StudyRecord record = Storages.requireStudy(opened, study);
      List<TrialRecord> trials = opened.trials(record.id(), true);
      List<Map<String, Object>> rows =
          epochs ? TrialRows.perEpoch(record, trials) : TrialRows.perTrial(record, trials);
      text =
          format == Format.CSV
              ? csv(TrialRows.columns(rows), rows)
              : JsonFormat.MAPPER.writeValueAsString(rows) + System.lineSeparator();
    }
    if (file != null) {
      try {
        OutputFile.writeString(file, text);
      } catch (IOException e) {
        throw new InvalidInputException(
            "cannot write --out " + file + ": " + OutputChecks.reason(e), e);
      }
    } else {
      PrintWriter out = spec.commandLine().getOut();
      out.print(text);
      out.flush();
    }
    return 0;
  }

  /** Quotes only cells that need it: with a comma, quote or line break, or edge cases. */
  private static final CSVFormat CSV =
      CSVFormat.RFC4180.builder().setQuoteMode(QuoteMode.MINIMAL).get();

  /**
   * Returns {@code rows} as CSV (RFC 4180, CRLF line ends) with {@code columns} in that order: a
   * header line, then one line per row; missing values are empty cells.
   */
  static String csv(List<String> columns, List<Map<String, Object>> rows) {
    StringBuilder text = new StringBuilder();
    try (CSVPrinter printer = new CSVPrinter(text, CSV)) {
      printer.printRecord(columns);
      for (Map<String, Object> row : rows) {
        // An empty string as null, so it is an empty cell and not "" as Commons CSV would
        // write it first on a line.
        printer.printRecord(columns.stream().map(c -> "".equals(row.get(c)) ? null : row.get(c)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringBuilder does not fail
    }
    return text.toString();
  }
}
