package dev.mnistlab.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mnistlab.InvalidInputException;
import dev.mnistlab.storage.Direction;
import java.util.List;
import org.junit.jupiter.api.Test;

class SamplersTest {
  private static final String FORMS =
      "sampler must be grid, random, tpe or tpe:OPTIONS with"
          + " OPTIONS from multivariate, startup=N, candidates=N joined by commas, got ";

  private static Sampler create(String spec) {
    return Samplers.create(spec, 42, Direction.MINIMIZE);
  }

  @Test
  void buildsEachPlainForm() {
    assertThat(create("grid"))
        .isInstanceOf(GridSampler.class)
        .hasToString("grid (shuffled by seed 42)");
    assertThat(create("random")).isInstanceOf(RandomSampler.class).hasToString("random (seed 42)");
    assertThat(create(" TPE "))
        .isInstanceOf(TpeSampler.class)
        .hasToString(
            "tpe (independent, 10 random start-up trials, 24 candidates, minimize, seed 42)");
  }

  @Test
  void readsTpeOptionsInAnyCombination() {
    assertThat(create("tpe:multivariate"))
        .hasToString(
            "tpe (multivariate, 10 random start-up trials, 24 candidates, minimize, seed 42)");
    assertThat(create("tpe:startup=5").blindTrials()).isEqualTo(5);
    assertThat(Samplers.create("tpe:candidates=48,multivariate, startup=0", 1, Direction.MAXIMIZE))
        .hasToString(
            "tpe (multivariate, 0 random start-up trials, 48 candidates, maximize, seed 1)");
  }

  @Test
  void builtSamplersUseTheSeed() {
    SearchSpace space = SamplerFixtures.mlp();
    assertThat(create("random").sample(space, 3, List.of()))
        .isEqualTo(new RandomSampler(42).sample(space, 3, List.of()));
    assertThat(create("tpe:startup=5").sample(space, 3, List.of()))
        .isEqualTo(new RandomSampler(42).sample(space, 3, List.of()));
  }

  @Test
  void refusesAnUnknownSamplerNamingTheAllowedForms() {
    assertThatThrownBy(() -> create("bayes"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(FORMS + "'bayes'");
    assertThatThrownBy(() -> create("grid:shuffle")).hasMessage(FORMS + "'grid:shuffle'");
    assertThatThrownBy(() -> create(null)).hasMessage(FORMS + "'null'");
  }

  @Test
  void refusesAnUnknownOrRepeatedTpeOption() {
    assertThatThrownBy(() -> create("tpe:fast"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(FORMS + "'tpe:fast' (unknown option 'fast')");
    assertThatThrownBy(() -> create("tpe:")).hasMessage(FORMS + "'tpe:' (unknown option '')");
    assertThatThrownBy(() -> create("tpe:startup=3,startup=4"))
        .hasMessage("sampler option 'startup' is given twice in 'tpe:startup=3,startup=4'");
  }

  @Test
  void refusesABadTpeNumber() {
    assertThatThrownBy(() -> create("tpe:startup=-1"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "sampler option startup must be an integer >= 0, got '-1' in" + " 'tpe:startup=-1'");
    assertThatThrownBy(() -> create("tpe:candidates=0"))
        .hasMessage(
            "sampler option candidates must be an integer >= 1, got '0' in"
                + " 'tpe:candidates=0'");
    assertThatThrownBy(() -> create("tpe:candidates=many"))
        .hasMessage(
            "sampler option candidates must be an integer >= 1, got 'many' in"
                + " 'tpe:candidates=many'");
  }
}
