package dev.mnistlab.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mnistlab.search.Distribution.Choice;
import dev.mnistlab.search.Distribution.FloatRange;
import dev.mnistlab.search.Distribution.IntRange;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ParzenEstimatorTest {
  private static Axis axis(String name, Distribution d) {
    return Axis.of(new Param(name, d, null));
  }

  private static List<double[]> points(double... xs) {
    List<double[]> points = new ArrayList<>();
    for (double x : xs) {
      points.add(new double[] {x});
    }
    return points;
  }

  @Test
  void massesOfALogIntegerAxisSumToOne() {
    Axis units = axis("units", new IntRange(8, 200, 1, true));
    for (boolean joint : new boolean[] {false, true}) {
      ParzenEstimator e = new ParzenEstimator(List.of(units), points(8, 16, 16, 150), 1, joint);
      double total = 0;
      for (int u = 8; u <= 200; u++) {
        total += Math.exp(e.logDensity(new double[] {u}));
      }
      assertThat(total).isCloseTo(1, within(1e-5));
    }
  }

  @Test
  void densityOfAContinuousLogAxisIntegratesToOneInTheLogarithm() {
    Axis lr = axis("lr", new FloatRange(1e-4, 1e-1, 0, true));
    ParzenEstimator e = new ParzenEstimator(List.of(lr), points(1e-3, 2e-3, 0.05), 1, false);
    double low = Math.log(1e-4);
    double high = Math.log(1e-1);
    int steps = 20_000;
    double h = (high - low) / steps;
    double total = 0;
    for (int i = 0; i < steps; i++) {
      total += Math.exp(e.logDensity(new double[] {Math.exp(low + (i + 0.5) * h)})) * h;
    }
    assertThat(total).isCloseTo(1, within(1e-4));
  }

  @Test
  void jointMassOverACategoryAndASteppedRangeSumsToOne() {
    Axis kind = axis("kind", new Choice(List.of("a", "b", "c")));
    Axis dropout = axis("dropout", new FloatRange(0, 0.5, 0.05, false));
    List<double[]> points = List.of(new double[] {0, 0.1}, new double[] {2, 0.45});
    ParzenEstimator e = new ParzenEstimator(List.of(kind, dropout), points, 1, true);
    double total = 0;
    for (int k = 0; k < 3; k++) {
      for (int i = 0; i <= 10; i++) {
        total +=
            Math.exp(
                e.logDensity(
                    new double[] {k, Ranges.valueAt(new FloatRange(0, 0.5, 0.05, false), i)}));
      }
    }
    assertThat(total).isCloseTo(1, within(1e-6));
  }

  @Test
  void drawsStayOnTheAxisAndGatherAroundManyObservations() {
    Axis x = axis("x", new FloatRange(0, 10, 0, false));
    double[] xs = new double[50];
    for (int i = 0; i < xs.length; i++) {
      xs[i] = 1.6 + i / 49.0;
    }
    ParzenEstimator e = new ParzenEstimator(List.of(x), points(xs), 1, false);
    SplittableRandom rng = new SplittableRandom(1);
    int near = 0;
    for (int i = 0; i < 1000; i++) {
      double v = e.sample(rng)[0];
      assertThat(v).isBetween(0.0, 10.0);
      near += Math.abs(v - 2.1) < 1 ? 1 : 0;
    }
    // 50 of 51 kernel weights sit on 1.6..2.6 with widths near the clip, 10 / 52; the prior
    // spreads the last one over 0..10. (With few observations the clip keeps kernels wide.)
    assertThat(near).isGreaterThan(900);
  }
}
