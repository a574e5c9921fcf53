package dev.mnistlab.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mnistlab.analysis.LearningCurves;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PngChartsTest {
  @BeforeAll
  static void headless() {
    System.setProperty("java.awt.headless", "true");
  }

  private static BufferedImage draw(Block.CurvesChart chart) throws Exception {
    return ImageIO.read(new ByteArrayInputStream(PngCharts.png(chart)));
  }

  @Test
  void drawsThreePanelsSideBySideInTheTrialColours() throws Exception {
    BufferedImage image = draw(ReportFixtures.chart());

    assertThat(image.getWidth()).isEqualTo(3 * PngCharts.PANEL_WIDTH);
    assertThat(image.getHeight()).isEqualTo(PngCharts.HEIGHT);
    int blue = Integer.parseInt(PngCharts.PALETTE.get(0).substring(1), 16);
    for (int panel = 0; panel < 3; panel++) {
      assertThat(countColour(image, blue, panel)).as("panel %d", panel).isGreaterThan(50);
    }
  }

  @Test
  void drawsPanelsWithoutDataAndTrialsWithOneEpochOrSharedNames() throws Exception {
    LearningCurves empty = new LearningCurves("none", List.of(), List.of(), List.of());
    LearningCurves one = ReportFixtures.curves("same", 0, true);

    BufferedImage image = draw(new Block.CurvesChart("c", "C", List.of(empty, one, one)));

    assertThat(image.getWidth()).isEqualTo(1200);
  }

  private static long countColour(BufferedImage image, int rgb, int panel) {
    long count = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = panel * PngCharts.PANEL_WIDTH; x < (panel + 1) * PngCharts.PANEL_WIDTH; x++) {
        if ((image.getRGB(x, y) & 0xffffff) == rgb) {
          count++;
        }
      }
    }
    return count;
  }
}
