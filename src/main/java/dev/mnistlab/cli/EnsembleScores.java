package dev.mnistlab.cli;

import dev.mnistlab.data.Dataset;
import dev.mnistlab.data.MnistData;
import dev.mnistlab.data.SplitMode;
import dev.mnistlab.data.SplitOptions;
import dev.mnistlab.train.Evaluation;
import dev.mnistlab.train.SoftmaxAverage;
import dev.mnistlab.train.TestTimeAugmentation;
import dev.mnistlab.train.TrainConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Holds an ensemble's members scored alone and together: each member on the validation images it
 * was trained beside and on the test set, their mean, and the ensemble (the mean of their softmax
 * outputs). The ensemble is scored on validation only when every member held out the same images:
 * otherwise some member trained on images another is validated on, and no figure would be fair.
 *
 * @param members one row per member, in order
 * @param mean the members' figures averaged: what one model scores on average
 * @param ensemble the ensemble's figures
 * @param validation which training images were held out for validation, e.g. {@code last 5000}
 * @param sharedValidation whether every member held out the same ones
 * @param tta the views each image was scored over, besides plain (1 when none)
 * @param ttaSpec the warps of the extra views, or null without them
 */
record EnsembleScores(
    List<Row> members,
    Row mean,
    Row ensemble,
    String validation,
    boolean sharedValidation,
    int tta,
    String ttaSpec) {

  /**
   * Holds one line of the table.
   *
   * @param model the member's name, or {@code mean of N} or {@code ensemble of N}
   * @param seed the member's training seed, or null for the mean and the ensemble
   * @param validation loss and accuracy on its validation images; NaN when there are none
   * @param test loss and accuracy on the 10,000 test images
   * @param validationTta the same with test-time augmentation, or null without it
   * @param testTta the same with test-time augmentation, or null without it
   */
  record Row(
      String model,
      Long seed,
      Evaluation validation,
      Evaluation test,
      Evaluation validationTta,
      Evaluation testTta) {}

  /**
   * Scores {@code ensemble} on the MNIST files in {@code dataDir}, reporting each member's start to
   * {@code log}.
   */
  static EnsembleScores of(
      ModelEnsemble ensemble, Path dataDir, TestTimeAugmentation tta, Consumer<String> log) {
    List<ModelEnsemble.Member> members = ensemble.members();
    String split = split(members.get(0).config());
    boolean shared = members.stream().allMatch(m -> split(m.config()).equals(split));
    boolean withTta = !tta.isNone();
    Map<Boolean, MnistData> data = new HashMap<>();
    List<Row> rows = new ArrayList<>();
    List<float[][]> val = new ArrayList<>();
    List<float[][]> test = new ArrayList<>();
    List<float[][]> valTta = new ArrayList<>();
    List<float[][]> testTta = new ArrayList<>();
    int[] valLabels = null;
    int[] testLabels = null;
    for (int i = 0; i < members.size(); i++) {
      ModelEnsemble.Member m = members.get(i);
      log.accept(
          String.format(
              Locale.ROOT, "scoring model %d of %d: %s", i + 1, members.size(), m.name()));
      TrainConfig c = m.config();
      Dataset held =
          data.computeIfAbsent(c.normalize(), n -> MnistData.load(dataDir, n)).heldOut(options(c));
      valLabels = held.valY();
      testLabels = held.testY();
      Scored plain = score(m, held, TestTimeAugmentation.NONE);
      val.add(plain.val);
      test.add(plain.test);
      Scored warped = withTta ? score(m, held, tta) : null;
      if (withTta) {
        valTta.add(warped.val);
        testTta.add(warped.test);
      }
      rows.add(
          new Row(
              m.name(),
              c.seed(),
              plain.valEvaluation,
              plain.testEvaluation,
              withTta ? warped.valEvaluation : null,
              withTta ? warped.testEvaluation : null));
    }
    int n = members.size();
    Row mean =
        new Row(
            "mean of " + n,
            null,
            mean(rows, Row::validation),
            mean(rows, Row::test),
            withTta ? mean(rows, Row::validationTta) : null,
            withTta ? mean(rows, Row::testTta) : null);
    Row together =
        new Row(
            "ensemble of " + n,
            null,
            shared ? SoftmaxAverage.evaluate(SoftmaxAverage.mean(val), valLabels) : Evaluation.NONE,
            SoftmaxAverage.evaluate(SoftmaxAverage.mean(test), testLabels),
            withTta
                ? shared
                    ? SoftmaxAverage.evaluate(SoftmaxAverage.mean(valTta), valLabels)
                    : Evaluation.NONE
                : null,
            withTta ? SoftmaxAverage.evaluate(SoftmaxAverage.mean(testTta), testLabels) : null);
    String validation =
        shared
            ? split
            : String.join(", ", members.stream().map(m -> split(m.config())).distinct().toList());
    return new EnsembleScores(
        rows,
        mean,
        together,
        validation,
        shared,
        tta.views(),
        withTta ? TestTimeAugmentation.SPEC_TEXT : null);
  }

  /** Returns the split {@code c} was trained with, as the data were split for it. */
  static SplitOptions options(TrainConfig c) {
    return new SplitOptions(
        c.valSize(),
        SplitMode.valueOf(c.valSplit().toUpperCase(Locale.ROOT)),
        c.seed(),
        c.trainLimit() > 0 ? c.trainLimit() : null);
  }

  /**
   * Names the validation images {@code c} held out; two configs hold out the same ones exactly when
   * their names are equal.
   */
  static String split(TrainConfig c) {
    if (c.valSize() == 0) {
      return "none";
    }
    return "random".equalsIgnoreCase(c.valSplit())
        ? "random " + c.valSize() + " (seed " + c.seed() + ")"
        : "last " + c.valSize();
  }

  private record Scored(
      float[][] val, float[][] test, Evaluation valEvaluation, Evaluation testEvaluation) {}

  private static Scored score(ModelEnsemble.Member m, Dataset held, TestTimeAugmentation tta) {
    boolean normalize = m.config().normalize();
    float[][] val = tta.probabilities(m.classifier(), held.valX(), held.valSize(), normalize);
    float[][] test = tta.probabilities(m.classifier(), held.testX(), held.testSize(), normalize);
    return new Scored(
        val,
        test,
        SoftmaxAverage.evaluate(val, held.valY()),
        SoftmaxAverage.evaluate(test, held.testY()));
  }

  private static Evaluation mean(
      List<Row> rows, java.util.function.Function<Row, Evaluation> which) {
    double loss = 0;
    double accuracy = 0;
    for (Row r : rows) {
      loss += which.apply(r).loss();
      accuracy += which.apply(r).accuracy();
    }
    return new Evaluation(loss / rows.size(), accuracy / rows.size());
  }
}
