package dev.mnistlab.model;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.pooling.Pool;
import java.util.List;

/**
 * Translates checked layers into a DJL {@link SequentialBlock} that takes (batch, 784).
 *
 * <p>The block is not initialised; the trainer initialises it and then calls {@link Init#apply} so
 * the starting weights depend on the seed only.
 */
final class BlockBuilder {
  private BlockBuilder() {}

  static SequentialBlock build(List<Layer> layers) {
    SequentialBlock block = new SequentialBlock();
    if (Shapes.takesImage(layers)) {
      // The data always arrives flat; convolutions need it as one 28x28 channel.
      block.add(
          LambdaBlock.singleton(
              x -> x.reshape(x.getShape().get(0), 1, Shapes.SIDE, Shapes.SIDE), "to_image"));
    }
    for (Layer layer : layers) {
      block.add(toBlock(layer));
    }
    return block;
  }

  private static Block toBlock(Layer layer) {
    if (layer instanceof Layer.Linear linear) {
      return Linear.builder().setUnits(linear.units()).build();
    } else if (layer instanceof Layer.Relu) {
      return Activation.reluBlock();
    } else if (layer instanceof Layer.Sigmoid) {
      return Activation.sigmoidBlock();
    } else if (layer instanceof Layer.Tanh) {
      return Activation.tanhBlock();
    } else if (layer instanceof Layer.Gelu) {
      return Activation.geluBlock();
    } else if (layer instanceof Layer.LeakyRelu leaky) {
      return Activation.leakyReluBlock((float) leaky.slope());
    } else if (layer instanceof Layer.Softmax) {
      return LambdaBlock.singleton(x -> x.softmax(-1), "softmax");
    } else if (layer instanceof Layer.Dropout dropout) {
      return Dropout.builder().optRate((float) dropout.p()).build();
    } else if (layer instanceof Layer.BatchNorm) {
      // Axis 1 is the feature axis of (batch, n) and the channel axis of (batch, c, h, w).
      return BatchNorm.builder().optAxis(1).build();
    } else if (layer instanceof Layer.Flatten) {
      return Blocks.batchFlattenBlock();
    } else if (layer instanceof Layer.Conv2d conv) {
      return Conv2d.builder()
          .setFilters(conv.out())
          .setKernelShape(new Shape(conv.kernel(), conv.kernel()))
          .optStride(new Shape(conv.stride(), conv.stride()))
          .optPadding(new Shape(conv.padding(), conv.padding()))
          .build();
    } else if (layer instanceof Layer.MaxPool max) {
      Shape window = new Shape(max.kernel(), max.kernel());
      return Pool.maxPool2dBlock(window, window);
    } else if (layer instanceof Layer.AvgPool avg) {
      Shape window = new Shape(avg.kernel(), avg.kernel());
      return Pool.avgPool2dBlock(window, window);
    } else if (layer instanceof Layer.GlobalAvgPool) {
      // DJL's global pooling already drops the 1x1 map: (batch, c, h, w) to (batch, c).
      return Pool.globalAvgPool2dBlock();
    }
    throw new IllegalStateException("no block for layer " + layer);
  }
}
