package dev.mnistlab.model;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BlockBuilderTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "linear(64),relu,linear(10)",
        "linear(128),batchnorm,gelu,dropout(0.5),linear(10),softmax",
        "conv2d(8,3),relu,maxpool(2),flatten,linear(10)",
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
}
