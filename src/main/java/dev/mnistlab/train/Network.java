package dev.mnistlab.train;

import ai.djl.nn.Block;
import java.util.function.ObjLongConsumer;

/**
 * Pairs a freshly built network with the rule that sets its initial weights from a seed.
 *
 * @param block the network, built but not initialised; it takes (batch, 784) float32 input
 * @param initializer overwrites the initialised block's parameters from the given seed
 */
public record Network(Block block, ObjLongConsumer<Block> initializer) {}
