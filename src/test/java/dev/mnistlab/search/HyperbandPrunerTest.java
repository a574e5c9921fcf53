package dev.mnistlab.search;

import static dev.mnistlab.storage.Direction.MAXIMIZE;
import static dev.mnistlab.storage.Direction.MINIMIZE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mnistlab.InvalidInputException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class HyperbandPrunerTest {
  private static final HyperbandPruner HB = new HyperbandPruner(MAXIMIZE, 1, 27, 3);

  @Test
  void buildsOneAshaBracketPerFirstRungWithThePapersShares() {
    assertThat(HB.brackets()).isEqualTo(4);
    assertThat(HB.bracket(0).rungs()).containsExactly(1, 3, 9);
    assertThat(HB.bracket(1).rungs()).containsExactly(3, 9);
    assertThat(HB.bracket(2).rungs()).containsExactly(9);
    assertThat(HB.bracket(3).rungs()).isEmpty();
    // ceil((sMax + 1) * eta^s / (s + 1)) for s = 3, 2, 1, 0.
    assertThat(IntStream.range(0, 4).map(HB::share)).containsExactly(27, 12, 6, 4);
  }

  @Test
  void assignsBracketsDeterministicallyByNumber() {
    HyperbandPruner again = new HyperbandPruner(MINIMIZE, 1, 27, 3);

    for (int number = 0; number < 200; number++) {
      assertThat(again.bracketOf(number)).isEqualTo(HB.bracketOf(number));
      assertThat(HB.bracketOf(number)).isEqualTo(HB.bracketOf(number + 49));
    }
  }

  @Test
  void givesEveryBracketItsShareOfAnyCycleOfNumbers() {
    for (int start : List.of(0, 1, 17, 100)) {
      int[] count = new int[4];
      for (int number = start; number < start + 49; number++) {
        count[HB.bracketOf(number)]++;
      }
      assertThat(count).as("numbers from %d", start).containsExactly(27, 12, 6, 4);
    }
  }

  @Test
  void spreadsTheFirstTrialsOverEveryBracket() {
    // Smooth interleaving: even a short study of 15 trials reaches every bracket.
    assertThat(IntStream.range(0, 15).map(HB::bracketOf).distinct().sorted())
        .containsExactly(0, 1, 2, 3);
  }

  @Test
  void comparesOnlyWithinTheTrialsBracket() {
    List<Integer> bracket0 = numbersIn(0, 4);
    int trial = bracket0.get(3);
    List<Curve> outsiders = new ArrayList<>();
    for (int number = 0; number < 40; number++) {
      if (HB.bracketOf(number) != 0) {
        outsiders.add(new Curve(number, flat(27, 1.0)));
      }
    }
    List<Curve> peers =
        List.of(
            new Curve(bracket0.get(0), flat(27, 0.9)), new Curve(bracket0.get(1), flat(27, 0.9)));

    assertThat(HB.prune(trial, List.of(0.1), outsiders)).isFalse();
    List<Curve> all = new ArrayList<>(outsiders);
    all.addAll(peers);
    assertThat(HB.prune(trial, List.of(0.1), all)).isTrue();
  }

  @Test
  void usesTheRungsOfTheTrialsBracket() {
    List<Integer> bracket1 = numbersIn(1, 4);
    int trial = bracket1.get(3);
    List<Curve> peers =
        bracket1.subList(0, 3).stream().map(n -> new Curve(n, flat(27, 0.9))).toList();

    assertThat(HB.prune(trial, flat(1, 0.1), peers)).isFalse();
    assertThat(HB.prune(trial, flat(3, 0.1), peers)).isTrue();
  }

  @Test
  void neverPrunesWhenMinEqualsTheEpochs() {
    HyperbandPruner single = new HyperbandPruner(MAXIMIZE, 5, 5, 3);
    List<Curve> better = IntStream.range(0, 9).mapToObj(n -> new Curve(n, flat(5, 1.0))).toList();

    assertThat(single.brackets()).isEqualTo(1);
    for (int epoch = 1; epoch <= 5; epoch++) {
      assertThat(single.prune(9, flat(epoch, 0.0), better)).isFalse();
    }
  }

  @Test
  void rejectsSettingsOutOfRange() {
    assertThatThrownBy(() -> new HyperbandPruner(MAXIMIZE, 1, 27, 1))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("hyperband eta must be >= 2, got 1");
    assertThatThrownBy(() -> new HyperbandPruner(MAXIMIZE, 30, 27, 3))
        .hasMessage("hyperband min must be between 1 and the epochs (27), got 30");
  }

  @Test
  void describesItsBrackets() {
    assertThat(new HyperbandPruner(MAXIMIZE, 1, 9, 3))
        .hasToString(
            "hyperband (maximize; "
                + "eta 3, 3 brackets; rungs at epochs [1, 3] for 9/17, [3] for 5/17, none for 3/17 "
                + "of the trials)");
  }

  /** Returns the first {@code count} trial numbers that fall in bracket {@code b}. */
  private static List<Integer> numbersIn(int b, int count) {
    return IntStream.iterate(0, n -> n + 1)
        .filter(n -> HB.bracketOf(n) == b)
        .limit(count)
        .boxed()
        .toList();
  }

  private static List<Double> flat(int epochs, double value) {
    return Collections.nCopies(epochs, value);
  }
}
