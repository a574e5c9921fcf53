package dev.mnistlab.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mnistlab.InvalidInputException;
import dev.mnistlab.train.TrainConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

class StudyDefinitionTest {
  private static final TrainConfig PLAIN = TrainConfig.defaults().withSeed(1);
  private static final TrainConfig AVERAGED = PLAIN.withEma(0.999);

  private static StudyDefinition study(int quickTrainLimit) {
    return new StudyDefinition(
        "s",
        "",
        3,
        List.of(
            new TrialDefinition("plain", PLAIN, null, null, null),
            new TrialDefinition("averaged", AVERAGED, null, null, null)),
        false,
        quickTrainLimit);
  }

  @Test
  void shortensAWeightAverageWithTheQuickRun() {
    StudyDefinition quick = study(0).toQuick();

    // 20 -> 4 epochs on the same images: the horizon of 1,000 steps becomes 200.
    assertThat(quick.trials().get(1).config().ema()).isEqualTo(0.995);
    assertThat(quick.trials().get(0).config().ema()).isZero();
  }

  @Test
  void shortensItFurtherWhenTheQuickRunAlsoTrainsOnFewerImages() {
    StudyDefinition quick = study(11_000).toQuick();

    // 550 steps a full epoch, 110 a quick one: 11,000 steps against 440.
    assertThat(quick.trials().get(1).config().trainLimit()).isEqualTo(11_000);
    assertThat(quick.trials().get(1).config().ema()).isEqualTo(0.975);
  }

  @Test
  void neverShortensAnAverageBelowTheLastTwoSteps() {
    assertThat(StudyDefinition.quickEma(0.99, 100)).isEqualTo(0.5);
    assertThat(StudyDefinition.quickEma(0.999, 1)).isEqualTo(0.999);
    assertThat(StudyDefinition.quickEma(0.999, 27.2152)).isEqualTo(0.9728);
  }

  @Test
  void keepsTheQuickImageLimitThroughRepeats() {
    assertThat(study(5000).withRepeats(5).quickTrainLimit()).isEqualTo(5000);
    assertThat(study(5000).toQuick().quickTrainLimit()).isEqualTo(5000);
  }

  @Test
  void refusesANegativeQuickImageLimit() {
    assertThatThrownBy(() -> study(-1))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("quick train limit must be >= 0 (0 keeps the trials' own), got -1");
  }
}
