package dev.mnistlab.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import dev.mnistlab.InvalidInputException;
import dev.mnistlab.data.Dataset;
import dev.mnistlab.model.Init;
import dev.mnistlab.model.ModelSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TestTimeAugmentationTest {
  private static final int PIXELS = 784;

  private NDManager manager;
  private Classifier classifier;
  private Dataset data;

  @BeforeEach
  void randomNetwork() {
    manager = NDManager.newBaseManager();
    Block block = ModelSpec.parse("linear(16),relu,linear(10)").build();
    block.initialize(manager, DataType.FLOAT32, new Shape(1, PIXELS));
    Init.PYTORCH.apply(block, 7);
    classifier = Classifier.of(block);
    data = SyntheticDigits.dataset(20, 0, 1200);
  }

  @AfterEach
  void close() {
    classifier.close();
    manager.close();
  }

  @Test
  void refusesFewerThanOneView() {
    assertThatThrownBy(() -> new TestTimeAugmentation(0))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "--tta must be >= 1 (views per image, the original included; 1 is plain evaluation),"
                + " got 0");
  }

  @Test
  void oneViewIsPlainEvaluation() {
    float[][] plain = classifier.probabilities(data.testX(), 50);

    float[][] tta = TestTimeAugmentation.NONE.probabilities(classifier, data.testX(), 50, false);

    assertThat(tta).isDeepEqualTo(plain);
  }

  @Test
  void viewZeroIsTheImageAndEveryOtherViewIsItsOwnFixedWarp() {
    float[] images = data.testX();
    float[] original = Arrays.copyOfRange(images, 3 * PIXELS, 4 * PIXELS);

    float[] zero = view(images, 3, 0);
    float[] one = view(images, 3, 1);
    float[] oneAgain = view(images, 3, 1);
    float[] two = view(images, 3, 2);

    assertThat(zero).containsExactly(original);
    assertThat(one).containsExactly(oneAgain);
    assertThat(one).isNotEqualTo(original);
    assertThat(two).isNotEqualTo(one);
  }

  @Test
  void averagesTheProbabilitiesOfExactlyNViewsAcrossChunks() {
    int n = 1200; // more than one chunk of 1,000
    float[] images = data.testX();
    List<float[][]> each = new ArrayList<>();
    for (int v = 0; v < 3; v++) {
      float[] views = new float[n * PIXELS];
      for (int i = 0; i < n; i++) {
        TestTimeAugmentation.view(images, i, v, false, views, i * PIXELS);
      }
      each.add(classifier.probabilities(views, n));
    }
    float[][] expected = SoftmaxAverage.mean(each);

    float[][] tta = new TestTimeAugmentation(3).probabilities(classifier, images, n, false);

    assertThat(tta).hasNumberOfRows(n);
    for (int i = 0; i < n; i += 97) {
      assertThat(tta[i]).containsExactly(expected[i], within(1e-6f));
    }
    assertThat(tta[n - 1]).containsExactly(expected[n - 1], within(1e-6f));
    assertThat(tta[5]).isNotEqualTo(each.get(0)[5]);
  }

  @Test
  void theSameViewsGiveTheSameProbabilitiesEveryTime() {
    TestTimeAugmentation tta = new TestTimeAugmentation(4);

    float[][] first = tta.probabilities(classifier, data.testX(), 40, false);
    float[][] second = tta.probabilities(classifier, data.testX(), 40, false);

    assertThat(second).isDeepEqualTo(first);
  }

  @Test
  void describesItsViews() {
    assertThat(new TestTimeAugmentation(8).describe())
        .isEqualTo("8 views (the original + 7 warped by rotate=8,shift=1,scale=0.05)");
    assertThat(TestTimeAugmentation.NONE.describe()).isEqualTo("plain (1 view)");
  }

  private static float[] view(float[] images, int index, int view) {
    float[] out = new float[PIXELS];
    TestTimeAugmentation.view(images, index, view, false, out, 0);
    return out;
  }
}
