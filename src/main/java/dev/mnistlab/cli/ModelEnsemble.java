package dev.mnistlab.cli;

import dev.mnistlab.InvalidInputException;
import dev.mnistlab.data.DigitImage;
import dev.mnistlab.train.Classifier;
import dev.mnistlab.train.SoftmaxAverage;
import dev.mnistlab.train.TestTimeAugmentation;
import dev.mnistlab.train.TrainConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Holds saved models loaded as one ensemble, whose prediction is the mean of the members' softmax
 * outputs. Every member takes MNIST's 784 pixels (a model whose parameters do not is refused when
 * it loads) and must give as many classes as the others. Holds native memory until closed.
 */
final class ModelEnsemble implements AutoCloseable {
  /**
   * Holds one member.
   *
   * @param name how messages and tables name it: its directory, or its seed in a study
   * @param dir the directory it was loaded from
   * @param config how it was trained (its seed, split and pixel scaling matter here)
   * @param classifier the loaded network
   */
  record Member(String name, Path dir, TrainConfig config, Classifier classifier) {}

  private final List<Member> members;

  private ModelEnsemble(List<Member> members) {
    this.members = List.copyOf(members);
  }

  /**
   * Loads the models saved in {@code dirs}, named {@code names} (the same size) in messages.
   *
   * @throws InvalidInputException one line for a missing or damaged model, or for members that give
   *     different numbers of classes
   */
  static ModelEnsemble load(List<Path> dirs, List<String> names) {
    if (dirs.isEmpty()) {
      throw new InvalidInputException("an ensemble needs at least one model, got none");
    }
    List<Member> loaded = new ArrayList<>();
    try {
      for (int i = 0; i < dirs.size(); i++) {
        Path dir = dirs.get(i);
        TrainConfig config = SavedModel.config(dir);
        loaded.add(new Member(names.get(i), dir, config, SavedModel.classifier(dir, config)));
      }
      requireSameClasses(loaded);
      return new ModelEnsemble(loaded);
    } catch (RuntimeException e) {
      loaded.forEach(m -> m.classifier().close());
      throw e;
    }
  }

  /** Loads the models saved in {@code dirs}, each named by its directory. */
  static ModelEnsemble load(List<Path> dirs) {
    return load(dirs, dirs.stream().map(Path::toString).toList());
  }

  /** Refuses members that disagree on the number of classes, or that do not give MNIST's 10. */
  static void requireSameClasses(List<Member> members) {
    Member first = members.get(0);
    for (Member m : members) {
      if (m.classifier().classes() != first.classifier().classes()) {
        throw new InvalidInputException(
            "cannot ensemble models that give different numbers of classes: "
                + first.name()
                + " gives "
                + first.classifier().classes()
                + ", "
                + m.name()
                + " gives "
                + m.classifier().classes());
      }
    }
    if (first.classifier().classes() != 10) {
      throw new InvalidInputException(
          "model "
              + first.name()
              + " gives "
              + first.classifier().classes()
              + " classes; MNIST has 10 (its parameters do not fit its config.json)");
    }
  }

  /** Returns the members, in the order they were given. */
  List<Member> members() {
    return members;
  }

  /**
   * Returns, for each picture file, the members' probabilities averaged, each member reading the
   * pictures with its own pixel scaling and averaging over {@code tta}'s views.
   */
  float[][] classify(List<Path> pictures, TestTimeAugmentation tta) {
    List<float[][]> each = new ArrayList<>();
    Map<Boolean, float[]> pixels = new HashMap<>();
    for (Member m : members) {
      boolean normalize = m.config().normalize();
      float[] x = pixels.computeIfAbsent(normalize, n -> read(pictures, n));
      each.add(tta.probabilities(m.classifier(), x, pictures.size(), normalize));
    }
    return SoftmaxAverage.mean(each);
  }

  private static float[] read(List<Path> pictures, boolean normalize) {
    float[] pixels = new float[pictures.size() * 784];
    for (int i = 0; i < pictures.size(); i++) {
      System.arraycopy(DigitImage.load(pictures.get(i), normalize), 0, pixels, i * 784, 784);
    }
    return pixels;
  }

  @Override
  public void close() {
    members.forEach(m -> m.classifier().close());
  }
}
