package dev.mnistlab.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StudyRunnerTest {
  @Test
  void estimatesTheBlogsLongRunsAsLongest() {
    List<TrialDefinition> t = StudyFile.preset("blog").trials();

    // Trial 4 (100 epochs at batch 32) and trial 6 (30 epochs of the big net) lead.
    assertThat(StudyRunner.cost(t.get(3).config())).isGreaterThan(StudyRunner.cost(
        t.get(0).config()));
    assertThat(StudyRunner.cost(t.get(5).config())).isGreaterThan(StudyRunner.cost(
        t.get(6).config()));
  }

  @Test
  void passesEveryTrainSettingWithOneThread() {
    List<String> args = TrainArgs.of(StudyFile.preset("blog").trials().get(0).config());

    assertThat(String.join(" ", args)).contains("--model linear(64),relu,linear(10),sigmoid")
        .contains("--batch-size 16").contains("--lr 1.0E-4").contains("--threads 1")
        .contains("--optimizer adam").contains("--epochs 20");
  }
}
