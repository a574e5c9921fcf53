package dev.mnistlab.cli;

import dev.mnistlab.train.SoftmaxAverage;
import dev.mnistlab.train.TestTimeAugmentation;
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
      "Classifies pictures of handwritten digits with a saved model, or an ensemble of them.",
      "The model is one written by 'mnist-lab train --save DIR'; give --model-dir several times "
          + "and the probabilities are the mean of the models' softmax outputs.",
      "Any size works: each picture is turned light-on-dark if needed, its digit scaled to fit "
          + "20x20 and centred by mass in 28x28, as MNIST's digits were."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  mnist-lab predict --model-dir my-model seven.png three.jpg",
      "  mnist-lab predict --model-dir seed1 --model-dir seed2 --tta 8 seven.png"
    })
final class PredictCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--model-dir",
      required = true,
      paramLabel = "DIR",
      description = "Directory written by 'train --save'; give it several times for an ensemble.")
  List<Path> modelDirs;

  @Option(
      names = "--tta",
      paramLabel = "N",
      defaultValue = "1",
      description =
          "Score each picture as the mean over N views: itself and N-1 copies warped by "
              + TestTimeAugmentation.SPEC_TEXT
              + ", drawn from a fixed seed (default: ${DEFAULT-VALUE}, the picture alone).")
  int tta;

  @Parameters(arity = "1..*", paramLabel = "IMAGE", description = "PNG, JPEG, GIF or BMP files.")
  List<Path> images;

  @Override
  public Integer call() {
    TestTimeAugmentation views = new TestTimeAugmentation(tta);
    PrintWriter out = spec.commandLine().getOut();
    try (ModelEnsemble ensemble = ModelEnsemble.load(modelDirs)) {
      float[][] probabilities = ensemble.classify(images, views);
      for (int i = 0; i < images.size(); i++) {
        int best = SoftmaxAverage.argMax(probabilities[i]);
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
