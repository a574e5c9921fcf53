package dev.mnistlab.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mnistlab.InvalidInputException;
import dev.mnistlab.search.Distribution.Choice;
import dev.mnistlab.search.Distribution.FloatRange;
import dev.mnistlab.search.Distribution.IntRange;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class GridSamplerTest {
  private static final List<Integer> UNITS = List.of(64, 128, 256, 512, 1024);
  private static final List<Double> MOMENTA = List.of(0.8, 0.8475, 0.895, 0.9425, 0.99);

  /** The MLP space cut down to a grid of a few thousand points, conditions kept. */
  private static SearchSpace small() {
    IntRange units = new IntRange(64, 1024, 1, true);
    return new SearchSpace(
        "small",
        List.of(
            new Param("layers", new IntRange(1, 3, 1, false), null),
            new Param("units_1", units, null),
            new Param("units_2", units, new Condition("layers", List.of(2, 3))),
            new Param("units_3", units, new Condition("layers", List.of(3))),
            new Param("activation", new Choice(List.of("relu", "tanh")), null),
            new Param("optimizer", new Choice(List.of("adam", "momentum")), null),
            new Param(
                "momentum",
                new FloatRange(0.8, 0.99, 0, false),
                new Condition("optimizer", List.of("momentum"))),
            new Param("batch_size", new Choice(List.of(64, 128)), null),
            new Param("epochs", new Distribution.Fixed(12), null)));
  }

  /** Lists the small space's grid by hand, independently of the sampler. */
  private static Set<Map<String, Object>> expectedGrid() {
    Set<Map<String, Object>> grid = new HashSet<>();
    List<Integer> none = Arrays.asList((Integer) null);
    for (int layers = 1; layers <= 3; layers++) {
      for (Integer u1 : UNITS) {
        for (Integer u2 : layers >= 2 ? UNITS : none) {
          for (Integer u3 : layers == 3 ? UNITS : none) {
            for (String activation : List.of("relu", "tanh")) {
              for (String optimizer : List.of("adam", "momentum")) {
                for (Double m :
                    optimizer.equals("momentum") ? MOMENTA : Arrays.asList((Double) null)) {
                  for (int batch : List.of(64, 128)) {
                    Map<String, Object> p = new LinkedHashMap<>();
                    p.put("layers", layers);
                    p.put("units_1", u1);
                    if (u2 != null) {
                      p.put("units_2", u2);
                    }
                    if (u3 != null) {
                      p.put("units_3", u3);
                    }
                    p.put("activation", activation);
                    p.put("optimizer", optimizer);
                    if (m != null) {
                      p.put("momentum", m);
                    }
                    p.put("batch_size", batch);
                    p.put("epochs", 12);
                    grid.add(p);
                  }
                }
              }
            }
          }
        }
      }
    }
    return grid;
  }

  @Test
  void discretisesRangesAsDocumented() {
    assertThat(GridSampler.values(new IntRange(1, 3, 1, false))).containsExactly(1, 2, 3);
    assertThat(GridSampler.values(new IntRange(0, 18, 2, false)))
        .containsExactly(0, 2, 4, 6, 8, 10, 12, 14, 16, 18);
    assertThat(GridSampler.values(new IntRange(0, 100, 1, false)))
        .containsExactly(0, 25, 50, 75, 100);
    assertThat(GridSampler.values(new IntRange(64, 1024, 1, true)))
        .containsExactlyElementsOf(UNITS);
    assertThat(GridSampler.values(new FloatRange(0, 0.4, 0.05, false)))
        .containsExactly(0.0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4);
    assertThat(GridSampler.values(new FloatRange(0, 0.5, 0.05, false)))
        .containsExactly(0.0, 0.1, 0.25, 0.4, 0.5);
    assertThat(GridSampler.values(new FloatRange(1e-4, 1e-1, 0, true)))
        .containsExactly(1e-4, 5.62341e-4, 0.00316228, 0.0177828, 0.1);
    assertThat(GridSampler.values(new FloatRange(0.8, 0.99, 0, false)))
        .containsExactlyElementsOf(MOMENTA);
    assertThat(GridSampler.values(new Choice(List.of("a", 2, true)))).containsExactly("a", 2, true);
    assertThat(GridSampler.values(new Distribution.Fixed(12))).containsExactly(12);
  }

  @Test
  void sizeCountsEachConditionalBranchOnce() {
    // units: 5 + 25 + 125 = 155; activation 2; optimizer adam 1 + momentum 5; batch 2.
    assertThat(new GridSampler(1).size(small())).hasValue(155 * 2 * 6 * 2);
    assertThat(expectedGrid()).hasSize(155 * 2 * 6 * 2);
  }

  @Test
  void threeWorkersSharingACounterCoverEveryPointExactlyOnce() throws InterruptedException {
    SearchSpace space = small();
    GridSampler sampler = new GridSampler(42);
    int size = sampler.size(space).getAsInt();
    AtomicInteger counter = new AtomicInteger();
    ConcurrentLinkedQueue<Map<String, Object>> taken = new ConcurrentLinkedQueue<>();
    List<Thread> workers = new ArrayList<>();
    for (int w = 0; w < 3; w++) {
      // Each worker has its own sampler, as separate processes would.
      GridSampler own = new GridSampler(42);
      workers.add(
          new Thread(
              () -> {
                for (int n = counter.getAndIncrement(); n < size; n = counter.getAndIncrement()) {
                  taken.add(own.sample(space, n, List.of()));
                }
              }));
    }
    workers.forEach(Thread::start);
    for (Thread t : workers) {
      t.join();
    }
    assertThat(taken).hasSize(size);
    assertThat(new HashSet<>(taken)).hasSize(size).isEqualTo(expectedGrid());
    assertThat(taken).allSatisfy(p -> assertThat(space.fits(p)).isTrue());
  }

  @Test
  void seedShufflesTheOrderReproducibly() {
    SearchSpace space = small();
    List<Map<String, Object>> a = new ArrayList<>();
    List<Map<String, Object>> b = new ArrayList<>();
    List<Map<String, Object>> c = new ArrayList<>();
    for (int n = 0; n < 20; n++) {
      a.add(new GridSampler(1).sample(space, n, List.of()));
      b.add(new GridSampler(1).sample(space, n, List.of()));
      c.add(new GridSampler(2).sample(space, n, List.of()));
    }
    assertThat(a).isEqualTo(b).isNotEqualTo(c);
    // In the grid's own order the first 120 points all have one layer.
    assertThat(a).extracting(p -> p.get("layers")).contains(2, 3);
  }

  @Test
  void refusesATrialNumberBeyondTheGrid() {
    SearchSpace space =
        new SearchSpace("tiny", List.of(new Param("x", new IntRange(1, 3, 1, false), null)));
    GridSampler sampler = new GridSampler(0);
    assertThat(sampler.sample(space, 2, List.of())).containsKey("x");
    assertThatThrownBy(() -> sampler.sample(space, 3, List.of()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the grid has 3 points, so there is no trial number 3");
  }

  @Test
  void refusesAGridOverTheLimitNamingItsSize() {
    // 155 unit settings x 3 activations x 5 dropouts x 12 optimizer settings x 5 rates x 4.
    assertThatThrownBy(() -> new GridSampler(0).size(SamplerFixtures.mlp()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "the grid of space 'mlp' has 558,000 points, more than the limit of"
                + " 100,000; narrow the space or use the random or tpe sampler");
  }
}
