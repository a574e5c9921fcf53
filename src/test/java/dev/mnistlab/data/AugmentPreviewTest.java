package dev.mnistlab.data;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AugmentPreviewTest {
  @Test
  void sizesTheGridByCountAndCopies() {
    // 5 cells of 84 pixels, a line between each, a border each side, a double line after the
    // originals.
    assertThat(AugmentPreview.width(4)).isEqualTo(5 * 84 + 4 + 2 + 1);
    assertThat(AugmentPreview.height(8)).isEqualTo(8 * 84 + 7 + 2);
  }

  @Test
  void choosesDistinctImagesWithTheSeed() {
    int[] chosen = AugmentPreview.choose(50, 10, 3);

    assertThat(chosen).hasSize(10).doesNotHaveDuplicates();
    assertThat(java.util.Arrays.stream(chosen).allMatch(i -> i >= 0 && i < 50)).isTrue();
    assertThat(AugmentPreview.choose(50, 10, 3)).isEqualTo(chosen);
    assertThat(AugmentPreview.choose(50, 10, 4)).isNotEqualTo(chosen);
  }
}
