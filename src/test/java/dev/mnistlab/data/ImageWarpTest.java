package dev.mnistlab.data;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ImageWarpTest {
  private static final int SIDE = ImageWarp.SIDE;

  private static float[] warp(float[] src, double degrees, double scale, double dx, double dy) {
    float[] out = new float[SIDE * SIDE];
    ImageWarp.warp(src, 0, out, 0, degrees, scale, dx, dy, null, null, 0f);
    return out;
  }

  private static float[] lonePixel(int r, int c) {
    float[] image = new float[SIDE * SIDE];
    image[r * SIDE + c] = 1f;
    return image;
  }

  @Test
  void shiftOfTwoMovesALonePixelByExactlyTwo() {
    float[] out = warp(lonePixel(10, 5), 0, 1, 2, 2);

    assertThat(out).isEqualTo(lonePixel(12, 7));
  }

  @Test
  void quarterTurnMapsAnAsymmetricPatternCounterClockwise() {
    // An L: a bar along the top row from the left edge, and a dot below its left end.
    float[] src = new float[SIDE * SIDE];
    for (int c = 0; c < 5; c++) {
      src[c] = 1f;
    }
    src[SIDE] = 0.5f;

    float[] out = warp(src, 90, 1, 0, 0);

    // Turned counter-clockwise as displayed, the top row becomes the left column, read upwards:
    // source (r, c) lands at (27 - c, r).
    float[] expected = new float[SIDE * SIDE];
    for (int c = 0; c < 5; c++) {
      expected[(SIDE - 1 - c) * SIDE] = 1f;
    }
    expected[(SIDE - 1) * SIDE + 1] = 0.5f;
    assertThat(out).isEqualTo(expected);
  }

  @Test
  void identityLeavesEveryPixelUnchanged() {
    float[] src = new float[SIDE * SIDE];
    for (int p = 0; p < src.length; p++) {
      src[p] = (p * 37 % 101) / 100f;
    }

    assertThat(warp(src, 0, 1, 0, 0)).isEqualTo(src);
  }

  @Test
  void halfPixelShiftAveragesNeighboursAndReadsBackgroundOutside() {
    float[] src = lonePixel(0, 0);
    float[] out = new float[SIDE * SIDE];

    ImageWarp.warp(src, 0, out, 0, 0, 1, 0.5, 0, null, null, -1f);

    // Column 0 now reads between the background left of the image and the pixel.
    assertThat(out[0]).isEqualTo(0f);
    assertThat(out[1]).isEqualTo(0.5f);
    assertThat(out[SIDE]).isEqualTo(-0.5f);
  }

  @Test
  void doublingTheSizeMovesAPixelTwiceAsFarFromTheCentre() {
    // A 2x2 block 2 pixels right of the centre (13.5) ends 4 right, over columns 16-19.
    float[] src = new float[SIDE * SIDE];
    src[13 * SIDE + 15] = 1f;
    src[13 * SIDE + 16] = 1f;
    src[14 * SIDE + 15] = 1f;
    src[14 * SIDE + 16] = 1f;

    float[] out = warp(src, 0, 2, 0, 0);

    assertThat(out[13 * SIDE + 17]).isEqualTo(1f);
    assertThat(out[13 * SIDE + 13]).isEqualTo(0f);
  }
}
