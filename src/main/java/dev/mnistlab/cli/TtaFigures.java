package dev.mnistlab.cli;

import ai.djl.nn.Block;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mnistlab.data.Dataset;
import dev.mnistlab.train.Classifier;
import dev.mnistlab.train.EpochMetrics;
import dev.mnistlab.train.Evaluation;
import dev.mnistlab.train.JsonFormat;
import dev.mnistlab.train.SoftmaxAverage;
import dev.mnistlab.train.TestTimeAugmentation;
import dev.mnistlab.train.TrainResult;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Holds a finished run's final validation and test figures with test-time augmentation ({@code
 * train --tta N}), to print beside the plain ones and to add to its JSON result as {@code tta}.
 *
 * @param views images scored per image, the original included
 * @param spec the warps of the extra views
 * @param seed the seed the views are drawn from
 * @param validation loss and accuracy on the validation images, NaN without them
 * @param test loss and accuracy on the test images
 */
record TtaFigures(int views, String spec, long seed, Evaluation validation, Evaluation test) {
  /** Scores {@code block}, as training left it, on {@code data}'s validation and test images. */
  static TtaFigures of(TestTimeAugmentation tta, Block block, Dataset data, boolean normalized) {
    try (Classifier classifier = Classifier.of(block)) {
      Evaluation validation =
          SoftmaxAverage.evaluate(
              tta.probabilities(classifier, data.valX(), data.valSize(), normalized), data.valY());
      Evaluation test =
          SoftmaxAverage.evaluate(
              tta.probabilities(classifier, data.testX(), data.testSize(), normalized),
              data.testY());
      return new TtaFigures(
          tta.views(), TestTimeAugmentation.SPEC_TEXT, TestTimeAugmentation.SEED, validation, test);
    }
  }

  /** Prints one line: these figures beside the plain ones of {@code result}. */
  void print(PrintWriter out, TrainResult result) {
    EpochMetrics last = result.lastEpoch();
    out.printf(
        Locale.ROOT,
        "tta   %s: validation accuracy %s (plain %s), test accuracy %.4f (plain %.4f)%n",
        new TestTimeAugmentation(views).describe(),
        fixed(validation.accuracy()),
        fixed(last == null ? Double.NaN : last.valAccuracy()),
        test.accuracy(),
        result.test().accuracy());
    out.flush();
  }

  /** Returns {@code result} as JSON with these figures under {@code tta}. */
  ObjectNode addTo(TrainResult result) {
    ObjectNode node = JsonFormat.MAPPER.valueToTree(result);
    node.set("tta", JsonFormat.MAPPER.valueToTree(this));
    return node;
  }

  private static String fixed(double value) {
    return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.4f", value);
  }
}
