package dev.mnistlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mnistlab.storage.Direction;
import dev.mnistlab.storage.Storage;
import dev.mnistlab.storage.Storages;
import dev.mnistlab.storage.StudyRecord;
import dev.mnistlab.storage.TrialRecord;
import dev.mnistlab.storage.TrialState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TuneCommandTest {
  @TempDir Path tmp;

  private static final String TINY =
      """
      name: tiny
      params:
        units_1: {choice: [8, 16]}
        lr: {float: [1.0e-3, 1.0e-1], log: true}
        batch_size: 20
        epochs: 3
      """;

  private Path space() throws IOException {
    return Files.writeString(tmp.resolve("tiny.yaml"), TINY);
  }

  private CliRun tune(String storage, String... more) throws IOException {
    Path data = SyntheticMnist.write(Files.createDirectories(tmp.resolve("data")));
    List<String> args =
        new ArrayList<>(
            List.of(
                "tune",
                "--space",
                space().toString(),
                "--data-dir",
                data.toString(),
                "--storage",
                storage,
                "--study",
                "tiny",
                "--set",
                "val_size=20",
                "--set",
                "log_every=1",
                "--train-limit",
                "100",
                "--sampler",
                "tpe:startup=2",
                "--pruner",
                "median:warmup=1,startup=1",
                "--seed",
                "3"));
    args.addAll(List.of(more));
    return CliRun.of(args.toArray(String[]::new));
  }

  private static List<TrialRecord> trials(String storage) {
    try (Storage opened = Storages.open(storage)) {
      StudyRecord study = Storages.requireStudy(opened, "tiny");
      return opened.trialsWithEpochs(study.id());
    }
  }

  // --- bad input: one line, exit code 2, nothing stored ---------------------------------------

  @Test
  void refusesAnUnknownSpace() {
    assertThat(
            CliRun.of("tune", "--space", "resnet", "--storage", "sqlite:" + tmp.resolve("s.db"))
                .badInputLine())
        .contains("resnet")
        .contains("mlp, cnn");
  }

  @Test
  void refusesABadSamplerPrunerTimeoutOrObjectiveBeforeStoringAnything() throws IOException {
    String storage = "sqlite:" + tmp.resolve("s.db");
    String[] base = {"tune", "--space", space().toString(), "--storage", storage};
    assertThat(bad(base, "--sampler", "bayes")).contains("got 'bayes'");
    assertThat(bad(base, "--pruner", "asha:eta=1")).contains("eta must be >= 2, got 1");
    assertThat(bad(base, "--timeout", "ten"))
        .isEqualTo(
            "mnist-lab tune: --timeout must be a duration like 90s, 15m or 1h30m, " + "got 'ten'");
    assertThat(bad(base, "--objective", "test_accuracy"))
        .endsWith("a search must not choose by the test set");
    assertThat(bad(base, "--trials", "0"))
        .isEqualTo("mnist-lab tune: --trials must be >= 1, got 0");
    assertThat(bad(base, "--set", "val_size=-1")).contains("validation size must be >= 0");
    assertThat(Files.exists(tmp.resolve("s.db"))).as("nothing was stored").isFalse();
  }

  @Test
  void refusesABadConfirmBeforeStoringAnything() throws IOException {
    String storage = "sqlite:" + tmp.resolve("s.db");
    String[] base = {"tune", "--space", space().toString(), "--storage", storage};
    assertThat(bad(base, "--confirm", "0"))
        .isEqualTo(
            "mnist-lab tune: --confirm K must be >= 1 configuration, got 0 (use K or KxS, e.g."
                + " 5x3)");
    assertThat(bad(base, "--confirm", "5x1"))
        .isEqualTo(
            "mnist-lab tune: --confirm S must be >= 2 seeds, got 1: one run per configuration"
                + " has no interval (use K or KxS, e.g. 5x3)");
    assertThat(bad(base, "--confirm", "abc"))
        .isEqualTo(
            "mnist-lab tune: --confirm must be K or KxS (configurations x seeds), e.g. 5 or 5x3,"
                + " got 'abc'");
    assertThat(Files.exists(tmp.resolve("s.db"))).as("nothing was stored").isFalse();
  }

  private static String bad(String[] base, String... more) {
    List<String> args = new ArrayList<>(List.of(base));
    args.addAll(List.of(more));
    return CliRun.of(args.toArray(String[]::new)).badInputLine();
  }

  @Test
  void prunesByTheMedianRuleUnlessToldOtherwise() {
    TuneCommand command = new TuneCommand();
    new picocli.CommandLine(command).parseArgs("--space", "mlp");
    assertThat(command.pruner).isEqualTo("median");
    assertThat(command.sampler).isEqualTo("tpe");
  }

  @Test
  void continueOfAMissingSearchIsBadInput() throws IOException {
    assertThat(tune("sqlite:" + tmp.resolve("s.db"), "--continue").badInputLine())
        .contains("--continue: no search named 'tiny'");
  }

  // --- real searches on the synthetic set ----------------------------------------------------

  @Test
  void twoWorkersFinishEveryTrialAndNameTheBestWithItsTrainCommand() throws IOException {
    String storage = "sqlite:" + tmp.resolve("s.db");

    CliRun run = tune(storage, "--trials", "6", "--parallel", "2");

    assertThat(run.code()).as(run.err()).isZero();
    List<TrialRecord> trials = trials(storage);
    assertThat(trials)
        .hasSize(6)
        .allSatisfy(t -> assertThat(t.state()).isIn(TrialState.COMPLETE, TrialState.PRUNED));
    assertThat(trials).extracting(TrialRecord::workerId).doesNotContainNull();
    assertThat(run.err()).contains("created search tiny").contains("search tiny: 6 done");
    assertThat(run.out())
        .contains("best: trial ")
        .contains("test accuracy")
        .contains("./mnist-lab train --model 'linear(")
        .contains("--seed 3")
        .contains("top ");
    trials.stream()
        .filter(t -> t.state() == TrialState.PRUNED)
        .forEach(
            t -> {
              assertThat(t.reason()).startsWith("pruned after epoch ");
              assertThat(t.epochs()).hasSizeLessThan(3);
            });
    Path out = tmp.resolve("report");
    CliRun report =
        CliRun.of("study", "report", "tiny", "--storage", storage, "--out", out.toString());
    assertThat(report.code()).as(report.err()).isZero();
    assertThat(report.out())
        .contains("6 trial(s) finished")
        .contains(
            run.outLines().stream()
                .filter(l -> l.startsWith("best: trial"))
                .findFirst()
                .orElseThrow())
        .contains("What the search found")
        .contains("reports written: ");
    // The files open with the answer, then the charts, each a PNG beside the Markdown.
    String markdown = Files.readString(out.resolve("report.md"));
    assertThat(markdown)
        .startsWith("# Search tiny")
        .contains("## What the search found\n\n- Best: trial ")
        .contains("![Optimization history: val_accuracy by trial, best so far](tiny-history.png)");
    for (String chart : List.of("history", "importance", "parallel", "slices", "timeline")) {
      assertThat(out.resolve("tiny-" + chart + ".png")).isNotEmptyFile();
    }
    assertThat(Files.readString(out.resolve("report.html")))
        .contains("<figure class=\"search\" id=\"chart-tiny-parallel\">")
        .contains("\"kind\":\"importance\"");
  }

  @Test
  @Tag("slow")
  void theSameSeedAndLagGiveTheSameTrialsWithOneWorkerOrTwo() throws IOException {
    String two = "sqlite:" + tmp.resolve("two.db");
    String one = "sqlite:" + tmp.resolve("one.db");

    assertThat(tune(two, "--trials", "8", "--parallel", "2").code()).isZero();
    assertThat(tune(one, "--trials", "8", "--parallel", "1", "--lag", "4").code()).isZero();

    List<TrialRecord> a = trials(two);
    List<TrialRecord> b = trials(one);
    assertThat(a).hasSize(8);
    assertThat(b).hasSize(8);
    for (int i = 0; i < 8; i++) {
      assertThat(b.get(i).params()).as("trial %d", i).isEqualTo(a.get(i).params());
      assertThat(b.get(i).state()).as("trial %d", i).isEqualTo(a.get(i).state());
      assertThat(b.get(i).value()).as("trial %d", i).isEqualTo(a.get(i).value());
    }
  }

  @Test
  @Tag("slow")
  void continueResumesAStoppedSearchWithAWiderSpaceReusingTheTrialsThatFit() throws IOException {
    String storage = "sqlite:" + tmp.resolve("s.db");
    assertThat(tune(storage, "--trials", "3", "--parallel", "1").code()).isZero();
    Files.writeString(tmp.resolve("tiny.yaml"), TINY.replace("[8, 16]", "[8, 16, 32]"));

    CliRun more = tune(storage, "--trials", "5", "--parallel", "1", "--continue");

    assertThat(more.code()).as(more.err()).isZero();
    assertThat(more.err())
        .contains(
            "continuing search tiny: 3 of its 3 stored trial(s) fit " + "the space and are reused");
    assertThat(trials(storage)).hasSize(5);
  }

  @Test
  void jsonGivesTheBestTrialAndCountsForMachines() throws IOException {
    String storage = "sqlite:" + tmp.resolve("s.db");

    CliRun run = tune(storage, "--trials", "2", "--parallel", "2", "--json");

    assertThat(run.code()).as(run.err()).isZero();
    @SuppressWarnings("unchecked")
    Map<String, Object> doc = dev.mnistlab.train.JsonFormat.MAPPER.readValue(run.out(), Map.class);
    assertThat(doc.get("study")).isEqualTo("tiny");
    assertThat(((Map<?, ?>) doc.get("trials")).get("complete")).isEqualTo(2);
    @SuppressWarnings("unchecked")
    Map<String, Object> best = (Map<String, Object>) doc.get("best");
    assertThat(best)
        .containsKeys(
            "number", "params", "val_accuracy", "test_accuracy", "train_command", "config");
    assertThat((List<?>) doc.get("top")).hasSize(2);
  }

  @Test
  void confirmTrainsTheTopAgainWithNewSeedsAndContinueTrainsOnlyWhatIsMissing() throws IOException {
    String storage = "sqlite:" + tmp.resolve("s.db");

    // Three trials with lag 4: no trial has an earlier one to be pruned against, so all complete.
    CliRun run = tune(storage, "--trials", "3", "--parallel", "2", "--confirm", "2x2");

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.err()).contains("4 run(s) queued, 0 stored already");
    List<TrialRecord> runs = confirmationRuns(storage);
    List<TrialRecord> top =
        dev.mnistlab.tune.TuneReport.ranked(Direction.MAXIMIZE, trials(storage)).subList(0, 2);
    assertThat(runs)
        .hasSize(4)
        .allSatisfy(
            t -> {
              assertThat(t.state()).isEqualTo(TrialState.COMPLETE);
              assertThat(t.epochs()).as("no pruning: every epoch").hasSize(3);
              assertThat(t.config().seed()).as("new seeds, not the search's 3").isIn(4L, 5L);
            });
    for (TrialRecord t : top) {
      assertThat(runs).filteredOn(r -> r.config().equals(t.config().withSeed(4))).hasSize(1);
      assertThat(runs).filteredOn(r -> r.config().equals(t.config().withSeed(5))).hasSize(1);
    }
    assertThat(run.out())
        .contains("Confirmation (2 configs x 2 seeds)")
        .contains("within noise: Welch's t-test against the best gives p >= 0.05")
        .containsPattern("(?m)^chosen: trial \\d+ \\(rank [12] in the search\\)")
        .contains("test accuracy ")
        .contains("not used to choose");
    assertThat(run.outLines()).filteredOn(l -> l.endsWith("  best")).hasSize(1);

    CliRun again =
        tune(
            storage,
            "--trials",
            "3",
            "--parallel",
            "2",
            "--continue",
            "--confirm",
            "2x2",
            "--json");

    assertThat(again.code()).as(again.err()).isZero();
    assertThat(again.err()).contains("0 run(s) queued, 4 stored already");
    assertThat(confirmationRuns(storage)).as("nothing trained again").isEqualTo(runs);
    @SuppressWarnings("unchecked")
    Map<String, Object> doc =
        dev.mnistlab.train.JsonFormat.MAPPER.readValue(again.out(), Map.class);
    @SuppressWarnings("unchecked")
    Map<String, Object> confirmation = (Map<String, Object>) doc.get("confirmation");
    assertThat(confirmation).containsEntry("configs", 2).containsEntry("runs_finished", 4);
    assertThat((List<?>) confirmation.get("rows")).hasSize(2);
    @SuppressWarnings("unchecked")
    Map<String, Object> chosen = (Map<String, Object>) confirmation.get("chosen");
    assertThat(chosen).containsKeys("trial", "test_accuracy");

    CliRun report = CliRun.of("study", "report", "tiny-confirm", "--storage", storage);
    assertThat(report.code()).as(report.err()).isZero();
    assertThat(report.out())
        .contains("search tiny ")
        .contains(
            run.outLines().stream()
                .filter(l -> l.startsWith("chosen: trial"))
                .findFirst()
                .orElseThrow());
  }

  private static List<TrialRecord> confirmationRuns(String storage) {
    try (Storage opened = Storages.open(storage)) {
      StudyRecord study = Storages.requireStudy(opened, "tiny-confirm");
      return opened.trialsWithEpochs(study.id());
    }
  }

  @Test
  void aWrongDataDirLeavesNoStorageOrSearchBehind() {
    CliRun run =
        CliRun.of(
            "tune",
            "--space",
            "mlp",
            "--data-dir",
            tmp.resolve("nope").toString(),
            "--storage",
            "sqlite:" + tmp.resolve("t.db"));

    assertThat(run.badInputLine()).startsWith("mnist-lab tune: data directory does not exist");
    assertThat(tmp.resolve("t.db")).doesNotExist();
  }
}
