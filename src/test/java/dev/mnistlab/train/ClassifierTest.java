package dev.mnistlab.train;

import static org.assertj.core.api.Assertions.assertThat;

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
}
