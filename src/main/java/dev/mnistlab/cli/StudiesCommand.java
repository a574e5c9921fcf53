package dev.mnistlab.cli;

import dev.mnistlab.report.Block;
import dev.mnistlab.report.TerminalRenderer;
import dev.mnistlab.storage.Storage;
import dev.mnistlab.storage.StudySummary;
import dev.mnistlab.storage.TrialState;
import java.io.PrintWriter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Lists the studies in a storage: {@code mnist-lab studies}. */
@Command(
    name = "studies",
    mixinStandardHelpOptions = true,
    description = "Lists the stored studies: trials in each state and the best value so far.",
    footerHeading = "%nExamples:%n",
    footer = {"  mnist-lab studies", "  mnist-lab studies --storage sqlite:mnist-lab.db"})
final class StudiesCommand implements Callable<Integer> {
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

  @Spec CommandSpec spec;
  @Mixin StorageOptions storage;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (Storage opened = storage.openExisting()) {
      List<StudySummary> studies = opened.studies();
      if (studies.isEmpty()) {
        out.println("no studies in " + opened.describe() + " yet");
        out.flush();
        return 0;
      }
      List<String> header = new ArrayList<>(List.of("study", "kind", "objective", "created"));
      for (TrialState state : TrialState.values()) {
        header.add(state.name().toLowerCase(Locale.ROOT));
      }
      header.add("best");
      List<List<String>> rows = new ArrayList<>();
      for (StudySummary s : studies) {
        List<String> row =
            new ArrayList<>(
                List.of(
                    s.study().name(),
                    s.study().spec().kind(),
                    s.study().spec().objective()
                        + " ("
                        + (s.study().spec().direction().name().equals("MAXIMIZE") ? "max" : "min")
                        + ")",
                    WHEN.format(s.study().createdAt())));
        for (TrialState state : TrialState.values()) {
          row.add(String.valueOf(s.counts().get(state)));
        }
        row.add(Double.isNaN(s.best()) ? "-" : String.format(Locale.ROOT, "%.4f", s.best()));
        rows.add(row);
      }
      out.println(opened.describe());
      new TerminalRenderer().render(List.of(new Block.Table(header, rows)), out);
      out.flush();
    }
    return 0;
  }
}
