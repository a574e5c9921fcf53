package dev.mnistlab.study;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mnistlab.search.ModelBuilder;
import dev.mnistlab.search.SearchSpace;
import dev.mnistlab.search.SpaceReader;
import dev.mnistlab.train.TrainConfig;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/** Checks the {@code beyond} preset: seven steps, each changing what its name says. */
class BeyondPresetTest {
  private static final StudyDefinition BEYOND = StudyFile.preset("beyond");

  @Test
  void holdsSevenStepsOverThreeSeeds() {
    assertThat(BEYOND.name()).isEqualTo("beyond");
    assertThat(BEYOND.repeats()).isEqualTo(3);
    assertThat(BEYOND.trials())
        .extracting(TrialDefinition::name)
        .containsExactly(
            "1 seed trial 7",
            "2 normalised, cosine",
            "3 CNN baseline",
            "4 + batch norm",
            "5 + augmentation",
            "6 + one-cycle, 20 epochs",
            "7 + smoothing, EMA");
    assertThat(BEYOND.trials()).allSatisfy(t -> assertThat(t.reportedAccuracy()).isNull());
  }

  @Test
  void startsAtTheSeedStudysTrialSeven() {
    TrialDefinition seven = StudyFile.preset("blog").trials().get(6);

    assertThat(BEYOND.trials().get(0).config()).isEqualTo(seven.config());
  }

  @Test
  void changesOneThingAtEachStep() {
    assertThat(changes(1)).containsExactly("schedule", "normalize");
    assertThat(changes(2)).containsExactly("model", "epochs", "batchSize");
    assertThat(changes(3)).containsExactly("model");
    assertThat(changes(4)).containsExactly("augment");
    assertThat(changes(5)).containsExactly("epochs", "lr", "schedule");
    assertThat(changes(6)).containsExactly("labelSmoothing", "ema");
  }

  @Test
  void startsTheCnnsFromPyTorchsMnistExampleAndAddsBatchNormInEveryBlock() {
    assertThat(config(2).model())
        .isEqualTo(
            "conv2d(32,3),relu,conv2d(64,3),relu,maxpool(2),dropout(0.25),flatten,"
                + "linear(128),relu,dropout(0.5),linear(10)");
    assertThat(config(3).model().split("batchnorm", -1)).hasSize(4);
    assertThat(config(3).model()).doesNotContain("linear(128),batchnorm");
  }

  @Test
  void endsAtTheRecommendedCnnTheCnnSpaceStartsFrom() {
    SearchSpace cnn = SpaceReader.load("cnn");
    TrainConfig first = ModelBuilder.build(cnn.first().get(0), TrainConfig.defaults());
    TrainConfig last = config(6);

    assertThat(last).isEqualTo(first.withSeed(last.seed()).withThreads(last.threads()));
    assertThat(last.augment()).isEqualTo("rotate=10,shift=2,scale=0.1");
    assertThat(last.labelSmoothing()).isEqualTo(0.1);
    assertThat(last.ema()).isEqualTo(0.999);
  }

  @Test
  void quickVersionTrainsEveryStepOnTenThousandImagesForAFifthOfTheEpochs() {
    StudyDefinition quick = BEYOND.toQuick();

    assertThat(quick.name()).isEqualTo("beyond-quick");
    assertThat(quick.quick()).isTrue();
    assertThat(quick.repeats()).isEqualTo(1);
    assertThat(quick.trials())
        .extracting(t -> t.config().epochs())
        .containsExactly(4, 4, 2, 2, 2, 4, 4);
    assertThat(quick.trials())
        .allSatisfy(t -> assertThat(t.config().trainLimit()).isEqualTo(10_000));
    // The average spans the same share of the run: 1,000 of 8,600 steps, 37 of 316.
    assertThat(quick.trials().get(6).config().ema()).isEqualTo(0.9728);
    // The full study trains on every image.
    assertThat(BEYOND.trials()).allSatisfy(t -> assertThat(t.config().trainLimit()).isZero());
  }

  private static TrainConfig config(int index) {
    return BEYOND.trials().get(index).config();
  }

  /** Returns the names of the config fields that step {@code after} changes from the one before. */
  private static List<String> changes(int after) {
    List<String> names = new ArrayList<>();
    for (RecordComponent c : TrainConfig.class.getRecordComponents()) {
      try {
        Object before = c.getAccessor().invoke(config(after - 1));
        Object now = c.getAccessor().invoke(config(after));
        if (!Objects.equals(before, now)) {
          names.add(c.getName());
        }
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    }
    return names;
  }
}
