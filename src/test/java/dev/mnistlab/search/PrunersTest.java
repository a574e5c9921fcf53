package dev.mnistlab.search;

import static dev.mnistlab.storage.Direction.MAXIMIZE;
import static dev.mnistlab.storage.Direction.MINIMIZE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mnistlab.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrunersTest {
  private static final String FORMS =
      "; allowed are none, "
          + "median[:startup=5,warmup=0,interval=1,among=all|complete,judge=latest|best], "
          + "asha[:min=1,eta=3], hyperband[:min=1,eta=3]";

  @Test
  void buildsEachNamedPrunerWithItsDefaults() {
    assertThat(Pruners.create("none", 27, MAXIMIZE))
        .isInstanceOf(NopPruner.class)
        .hasToString("none");
    assertThat(Pruners.create("median", 27, MAXIMIZE))
        .isInstanceOf(MedianPruner.class)
        .hasToString(new MedianPruner(MAXIMIZE, 5, 0, 1).toString());
    assertThat(Pruners.create("asha", 27, MINIMIZE))
        .isInstanceOf(AshaPruner.class)
        .hasToString(new AshaPruner(MINIMIZE, 1, 3, 27).toString());
    assertThat(Pruners.create("hyperband", 27, MAXIMIZE))
        .isInstanceOf(HyperbandPruner.class)
        .hasToString(new HyperbandPruner(MAXIMIZE, 1, 27, 3).toString());
  }

  @Test
  void appliesTheGivenOptions() {
    assertThat(Pruners.create("median:warmup=2,startup=5", 10, MAXIMIZE))
        .hasToString(new MedianPruner(MAXIMIZE, 5, 2, 1).toString());
    assertThat(Pruners.create("median:interval=3", 10, MAXIMIZE))
        .hasToString(new MedianPruner(MAXIMIZE, 5, 0, 3).toString());
    assertThat(Pruners.create("median:among=complete,judge=best", 10, MAXIMIZE))
        .hasToString(
            new MedianPruner(
                    MAXIMIZE, 5, 0, 1, MedianPruner.Among.COMPLETE, MedianPruner.Judge.BEST)
                .toString());
    assertThat(Pruners.create("median:judge=Best", 10, MAXIMIZE))
        .hasToString(
            new MedianPruner(MAXIMIZE, 5, 0, 1, MedianPruner.Among.ALL, MedianPruner.Judge.BEST)
                .toString());
    assertThat(Pruners.create("asha:eta=2,min=2", 16, MAXIMIZE))
        .hasToString("asha (maximize; eta 2, min 2, 16 epochs; rungs at epochs [2, 4, 8])");
    assertThat(Pruners.create("hyperband:eta=3,min=1", 9, MAXIMIZE))
        .hasToString(new HyperbandPruner(MAXIMIZE, 1, 9, 3).toString());
  }

  @Test
  void toleratesSpacesAndCapitals() {
    assertThat(Pruners.create(" ASHA : Eta = 2 , min=1 ", 8, MAXIMIZE))
        .hasToString(new AshaPruner(MAXIMIZE, 1, 2, 8).toString());
  }

  @Test
  void buildsAPrunerThatPrunes() {
    Pruner pruner = Pruners.create("asha", 27, MAXIMIZE);
    List<Curve> others = List.of(new Curve(0, List.of(0.9)), new Curve(1, List.of(0.8)));

    assertThat(pruner.prune(2, List.of(0.1), others)).isTrue();
    assertThat(Pruners.create("none", 27, MAXIMIZE).prune(2, List.of(0.1), others)).isFalse();
  }

  @Test
  void rejectsUnknownNames() {
    assertThatThrownBy(() -> Pruners.create("successive", 10, MAXIMIZE))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("pruner 'successive' is not valid: unknown name 'successive'" + FORMS);
    assertThatThrownBy(() -> Pruners.create("", 10, MAXIMIZE))
        .hasMessage("pruner '' is not valid: unknown name ''" + FORMS);
  }

  @Test
  void rejectsBadOptions() {
    assertThatThrownBy(() -> Pruners.create("median:patience=3", 10, MAXIMIZE))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "pruner 'median:patience=3' is not valid: option 'patience' is not one of "
                + "startup, warmup, interval, among, judge"
                + FORMS);
    assertThatThrownBy(() -> Pruners.create("median:among=pruned", 10, MAXIMIZE))
        .hasMessage(
            "pruner 'median:among=pruned' is not valid: among must be one of all, "
                + "complete, got 'pruned'"
                + FORMS);
    assertThatThrownBy(() -> Pruners.create("median:judge=2", 10, MAXIMIZE))
        .hasMessage(
            "pruner 'median:judge=2' is not valid: judge must be one of latest, best, "
                + "got '2'"
                + FORMS);
    assertThatThrownBy(() -> Pruners.create("median:startup=all", 10, MAXIMIZE))
        .hasMessage(
            "pruner 'median:startup=all' is not valid: startup must be a whole number, "
                + "got 'all'"
                + FORMS);
    assertThatThrownBy(() -> Pruners.create("asha:eta", 10, MAXIMIZE))
        .hasMessage("pruner 'asha:eta' is not valid: option 'eta' needs a value, as eta=2" + FORMS);
    assertThatThrownBy(() -> Pruners.create("asha:eta=three", 10, MAXIMIZE))
        .hasMessage(
            "pruner 'asha:eta=three' is not valid: eta must be a whole number, "
                + "got 'three'"
                + FORMS);
    assertThatThrownBy(() -> Pruners.create("hyperband:eta=2,eta=3", 10, MAXIMIZE))
        .hasMessage(
            "pruner 'hyperband:eta=2,eta=3' is not valid: option 'eta' is given twice" + FORMS);
    assertThatThrownBy(() -> Pruners.create("asha:", 10, MAXIMIZE))
        .hasMessage("pruner 'asha:' is not valid: no options after ':'" + FORMS);
    assertThatThrownBy(() -> Pruners.create("asha:eta=2,", 10, MAXIMIZE))
        .hasMessage("pruner 'asha:eta=2,' is not valid: option '' is not one of min, eta" + FORMS);
    assertThatThrownBy(() -> Pruners.create("none:startup=1", 10, MAXIMIZE))
        .hasMessage("pruner 'none:startup=1' is not valid: none takes no options" + FORMS);
  }

  @Test
  void rejectsValuesOutOfRange() {
    assertThatThrownBy(() -> Pruners.create("asha:eta=1", 10, MAXIMIZE))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("asha eta must be >= 2, got 1");
    assertThatThrownBy(() -> Pruners.create("hyperband:min=12", 10, MAXIMIZE))
        .hasMessage("hyperband min must be between 1 and the epochs (10), got 12");
    assertThatThrownBy(() -> Pruners.create("median:warmup=-1", 10, MAXIMIZE))
        .hasMessage("median warmup must be >= 0 epochs, got -1");
    assertThatThrownBy(() -> Pruners.create("none", 0, MAXIMIZE))
        .hasMessage("epochs must be >= 1, got 0");
  }

  @Test
  void listsTheAllowedFormsWithDefaults() {
    assertThat(Pruners.allowedForms()).isEqualTo(FORMS.substring("; allowed are ".length()));
  }
}
