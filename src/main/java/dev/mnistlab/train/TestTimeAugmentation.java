package dev.mnistlab.train;

import dev.mnistlab.InvalidInputException;
import dev.mnistlab.data.AugmentSpec;
import dev.mnistlab.data.Augmenter;

/**
 * Scores each image by the mean of a classifier's probabilities over the image itself and {@code
 * views - 1} warped copies of it (test-time augmentation). The copies are drawn from a mild fixed
 * spec, {@value #SPEC_TEXT}, whatever the model was trained with, from a fixed seed: view v of
 * image i is the same in every run and every program that asks for it, so results repeat and two
 * models are scored on the same views.
 *
 * <p>Whether it helps on MNIST is a question to measure, not an assumption: a view that moves a
 * stroke can turn a 1 towards a 7 as easily as it repairs a badly written one.
 *
 * @param views images scored per test image, the original included; 1 is plain evaluation
 */
public record TestTimeAugmentation(int views) {
  /** The warps the extra views are drawn from. */
  public static final String SPEC_TEXT = "rotate=8,shift=1,scale=0.05";

  /** {@link #SPEC_TEXT}, parsed. */
  public static final AugmentSpec SPEC = AugmentSpec.parse(SPEC_TEXT);

  /** The seed every view is drawn with. */
  public static final long SEED = 20_250_101L;

  /** Plain evaluation: the original image alone. */
  public static final TestTimeAugmentation NONE = new TestTimeAugmentation(1);

  private static final int PIXELS = 784;

  /** Images warped and scored at once, to keep memory flat for any number of views. */
  private static final int CHUNK = 1000;

  /** Checks that there is at least the original view. */
  public TestTimeAugmentation {
    if (views < 1) {
      throw new InvalidInputException(
          "--tta must be >= 1 (views per image, the original included; 1 is plain evaluation), got "
              + views);
    }
  }

  /** Returns whether this is plain evaluation. */
  public boolean isNone() {
    return views == 1;
  }

  /**
   * Writes view {@code view} of image {@code index} of {@code images} into {@code out} from {@code
   * outOffset}: view 0 is the image itself, the others warped copies drawn for that image and view.
   *
   * @param normalized whether the pixels were standardised (their background is not 0)
   */
  public static void view(
      float[] images, int index, int view, boolean normalized, float[] out, int outOffset) {
    if (view == 0) {
      System.arraycopy(images, index * PIXELS, out, outOffset, PIXELS);
      return;
    }
    new Augmenter(SPEC, SEED, Augmenter.background(normalized))
        .augment(images, index, view, out, outOffset);
  }

  /**
   * Returns, for each of the {@code n} images, {@code classifier}'s probabilities averaged over
   * this many views of it.
   *
   * @param normalized whether the pixels were standardised, as the classifier was trained
   */
  public float[][] probabilities(Classifier classifier, float[] images, int n, boolean normalized) {
    if (isNone()) {
      return classifier.probabilities(images, n);
    }
    Augmenter augmenter = new Augmenter(SPEC, SEED, Augmenter.background(normalized));
    float[][] out = new float[n][];
    for (int from = 0; from < n; from += CHUNK) {
      int count = Math.min(CHUNK, n - from);
      double[][] sum = null;
      float[] batch = new float[count * PIXELS];
      for (int v = 0; v < views; v++) {
        for (int i = 0; i < count; i++) {
          if (v == 0) {
            System.arraycopy(images, (from + i) * PIXELS, batch, i * PIXELS, PIXELS);
          } else {
            augmenter.augment(images, from + i, v, batch, i * PIXELS);
          }
        }
        float[][] p = classifier.probabilities(batch, count);
        if (sum == null) {
          sum = new double[count][p.length == 0 ? 0 : p[0].length];
        }
        for (int i = 0; i < count; i++) {
          for (int k = 0; k < p[i].length; k++) {
            sum[i][k] += p[i][k];
          }
        }
      }
      for (int i = 0; i < count; i++) {
        float[] mean = new float[sum[i].length];
        for (int k = 0; k < mean.length; k++) {
          mean[k] = (float) (sum[i][k] / views);
        }
        out[from + i] = mean;
      }
    }
    return out;
  }

  /** Returns a description for reports, e.g. {@code 8 views (original + 7 of rotate=8,...)}. */
  public String describe() {
    return isNone()
        ? "plain (1 view)"
        : views + " views (the original + " + (views - 1) + " warped by " + SPEC_TEXT + ")";
  }
}
