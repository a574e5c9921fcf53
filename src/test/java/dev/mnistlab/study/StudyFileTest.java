package dev.mnistlab.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mnistlab.InvalidInputException;
import dev.mnistlab.model.MachineMemory;
import dev.mnistlab.model.MemoryEstimate;
import dev.mnistlab.train.OptimizerKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class StudyFileTest {
  @Test
  void blogPresetHoldsTheSeedsSevenTrialsAsRun() {
    StudyDefinition blog = StudyFile.preset("blog");

    assertThat(blog.name()).isEqualTo("blog");
    assertThat(blog.repeats()).isEqualTo(3);
    assertThat(blog.trials()).extracting(TrialDefinition::name).containsExactly("trial 1",
        "trial 2", "trial 3", "trial 4", "trial 5", "trial 6", "trial 7");
    assertThat(blog.trials()).extracting(t -> t.config().epochs())
        .containsExactly(20, 20, 50, 100, 15, 30, 20);
    assertThat(blog.trials()).extracting(t -> t.config().batchSize())
        .containsExactly(16, 32, 32, 32, 100, 100, 100);
    assertThat(blog.trials()).extracting(t -> t.config().lr())
        .containsExactly(1e-4, 1e-4, 1e-4, 1e-4, 1e-3, 1e-3, 1e-3);
    assertThat(blog.trials()).allSatisfy(t ->
        assertThat(t.config().optimizer()).isEqualTo(OptimizerKind.ADAM));
    assertThat(blog.trials().get(0).config().model())
        .isEqualTo("linear(64),relu,linear(10),sigmoid");
    assertThat(blog.trials().get(6).config().model())
        .isEqualTo("linear(512),relu,linear(256),relu,linear(10)");
    assertThat(blog.trials().get(0).reportedAccuracy()).isEqualTo(0.9573);
    assertThat(blog.trials().get(5).reportedAccuracy()).isNull();
  }

  @Test
  void defaultsApplyUnlessATrialOverridesThem() {
    StudyDefinition s = StudyFile.parse("""
        name: lr
        repeats: 2
        defaults: {optimizer: sgd, lr: 0.1, epochs: 3}
        trials:
          - {name: base}
          - {name: slow, lr: 0.01}
        """, "lr.yaml");

    assertThat(s.trials()).extracting(t -> t.config().lr()).containsExactly(0.1, 0.01);
    assertThat(s.trials()).extracting(t -> t.config().optimizer())
        .containsExactly(OptimizerKind.SGD, OptimizerKind.SGD);
    assertThat(s.repeats()).isEqualTo(2);
  }

  @Test
  void rejectsUnknownKeyNamingTrialAndKey() {
    assertThatThrownBy(() -> StudyFile.parse("""
        name: x
        trials:
          - {name: a, batchsize: 10}
        """, "x.yaml"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("x.yaml: trial 'a': unknown key 'batchsize'; allowed: ");
  }

  @Test
  void rejectsBadValuesNamingTheTrial() {
    assertThatThrownBy(() -> StudyFile.parse("""
        name: x
        trials:
          - {name: a, lr: -1}
        """, "x.yaml"))
        .hasMessage("x.yaml: trial 'a': learning rate must be > 0, got -1.0");
    assertThatThrownBy(() -> StudyFile.parse("""
        name: x
        trials:
          - {name: a, model: "linear(64)"}
        """, "x.yaml"))
        .hasMessage("x.yaml: trial 'a': the model must output 10 values (one per digit), "
            + "got 64");
  }

  @Test
  void refusesATrialTooBigForThisMachineBeforeAnythingIsQueued() {
    assertThatThrownBy(() -> StudyFile.parse("""
        name: x
        trials:
          - {name: a, model: "linear(1e9),relu,linear(10)"}
        """, "x.yaml"))
        .hasMessage("x.yaml: trial 'a': network needs about 13.0 TiB (795,000,000,010 "
            + "parameters at batch 100 with adam), more than this machine's "
            + MemoryEstimate.size(MachineMemory.totalBytes()) + " of memory");
  }

  @Test
  void rejectsMalformedYamlWithItsLine() {
    assertThatThrownBy(() -> StudyFile.parse("name: x\ntrials: [\n  {name: a\n", "x.yaml"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("x.yaml: not valid YAML at line");
  }

  @Test
  void quickVersionHasOneRepeatAndFifthOfTheEpochs() {
    StudyDefinition quick = StudyFile.preset("blog").toQuick();

    assertThat(quick.name()).isEqualTo("blog-quick");
    assertThat(quick.quick()).isTrue();
    assertThat(quick.repeats()).isEqualTo(1);
    assertThat(quick.trials()).extracting(t -> t.config().epochs())
        .containsExactly(4, 4, 10, 20, 3, 6, 4);
  }

  @Test
  void rejectsUnknownPreset() {
    assertThatThrownBy(() -> StudyFile.preset("vlog"))
        .hasMessage("unknown preset study 'vlog': allowed are " + String.join(", ",
            List.of("blog")));
  }
}
