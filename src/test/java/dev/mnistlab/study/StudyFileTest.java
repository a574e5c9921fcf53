package dev.mnistlab.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mnistlab.InvalidInputException;
import dev.mnistlab.model.MachineMemory;
import dev.mnistlab.model.MemoryEstimate;
import dev.mnistlab.train.OptimizerKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StudyFileTest {
  @Test
  void blogPresetHoldsTheSeedsSevenTrialsAsRun() {
    StudyDefinition blog = StudyFile.preset("blog");

    assertThat(blog.name()).isEqualTo("blog");
    assertThat(blog.repeats()).isEqualTo(3);
    assertThat(blog.trials())
        .extracting(TrialDefinition::name)
        .containsExactly(
            "trial 1", "trial 2", "trial 3", "trial 4", "trial 5", "trial 6", "trial 7");
    assertThat(blog.trials())
        .extracting(t -> t.config().epochs())
        .containsExactly(20, 20, 50, 100, 15, 30, 20);
    assertThat(blog.trials())
        .extracting(t -> t.config().batchSize())
        .containsExactly(16, 32, 32, 32, 100, 100, 100);
    assertThat(blog.trials())
        .extracting(t -> t.config().lr())
        .containsExactly(1e-4, 1e-4, 1e-4, 1e-4, 1e-3, 1e-3, 1e-3);
    assertThat(blog.trials())
        .allSatisfy(t -> assertThat(t.config().optimizer()).isEqualTo(OptimizerKind.ADAM));
    assertThat(blog.trials().get(0).config().model())
        .isEqualTo("linear(64),relu,linear(10),sigmoid");
    assertThat(blog.trials().get(6).config().model())
        .isEqualTo("linear(512),relu,linear(256),relu,linear(10)");
    assertThat(blog.trials().get(0).reportedAccuracy()).isEqualTo(0.9573);
    assertThat(blog.trials().get(5).reportedAccuracy()).isNull();
  }

  @Test
  void defaultsApplyUnlessATrialOverridesThem() {
    StudyDefinition s =
        StudyFile.parse(
            """
        name: lr
        repeats: 2
        defaults: {optimizer: sgd, lr: 0.1, epochs: 3}
        trials:
          - {name: base}
          - {name: slow, lr: 0.01}
        """,
            "lr.yaml");

    assertThat(s.trials()).extracting(t -> t.config().lr()).containsExactly(0.1, 0.01);
    assertThat(s.trials())
        .extracting(t -> t.config().optimizer())
        .containsExactly(OptimizerKind.SGD, OptimizerKind.SGD);
    assertThat(s.repeats()).isEqualTo(2);
  }

  @Test
  void rejectsUnknownKeyNamingTrialAndKey() {
    assertThatThrownBy(
            () ->
                StudyFile.parse(
                    """
        name: x
        trials:
          - {name: a, batchsize: 10}
        """,
                    "x.yaml"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith(
            "x.yaml, line 3: trial 'a': unknown key 'batchsize'; " + "allowed: ");
  }

  @Test
  void rejectsBadValuesNamingTheTrial() {
    assertThatThrownBy(
            () ->
                StudyFile.parse(
                    """
        name: x
        trials:
          - {name: a, lr: -1}
        """,
                    "x.yaml"))
        .hasMessage("x.yaml, line 3: trial 'a': learning rate must be > 0, got -1.0");
    assertThatThrownBy(
            () ->
                StudyFile.parse(
                    """
        name: x
        trials:
          - {name: a, model: "linear(64)"}
        """,
                    "x.yaml"))
        .hasMessage(
            "x.yaml, line 3: trial 'a': the model must output 10 values (one per "
                + "digit), got 64");
  }

  @Test
  void refusesATrialTooBigForThisMachineBeforeAnythingIsQueued() {
    assertThatThrownBy(
            () ->
                StudyFile.parse(
                    """
        name: x
        trials:
          - {name: a, model: "linear(1e9),relu,linear(10)"}
        """,
                    "x.yaml"))
        .hasMessage(
            "x.yaml, line 3: trial 'a': network needs about 13.0 TiB (795,000,000,010 "
                + "parameters at batch 100 with adam), more than this machine's "
                + MemoryEstimate.size(MachineMemory.totalBytes())
                + " of memory");
  }

  @Test
  void rejectsMalformedYamlInOneLineWithItsLine() {
    assertThatThrownBy(() -> StudyFile.parse("name: x\ntrials: [\n  {name: a\n", "x.yaml"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("x.yaml, line 4: not valid YAML: expected ',' or '}', but got <stream end>");
  }

  @Test
  void rejectsBadIndentationInOneLine() {
    assertThatThrownBy(() -> StudyFile.parse("name: x\ntrials:\n  - name: a\n   lr: 1\n", "x.yaml"))
        .hasMessage(
            "x.yaml, line 4: not valid YAML: expected <block end>, but found "
                + "'<block mapping start>'");
  }

  @Test
  void rejectsATabInOneLine() {
    assertThatThrownBy(() -> StudyFile.parse("name: x\ntrials:\n\t- name: a\n", "x.yaml"))
        .hasMessage(
            "x.yaml, line 3: not valid YAML: found character '\\t(TAB)' that cannot "
                + "start any token. (Do not use \\t(TAB) for indentation)");
  }

  @Test
  void rejectsAnUnknownTopKeyWithItsLine() {
    assertThatThrownBy(
            () -> StudyFile.parse("name: x\nrepeat: 2\ntrials:\n  - name: a\n", "x.yaml"))
        .hasMessage(
            "x.yaml, line 2: unknown key 'repeat'; allowed: defaults, description, "
                + "name, quick_train_limit, repeats, trials");
  }

  @Test
  void rejectsAWrongTypeOnceNamingFileLineTrialAndKey() {
    assertThatThrownBy(
            () -> StudyFile.parse("name: x\ntrials:\n  - name: a\n    epochs: abc\n", "types.yaml"))
        .hasMessage("types.yaml, line 4: trial 'a': 'epochs' must be a whole number, got abc");
    assertThatThrownBy(
            () -> StudyFile.parse("name: x\ntrials:\n  - name: a\n    seed: abc\n", "types.yaml"))
        .hasMessage("types.yaml, line 4: trial 'a': 'seed' must be a whole number, got abc");
    assertThatThrownBy(
            () ->
                StudyFile.parse(
                    "name: x\ntrials:\n  - name: a\n    normalize: maybe\n", "types.yaml"))
        .hasMessage(
            "types.yaml, line 4: trial 'a': 'normalize' must be true or false, got " + "maybe");
    assertThatThrownBy(
            () ->
                StudyFile.parse(
                    "name: x\ntrials:\n  - name: a\n    model: [linear(10)]\n", "types.yaml"))
        .hasMessage("types.yaml, line 4: trial 'a': 'model' must be text, got [\"linear(10)\"]");
  }

  @Test
  void rejectsBadBetasInOneLine() {
    assertThatThrownBy(
            () -> StudyFile.parse("name: x\ntrials:\n  - name: a\n    betas: [a, b]\n", "x.yaml"))
        .hasMessage(
            "x.yaml, line 4: trial 'a': 'betas' must be two numbers, e.g. [0.9, 0.999],"
                + " got [\"a\",\"b\"]");
    assertThatThrownBy(
            () -> StudyFile.parse("name: x\ntrials:\n  - name: a\n    betas: [0.9]\n", "x.yaml"))
        .hasMessage(
            "x.yaml, line 4: trial 'a': 'betas' must be two numbers, e.g. [0.9, 0.999],"
                + " got [0.9]");
  }

  @Test
  void rejectsABadDefaultAtItsLineInDefaults() {
    assertThatThrownBy(
            () ->
                StudyFile.parse("name: x\ndefaults:\n  lr: fast\ntrials:\n  - name: a\n", "x.yaml"))
        .hasMessage("x.yaml, line 3: trial 'a': 'lr' must be a number, got fast");
  }

  @Test
  void rejectsAnUnknownOptimizerAtItsLine() {
    assertThatThrownBy(
            () ->
                StudyFile.parse(
                    "name: x\ntrials:\n  - name: a\n    epochs: 2\n    optimizer: foo\n", "x.yaml"))
        .hasMessage(
            "x.yaml, line 5: trial 'a': unknown optimizer 'foo': allowed are sgd, "
                + "momentum, nesterov, adam, adamw, rmsprop, adagrad");
  }

  @Test
  void rejectsDuplicateTrialNamesNamingBothLines() {
    assertThatThrownBy(
            () ->
                StudyFile.parse(
                    "name: x\ntrials:\n  - name: a\n  - name: b\n  - name: A\n", "x.yaml"))
        .hasMessage(
            "x.yaml, line 5: trial 'A' is named like the trial on line 3; trial names "
                + "must differ in more than case and punctuation");
  }

  @Test
  void rejectsADuplicateKey() {
    assertThatThrownBy(() -> StudyFile.parse("name: x\nname: y\ntrials:\n  - name: a\n", "x.yaml"))
        .hasMessage("x.yaml, line 2: not valid YAML: Duplicate field 'name'");
  }

  @Test
  void rejectsRepeatsBelowOneAtItsLine() {
    assertThatThrownBy(
            () -> StudyFile.parse("name: x\nrepeats: 0\ntrials:\n  - name: a\n", "x.yaml"))
        .hasMessage("x.yaml, line 2: 'repeats' must be a whole number >= 1, got 0");
  }

  @Test
  void readsAQuickTrainLimitThatOnlyTheQuickVersionUses() {
    StudyDefinition study =
        StudyFile.parse(
            """
        name: x
        quick_train_limit: 3000
        trials:
          - {name: a, epochs: 10}
          - {name: b, epochs: 10, train_limit: 1000}
        """,
            "x.yaml");

    assertThat(study.quickTrainLimit()).isEqualTo(3000);
    assertThat(study.trials()).extracting(t -> t.config().trainLimit()).containsExactly(0, 1000);
    StudyDefinition quick = study.toQuick();
    assertThat(quick.trials()).extracting(t -> t.config().trainLimit()).containsExactly(3000, 1000);
    assertThat(quick.trials()).extracting(t -> t.config().epochs()).containsExactly(2, 2);
    assertThat(StudyFile.parse("name: x\ntrials:\n  - name: a\n", "x.yaml").toQuick().trials())
        .extracting(t -> t.config().trainLimit())
        .containsExactly(0);
  }

  @Test
  void rejectsAQuickTrainLimitBelowOneAtItsLine() {
    assertThatThrownBy(
            () ->
                StudyFile.parse("name: x\nquick_train_limit: 0\ntrials:\n  - name: a\n", "x.yaml"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("x.yaml, line 2: 'quick_train_limit' must be a whole number >= 1, got 0");
    assertThatThrownBy(
            () ->
                StudyFile.parse(
                    "name: x\nquick_train_limit: lots\ntrials:\n  - name: a\n", "x.yaml"))
        .hasMessage("x.yaml, line 2: 'quick_train_limit' must be a whole number, got lots");
  }

  @Test
  void rejectsAnEmptyFile() {
    assertThatThrownBy(() -> StudyFile.parse("", "x.yaml"))
        .hasMessage("x.yaml: expected a mapping with name, repeats and trials");
  }

  @Test
  void rejectsATrialThatIsNotAMapping() {
    assertThatThrownBy(() -> StudyFile.parse("name: x\ntrials:\n  - a\n", "x.yaml"))
        .hasMessage(
            "x.yaml, line 3: each trial must be a mapping with a 'name' and train "
                + "settings, got a");
  }

  @Test
  void rejectsABinaryFile(@TempDir Path dir) throws Exception {
    Path file = Files.write(dir.resolve("b.yaml"), new byte[] {(byte) 0xff, 0, 1, 2});

    assertThatThrownBy(() -> StudyFile.read(file))
        .hasMessage("study file " + file + " is not UTF-8 text; give a YAML file");
  }

  @Test
  void rejectsADirectory(@TempDir Path dir) {
    assertThatThrownBy(() -> StudyFile.read(dir))
        .hasMessage("study file " + dir + " is a directory; give a YAML file");
  }

  @Test
  void rejectsAMissingFile(@TempDir Path dir) {
    Path file = dir.resolve("none.yaml");

    assertThatThrownBy(() -> StudyFile.read(file)).hasMessage("study file not found: " + file);
  }

  @Test
  void refusesAFileOverOneMegabyteBeforeReadingIt(@TempDir Path dir) throws Exception {
    Path file =
        Files.writeString(
            dir.resolve("big.yaml"),
            "name: x\ndescription: " + "a".repeat(10_000_000) + "\ntrials:\n  - name: a\n");

    assertThatThrownBy(() -> StudyFile.read(file))
        .hasMessage("study file " + file + " is too large: 10.0 MB, at most 1 MB");
  }

  @Test
  void quickVersionHasOneRepeatAndFifthOfTheEpochs() {
    StudyDefinition quick = StudyFile.preset("blog").toQuick();

    assertThat(quick.name()).isEqualTo("blog-quick");
    assertThat(quick.quick()).isTrue();
    assertThat(quick.repeats()).isEqualTo(1);
    assertThat(quick.trials())
        .extracting(t -> t.config().epochs())
        .containsExactly(4, 4, 10, 20, 3, 6, 4);
  }

  @Test
  void rejectsUnknownPreset() {
    assertThatThrownBy(() -> StudyFile.preset("vlog"))
        .hasMessage(
            "unknown preset study 'vlog': allowed are "
                + String.join(", ", List.of("blog", "beyond")));
  }

  @Test
  void acceptsAugmentAsATrainSetting() {
    StudyDefinition study =
        StudyFile.parse(
            """
        name: x
        defaults: {augment: "rotate=12,shift=2"}
        trials:
          - {name: a}
          - {name: b, augment: none}
        """,
            "x.yaml");

    assertThat(study.trials().get(0).config().augment()).isEqualTo("rotate=12,shift=2");
    assertThat(study.trials().get(1).config().augment()).isEqualTo("none");
  }

  @Test
  void refusesABadAugmentWithItsLine() {
    assertThatThrownBy(
            () ->
                StudyFile.parse(
                    """
        name: x
        trials:
          - name: a
            augment: rotate=190
        """,
                    "x.yaml"))
        .hasMessage(
            "x.yaml, line 4: trial 'a': --augment: rotate must be >= 0 and < 180 degrees, got 190");
  }

  @Test
  void acceptsLabelSmoothingAsATrainSettingAndNoneByDefault() {
    StudyDefinition study =
        StudyFile.parse(
            """
        name: x
        trials:
          - {name: a}
          - {name: b, label_smoothing: 0.1}
        """,
            "x.yaml");

    assertThat(study.trials().get(0).config().labelSmoothing()).isZero();
    assertThat(study.trials().get(1).config().labelSmoothing()).isEqualTo(0.1);
  }

  @Test
  void refusesABadLabelSmoothingWithItsLine() {
    assertThatThrownBy(
            () ->
                StudyFile.parse(
                    """
        name: x
        trials:
          - name: a
            label_smoothing: 1.5
        """,
                    "x.yaml"))
        .hasMessage("x.yaml, line 4: trial 'a': label smoothing must be >= 0 and < 1, got 1.5");
  }

  @Test
  void acceptsEmaAsATrainSettingAndRefusesABadOneWithItsLine() {
    StudyDefinition study =
        StudyFile.parse("name: x\ntrials:\n  - {name: a}\n  - {name: b, ema: 0.99}\n", "x.yaml");

    assertThat(study.trials().get(0).config().ema()).isZero();
    assertThat(study.trials().get(1).config().ema()).isEqualTo(0.99);
    assertThatThrownBy(
            () -> StudyFile.parse("name: x\ntrials:\n  - name: a\n    ema: 1.5\n", "x.yaml"))
        .hasMessage(
            "x.yaml, line 4: trial 'a': EMA decay must be > 0 and < 1 (or 0 for none), got 1.5");
  }
}
