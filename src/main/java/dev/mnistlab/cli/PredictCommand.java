package dev.mnistlab.cli;

import dev.mnistlab.data.DigitImage;
import dev.mnistlab.train.Classifier;
import dev.mnistlab.train.TrainConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Classifies pictures of handwritten digits with a saved model: {@code mnist-lab predict}. */
@Command(
    name = "predict",
    mixinStandardHelpOptions = true,
    description = {
      "Classifies pictures of handwritten digits with a saved model.",
      "The model is one written by 'mnist-lab train --save DIR'.",
      "Any size works: each picture is turned light-on-dark if needed, its digit scaled to fit "
          + "20x20 and centred by mass in 28x28, as MNIST's digits were."
    },
    footerHeading = "%nExamples:%n",
    footer = {"  mnist-lab predict --model-dir my-model seven.png three.jpg"})
final class PredictCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--model-dir",
      required = true,
      paramLabel = "DIR",
      description = "Directory written by 'train --save'.")
  Path modelDir;

  @Parameters(arity = "1..*", paramLabel = "IMAGE", description = "PNG, JPEG, GIF or BMP files.")
  List<Path> images;

  @Override
  public Integer call() {
    TrainConfig config = SavedModel.config(modelDir);
    float[] pixels = new float[images.size() * 784];
    for (int i = 0; i < images.size(); i++) {
      System.arraycopy(DigitImage.load(images.get(i), config.normalize()), 0, pixels, i * 784, 784);
    }
    PrintWriter out = spec.commandLine().getOut();
    try (Classifier classifier = SavedModel.classifier(modelDir, config)) {
      float[][] probabilities = classifier.probabilities(pixels, images.size());
      for (int i = 0; i < images.size(); i++) {
        int best = 0;
        for (int k = 1; k < 10; k++) {
          if (probabilities[i][k] > probabilities[i][best]) {
            best = k;
          }
        }
        out.printf(
            Locale.ROOT,
            "%s: %d (probability %.3f)%n",
            images.get(i),
            best,
            probabilities[i][best]);
      }
    }
    out.flush();
    return 0;
  }
}
