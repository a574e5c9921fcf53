package dev.mnistlab.model;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BlockBuilderTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "linear(64),relu,linear(10)",
        "linear(128),batchnorm,gelu,dropout(0.5),linear(10),softmax",
        "conv2d(8,3),relu,maxpool(2),flatten,linear(10)",
        "conv2d(8,3,1,1),batchnorm,relu,maxpool(2),conv2d(16,3,1,1),batchnorm,relu,gap,"
            + "dropout(0.3),linear(10)",
        "conv2d(4,3,2,1),batchnorm,leaky_relu(0.2),avgpool(2),conv2d(6,3),tanh,flatten,"
            + "linear(32),sigmoid,linear(10)"
      })
  void mapsABatchOfFlatImagesToTenLogitsWithPyTorchsParameterCount(String text) {
    ModelSpec spec = ModelSpec.parse(text);
    try (NDManager manager = NDManager.newBaseManager()) {
      SequentialBlock block = BlockBuilder.build(spec.layers());
      block.initialize(manager, DataType.FLOAT32, new Shape(1, 784));
      NDArray input = manager.randomUniform(0, 1, new Shape(2, 784));

      NDList output = block.forward(new ParameterStore(manager, false), new NDList(input), true);

      assertThat(output.singletonOrThrow().getShape()).isEqualTo(new Shape(2, 10));
      long trainable = 0;
      for (Pair<String, Parameter> pair : block.getParameters()) {
        Parameter.Type type = pair.getValue().getType();
        if (type != Parameter.Type.RUNNING_MEAN && type != Parameter.Type.RUNNING_VAR) {
          trainable += pair.getValue().getArray().size();
        }
      }
      assertThat(trainable).isEqualTo(spec.parameterCount());
    }
  }

  @Test
  void averagesEachChannelOverItsWholeMap() {
    ModelSpec spec = ModelSpec.parse("conv2d(3,5),gap,linear(10)");
    try (NDManager manager = NDManager.newBaseManager()) {
      SequentialBlock block = BlockBuilder.build(spec.layers());
      block.initialize(manager, DataType.FLOAT32, new Shape(1, 784));
      ParameterStore store = new ParameterStore(manager, false);
      NDList x = new NDList(manager.randomUniform(0, 1, new Shape(2, 784)));
      // Children: the reshape to 1x28x28, the convolution, the pooling, the linear layer.
      List<Block> children = block.getChildren().values();
      NDList maps = children.get(1).forward(store, children.get(0).forward(store, x, false), false);

      NDArray pooled = children.get(2).forward(store, maps, false).singletonOrThrow();

      assertThat(maps.singletonOrThrow().getShape()).isEqualTo(new Shape(2, 3, 24, 24));
      assertThat(pooled.getShape()).isEqualTo(new Shape(2, 3));
      NDArray expected = maps.singletonOrThrow().reshape(2, 3, -1).mean(new int[] {2});
      assertThat(pooled.sub(expected).abs().max().getFloat()).isLessThan(1e-6f);
    }
  }

  @Test
  void normalisesEachChannelOfAConvolutionOverTheBatchAndTheMap() {
    ModelSpec spec = ModelSpec.parse("conv2d(4,3),batchnorm,flatten,linear(10)");
    try (NDManager manager = NDManager.newBaseManager()) {
      SequentialBlock block = BlockBuilder.build(spec.layers());
      block.initialize(manager, DataType.FLOAT32, new Shape(1, 784));
      ParameterStore store = new ParameterStore(manager, false);
      NDList x = new NDList(manager.randomUniform(0, 1, new Shape(8, 784)));
      List<Block> children = block.getChildren().values();
      NDList maps = children.get(1).forward(store, children.get(0).forward(store, x, true), true);
      // Shift each channel by its own amount, so only per-channel statistics can undo it.
      NDArray shifts = manager.create(new float[] {0, 5, -3, 10}).reshape(1, 4, 1, 1);
      NDList shifted = new NDList(maps.singletonOrThrow().add(shifts));

      NDArray normed = children.get(2).forward(store, shifted, true).singletonOrThrow();

      assertThat(normed.getShape()).isEqualTo(new Shape(8, 4, 26, 26));
      // gamma 1, beta 0 before training: every channel has mean 0 and variance 1 over
      // (batch, height, width), as BatchNorm2d.
      NDArray perChannel = normed.transpose(1, 0, 2, 3).reshape(4, -1);
      NDArray mean = perChannel.mean(new int[] {1});
      NDArray variance = perChannel.sub(mean.reshape(4, 1)).square().mean(new int[] {1});
      assertThat(mean.getShape()).isEqualTo(new Shape(4));
      assertThat(mean.abs().max().getFloat()).isLessThan(1e-4f);
      assertThat(variance.sub(1).abs().max().getFloat()).isLessThan(1e-2f);
      // Per position the four channels do not average to 0: the statistics are not per pixel.
      assertThat(normed.mean(new int[] {1}).abs().max().getFloat()).isGreaterThan(0.1f);
    }
  }
}
