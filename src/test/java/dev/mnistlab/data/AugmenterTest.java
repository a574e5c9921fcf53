package dev.mnistlab.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class AugmenterTest {
  private static final int PIXELS = 784;
  private static final float[] IMAGES = images(6);
  private static final AugmentSpec SPEC = AugmentSpec.parse("rotate=15,shift=2,scale=0.1");

  private static float[] images(int n) {
    Random random = new Random(7);
    float[] x = new float[n * PIXELS];
    for (int i = 0; i < x.length; i++) {
      x[i] = random.nextFloat() < 0.2 ? random.nextFloat() : 0f;
    }
    return x;
  }

  private static float[] epoch(Augmenter augmenter, int epoch) {
    float[] out = new float[IMAGES.length];
    for (int i = 0; i < IMAGES.length / PIXELS; i++) {
      augmenter.augment(IMAGES, i, epoch, out, i * PIXELS);
    }
    return out;
  }

  @Test
  void sameSeedAndEpochGiveTheSameImages() {
    assertThat(epoch(new Augmenter(SPEC, 5, 0f), 3))
        .isEqualTo(epoch(new Augmenter(SPEC, 5, 0f), 3));
  }

  @Test
  void anotherEpochOrSeedGivesOtherImages() {
    float[] first = epoch(new Augmenter(SPEC, 5, 0f), 1);

    assertThat(epoch(new Augmenter(SPEC, 5, 0f), 2)).isNotEqualTo(first);
    assertThat(epoch(new Augmenter(SPEC, 6, 0f), 1)).isNotEqualTo(first);
    assertThat(first).isNotEqualTo(IMAGES);
  }

  @Test
  void anImageGetsTheSameDrawsWhateverOrderImagesAreVisitedIn() {
    Augmenter augmenter = new Augmenter(SPEC, 5, 0f);
    float[] alone = new float[PIXELS];
    augmenter.augment(IMAGES, 4, 2, alone, 0);

    float[] all = epoch(augmenter, 2);

    assertThat(java.util.Arrays.copyOfRange(all, 4 * PIXELS, 5 * PIXELS)).isEqualTo(alone);
  }

  @Test
  void identitySpecLeavesImagesUnchanged() {
    float[] before = IMAGES.clone();

    float[] out = epoch(new Augmenter(AugmentSpec.parse("rotate=0,shift=0"), 5, 0f), 1);

    assertThat(out).isEqualTo(before);
    assertThat(IMAGES).isEqualTo(before);
  }

  @Test
  void elasticDistortionIsSeededAndMovesInk() {
    AugmentSpec elastic = AugmentSpec.parse("elastic=34:4");

    float[] first = epoch(new Augmenter(elastic, 5, 0f), 1);

    assertThat(epoch(new Augmenter(elastic, 5, 0f), 1)).isEqualTo(first);
    assertThat(first).isNotEqualTo(IMAGES);
  }

  @Test
  void backgroundOfNormalisedImagesIsTheNormalisedZero() {
    assertThat(Augmenter.background(false)).isEqualTo(0f);
    assertThat(Augmenter.background(true)).isEqualTo(-MnistData.MEAN / MnistData.STD);
  }
}
