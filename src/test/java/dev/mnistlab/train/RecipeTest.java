package dev.mnistlab.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mnistlab.InvalidInputException;
import dev.mnistlab.data.AugmentSpec;
import dev.mnistlab.model.ModelSpec;
import org.junit.jupiter.api.Test;

class RecipeTest {

  @Test
  void findsARecipeByNameInAnyCase() {
    assertThat(Recipe.parse("fast")).isSameAs(Recipe.FAST);
    assertThat(Recipe.parse(" Recommended ")).isSameAs(Recipe.RECOMMENDED);
  }

  @Test
  void refusesAnUnknownNameListingTheAllowedOnes() {
    assertThatThrownBy(() -> Recipe.parse("best"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("unknown recipe 'best': allowed are fast, recommended");
  }

  @Test
  void everyRecipeIsAValidRun() {
    for (Recipe r : Recipe.all()) {
      ModelSpec spec = ModelSpec.parse(r.model());
      assertThat(spec.parameterCount()).as(r.cliName()).isPositive();
      assertThat(AugmentSpec.parse(r.augment())).as(r.cliName()).isNotNull();
      assertThat(r.epochs()).isPositive();
      assertThat(r.betas()).matches("0\\.\\d+,0\\.\\d+");
    }
  }

  @Test
  void theFastRecipeIsOneEpochOfASmallCnnOnEveryImage() {
    assertThat(Recipe.FAST.epochs()).isEqualTo(1);
    assertThat(Recipe.FAST.valSize()).isZero();
    assertThat(ModelSpec.parse(Recipe.FAST.model()).parameterCount())
        .isLessThan(ModelSpec.parse(Recipe.RECOMMENDED.model()).parameterCount());
  }
}
