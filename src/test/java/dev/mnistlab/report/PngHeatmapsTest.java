package dev.mnistlab.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PngHeatmapsTest {
  @BeforeAll
  static void headless() {
    System.setProperty("java.awt.headless", "true");
  }

  private static BufferedImage draw(Block.Heatmap heatmap) throws Exception {
    byte[] png = PngHeatmaps.png(heatmap);
    return ImageIO.read(new ByteArrayInputStream(png));
  }

  @Test
  void drawsACellPerRowAndColumnInTheBlues() throws Exception {
    BufferedImage image = draw(ReportFixtures.heatmap());

    assertThat(image.getWidth()).isEqualTo(520);
    assertThat(image.getHeight()).isEqualTo(360);
    int dark = Integer.parseInt("1d3557", 16);
    long cells = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        if ((image.getRGB(x, y) & 0xffffff) == dark) {
          cells++;
        }
      }
    }
    assertThat(cells).as("pixels of the best cell's colour").isGreaterThan(500);
  }

  @Test
  void drawsAHeatmapWithoutAnyValue() throws Exception {
    Block.Heatmap empty =
        new Block.Heatmap(
            "none",
            "None",
            "lr",
            "batch_size",
            List.of("a"),
            List.of("b"),
            List.of(List.of(Double.NaN)),
            List.of(List.of("diverged")));

    assertThat(draw(empty)).isNotNull();
  }
}
