package dev.mnistlab.data;

import java.util.SplittableRandom;

/**
 * Draws a random warp for each training image in each epoch and applies it with {@link ImageWarp}.
 *
 * <p>The draws of image {@code i} in epoch {@code e} come from a random stream seeded by a mix of
 * the run's seed, {@code e} and {@code i} alone, so they do not depend on the order images are
 * visited in, on how the work is split between threads, or on what was drawn before: the same seed
 * gives the same images, and every epoch gives new ones. Elastic distortion follows Simard,
 * Steinkraus and Platt 2003: a field of displacements uniform in [-1, 1], smoothed with a Gaussian
 * of standard deviation sigma and scaled by alpha.
 *
 * <p>Immutable and thread-safe: each call allocates its own scratch arrays.
 */
public final class Augmenter {
  private static final int SIDE = ImageWarp.SIDE;
  private static final int PIXELS = SIDE * SIDE;

  private final AugmentSpec spec;
  private final long seed;
  private final float background;
  private final double[] kernel;

  /**
   * Creates an augmenter of images whose pixels read {@code background} where there is no ink (0,
   * or {@code -MEAN / STD} for normalised images).
   */
  public Augmenter(AugmentSpec spec, long seed, float background) {
    this.spec = spec;
    this.seed = seed;
    this.background = background;
    this.kernel = spec.elasticAlpha() > 0 ? gaussian(spec.elasticSigma()) : null;
  }

  /** Returns the pixel value with no ink for images loaded with or without normalising. */
  public static float background(boolean normalized) {
    return normalized ? -MnistData.MEAN / MnistData.STD : 0f;
  }

  /**
   * Writes the augmented copy of image {@code index} of {@code images}, as drawn for {@code epoch},
   * into {@code out} from {@code outOffset}.
   */
  public void augment(float[] images, int index, int epoch, float[] out, int outOffset) {
    SplittableRandom random = stream(seed, epoch, index);
    double degrees = spec.rotate() > 0 ? uniform(random, spec.rotate()) : 0;
    double scale = spec.scale() > 0 ? 1 + uniform(random, spec.scale()) : 1;
    double dx = spec.shift() > 0 ? uniform(random, spec.shift()) : 0;
    double dy = spec.shift() > 0 ? uniform(random, spec.shift()) : 0;
    float[] fieldX = null;
    float[] fieldY = null;
    if (kernel != null) {
      fieldX = field(random);
      fieldY = field(random);
    }
    ImageWarp.warp(
        images, index * PIXELS, out, outOffset, degrees, scale, dx, dy, fieldX, fieldY, background);
  }

  /**
   * Returns the random stream of image {@code index} in {@code epoch} of a run seeded {@code seed}.
   */
  static SplittableRandom stream(long seed, int epoch, int index) {
    long h = mix(seed);
    h = mix(h ^ (epoch * 0x9E3779B97F4A7C15L));
    h = mix(h ^ (index * 0xC2B2AE3D27D4EB4FL));
    return new SplittableRandom(h);
  }

  // MurmurHash3's 64-bit finaliser: nearby seeds, epochs and indices give unrelated streams.
  private static long mix(long z) {
    z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL;
    z = (z ^ (z >>> 33)) * 0xC4CEB9FE1A85EC53L;
    return z ^ (z >>> 33);
  }

  private static double uniform(SplittableRandom random, double half) {
    return random.nextDouble(-half, half);
  }

  /** Returns one smoothed, scaled displacement field (Simard et al. 2003). */
  private float[] field(SplittableRandom random) {
    double[] noise = new double[PIXELS];
    for (int p = 0; p < PIXELS; p++) {
      noise[p] = random.nextDouble(-1, 1);
    }
    // The Gaussian is separable: rows, then columns; outside the image the field is 0.
    double[] rows = new double[PIXELS];
    int radius = kernel.length / 2;
    for (int r = 0; r < SIDE; r++) {
      for (int c = 0; c < SIDE; c++) {
        double sum = 0;
        for (int k = Math.max(-radius, -c); k <= Math.min(radius, SIDE - 1 - c); k++) {
          sum += kernel[k + radius] * noise[r * SIDE + c + k];
        }
        rows[r * SIDE + c] = sum;
      }
    }
    float[] out = new float[PIXELS];
    double alpha = spec.elasticAlpha();
    for (int r = 0; r < SIDE; r++) {
      for (int c = 0; c < SIDE; c++) {
        double sum = 0;
        for (int k = Math.max(-radius, -r); k <= Math.min(radius, SIDE - 1 - r); k++) {
          sum += kernel[k + radius] * rows[(r + k) * SIDE + c];
        }
        out[r * SIDE + c] = (float) (alpha * sum);
      }
    }
    return out;
  }

  /**
   * Returns a Gaussian kernel of standard deviation {@code sigma}, 3 sigma each side, summing to 1.
   */
  private static double[] gaussian(double sigma) {
    int radius = Math.max(1, Math.min(SIDE - 1, (int) Math.ceil(3 * sigma)));
    double[] k = new double[2 * radius + 1];
    double sum = 0;
    for (int i = -radius; i <= radius; i++) {
      k[i + radius] = Math.exp(-i * (double) i / (2 * sigma * sigma));
      sum += k[i + radius];
    }
    for (int i = 0; i < k.length; i++) {
      k[i] /= sum;
    }
    return k;
  }
}
