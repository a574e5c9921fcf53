package dev.mnistlab.train;

import dev.mnistlab.data.Augmenter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Prepares one epoch's augmented training images chunk by chunk on a background thread, a few
 * chunks ahead of the trainer, so warping overlaps training instead of adding to it.
 *
 * <p>Chunks follow the epoch's shuffled order; each holds a whole number of batches but the last.
 * Call {@link #next()} once per chunk, in order, from one thread, and {@link #close()} at the end
 * (or on leaving early), which cancels what is still queued.
 */
final class AugmentedChunks implements AutoCloseable {
  /** Chunks prepared ahead of the one being trained on. */
  private static final int AHEAD = 2;

  /** Images per chunk at least: about 12 MB of pixels, enough to keep the hand-over rare. */
  private static final int MIN_IMAGES = 4096;

  private static final int PIXELS = 784;

  private final ExecutorService executor;
  private final Augmenter augmenter;
  private final float[] images;
  private final long[] order;
  private final int epoch;
  private final int chunkSize;
  private final Deque<Future<float[]>> queued = new ArrayDeque<>();
  private int submitted;

  /**
   * Starts preparing the chunks of {@code epoch}: the images of {@code images} in {@code order},
   * augmented, in chunks of a whole number of batches of {@code batchSize}.
   */
  AugmentedChunks(
      ExecutorService executor,
      Augmenter augmenter,
      float[] images,
      long[] order,
      int epoch,
      int batchSize) {
    this.executor = executor;
    this.augmenter = augmenter;
    this.images = images;
    this.order = order;
    this.epoch = epoch;
    this.chunkSize = batchSize * Math.max(1, (MIN_IMAGES + batchSize - 1) / batchSize);
    for (int i = 0; i <= AHEAD; i++) {
      submitNext();
    }
  }

  /** Returns the images a chunk holds at most; every chunk but the last holds exactly this many. */
  int chunkSize() {
    return chunkSize;
  }

  /** Returns the next chunk's pixels, {@code images * 784} floats, waiting for it if need be. */
  float[] next() {
    Future<float[]> head = queued.poll();
    if (head == null) {
      throw new IllegalStateException("no chunk left in epoch " + epoch);
    }
    submitNext();
    try {
      return head.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while augmenting images", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("augmenting images failed: " + e.getCause(), e.getCause());
    } catch (CancellationException e) {
      throw new IllegalStateException("augmenting images was cancelled", e);
    }
  }

  private void submitNext() {
    int from = submitted * chunkSize;
    if (from >= order.length) {
      return;
    }
    int to = Math.min(order.length, from + chunkSize);
    submitted++;
    queued.add(executor.submit(() -> chunk(from, to)));
  }

  private float[] chunk(int from, int to) {
    float[] out = new float[(to - from) * PIXELS];
    for (int i = from; i < to; i++) {
      augmenter.augment(images, (int) order[i], epoch, out, (i - from) * PIXELS);
    }
    return out;
  }

  @Override
  public void close() {
    for (Future<float[]> f : queued) {
      f.cancel(false);
    }
    queued.clear();
  }
}
