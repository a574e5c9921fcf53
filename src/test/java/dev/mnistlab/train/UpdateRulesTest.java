package dev.mnistlab.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks every update rule against a plain double-precision transcription of the formulas in
 * PyTorch's {@code torch.optim} documentation, over three steps with varying gradients.
 */
class UpdateRulesTest {
  private static final double[] W0 = {0.5, -1.25, 2.0};
  private static final double[][] GRADS = {{0.3, -0.2, 0.05}, {0.1, 0.4, -0.3}, {-0.2, 0.1, 0.2}};
  private static final double LR = 0.1;

  @BeforeAll
  static void startEngine() {
    Engine.getEngine("PyTorch");
  }

  @Test
  void sgdMatchesTorch() {
    assertMatches(new UpdateRules.Sgd(0, false, 0), sgd(0, false, 0));
    assertMatches(new UpdateRules.Sgd(0, false, 0.01), sgd(0, false, 0.01));
  }

  @Test
  void momentumAndNesterovMatchTorch() {
    assertMatches(new UpdateRules.Sgd(0.9, false, 0), sgd(0.9, false, 0));
    assertMatches(new UpdateRules.Sgd(0.9, true, 0.01), sgd(0.9, true, 0.01));
  }

  @Test
  void adamMatchesTorch() {
    assertMatches(new UpdateRules.Adam(0.9, 0.999, 0, false), adam(0, false));
    assertMatches(new UpdateRules.Adam(0.9, 0.999, 0.01, false), adam(0.01, false));
  }

  @Test
  void adamwDecaysWeightsDecoupled() {
    assertMatches(new UpdateRules.Adam(0.9, 0.999, 0.05, true), adam(0.05, true));
  }

  @Test
  void rmspropMatchesTorch() {
    double[] w = W0.clone();
    double[] v = new double[3];
    for (double[] g : GRADS) {
      for (int i = 0; i < 3; i++) {
        v[i] = 0.99 * v[i] + 0.01 * g[i] * g[i];
        w[i] -= LR * g[i] / (Math.sqrt(v[i]) + 1e-8);
      }
    }
    assertMatches(new UpdateRules.RmsProp(0.99, 0), w);
  }

  @Test
  void adagradMatchesTorch() {
    double[] w = W0.clone();
    double[] sum = new double[3];
    for (double[] g : GRADS) {
      for (int i = 0; i < 3; i++) {
        sum[i] += g[i] * g[i];
        w[i] -= LR * g[i] / (Math.sqrt(sum[i]) + 1e-10);
      }
    }
    assertMatches(new UpdateRules.Adagrad(0), w);
  }

  private static double[] sgd(double momentum, boolean nesterov, double wd) {
    double[] w = W0.clone();
    double[] buf = null;
    for (double[] grad : GRADS) {
      double[] g = new double[3];
      for (int i = 0; i < 3; i++) {
        g[i] = grad[i] + wd * w[i];
      }
      if (momentum > 0) {
        if (buf == null) {
          buf = g.clone();
        } else {
          for (int i = 0; i < 3; i++) {
            buf[i] = momentum * buf[i] + g[i];
          }
        }
        for (int i = 0; i < 3; i++) {
          g[i] = nesterov ? g[i] + momentum * buf[i] : buf[i];
        }
      }
      for (int i = 0; i < 3; i++) {
        w[i] -= LR * g[i];
      }
    }
    return w;
  }

  private static double[] adam(double wd, boolean decoupled) {
    double[] w = W0.clone();
    double[] m = new double[3];
    double[] v = new double[3];
    int t = 0;
    for (double[] grad : GRADS) {
      t++;
      for (int i = 0; i < 3; i++) {
        double g = grad[i];
        if (decoupled) {
          w[i] *= 1 - LR * wd;
        } else {
          g += wd * w[i];
        }
        m[i] = 0.9 * m[i] + 0.1 * g;
        v[i] = 0.999 * v[i] + 0.001 * g * g;
        double mHat = m[i] / (1 - Math.pow(0.9, t));
        double vHat = v[i] / (1 - Math.pow(0.999, t));
        w[i] -= LR * mHat / (Math.sqrt(vHat) + 1e-8);
      }
    }
    return w;
  }

  private static void assertMatches(UpdateRule rule, double[] expected) {
    try (NDManager manager = NDManager.newBaseManager()) {
      NDArray weight = manager.create(toFloats(W0));
      for (int step = 1; step <= GRADS.length; step++) {
        try (NDManager scope = manager.newSubManager()) {
          NDArray grad = scope.create(toFloats(GRADS[step - 1]));
          rule.update(0, weight, grad, LR, step);
        }
      }
      float[] actual = weight.toFloatArray();
      for (int i = 0; i < expected.length; i++) {
        assertThat((double) actual[i]).as("weight %d", i).isCloseTo(expected[i], within(2e-6));
      }
      assertThat(manager.getManagedArrays()).as("arrays kept after the steps").hasSizeLessThan(4);
    }
  }

  private static float[] toFloats(double[] values) {
    float[] out = new float[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = (float) values[i];
    }
    return out;
  }
}
