package dev.mnistlab.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.mnistlab.InvalidInputException;
import dev.mnistlab.data.Dataset;
import dev.mnistlab.model.Init;
import dev.mnistlab.model.ModelSpec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClassifierTest {
  @Test
  void savedParametersClassifyAsTheTrainedNetworkDid() throws IOException {
    Dataset data = SyntheticDigits.dataset(400, 50, 100);
    TrainConfig config = TrainerTest.config("linear(16),relu,linear(10)", 2, 20, 1e-2);
    ModelSpec spec = ModelSpec.parse(config.model());
    ByteArrayOutputStream saved = new ByteArrayOutputStream();

    TrainResult result =
        new Trainer(config, TrainingListener.NONE)
            .train(
                new Network(spec.build(), Init.PYTORCH::apply),
                data,
                Provenance.capture(new ThreadSettings(1, 1, false), "synthetic", Map.of()),
                block -> {
                  try {
                    Classifier.saveParameters(block, saved);
                  } catch (IOException e) {
                    throw new UncheckedIOException(e);
                  }
                });

    try (Classifier classifier =
        Classifier.load(spec.build(), new ByteArrayInputStream(saved.toByteArray()))) {
      float[][] p = classifier.probabilities(data.testX(), data.testSize());
      int correct = 0;
      for (int i = 0; i < p.length; i++) {
        int best = 0;
        for (int k = 1; k < 10; k++) {
          best = p[i][k] > p[i][best] ? k : best;
        }
        correct += best == data.testY()[i] ? 1 : 0;
        float sum = 0;
        for (float v : p[i]) {
          sum += v;
        }
        assertThat(sum).isBetween(0.999f, 1.001f);
      }
      assertThat((double) correct / p.length).isEqualTo(result.test().accuracy());
    }
  }

  @Test
  void measuresTheClassesOfTheParametersItLoadedNotOfTheSpec() throws IOException {
    // DJL loads parameters of another shape without a word: the spec says 10, they give 5.
    byte[] five = HandSetModels.constant(784, new float[5]);

    try (Classifier classifier =
        Classifier.load(ModelSpec.parse("linear(10)").build(), new ByteArrayInputStream(five))) {
      assertThat(classifier.classes()).isEqualTo(5);
      assertThat(classifier.probabilities(new float[784], 1)[0]).hasSize(5);
    }
  }

  @Test
  void refusesParametersThatDoNotTakeMnistImages() {
    byte[] hundredInputs = HandSetModels.constant(100, new float[10]);

    assertThatThrownBy(
            () ->
                Classifier.load(
                    ModelSpec.parse("linear(10)").build(), new ByteArrayInputStream(hundredInputs)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("its parameters do not take images of 784 pixels (")
        .hasMessageNotContaining("\n");
  }

  @Test
  void aHandSetNetworkGivesTheSoftmaxOfItsBiasesToEveryImage() throws IOException {
    double[] wanted = {0.04, 0.04, 0.04, 0.04, 0.04, 0.04, 0.04, 0.04, 0.18, 0.5};
    byte[] params = HandSetModels.constant(784, HandSetModels.logits(wanted));

    try (Classifier classifier =
        Classifier.load(ModelSpec.parse("linear(10)").build(), new ByteArrayInputStream(params))) {
      float[] images = new float[2 * 784];
      images[784 + 5] = 1f;
      float[][] p = classifier.probabilities(images, 2);

      for (float[] row : p) {
        for (int k = 0; k < 10; k++) {
          assertThat(row[k]).isCloseTo((float) wanted[k], within(1e-6f));
        }
      }
    }
  }
}
