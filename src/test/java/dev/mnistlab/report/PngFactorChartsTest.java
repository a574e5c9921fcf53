package dev.mnistlab.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PngFactorChartsTest {
  @BeforeAll
  static void headless() {
    System.setProperty("java.awt.headless", "true");
  }

  private static BufferedImage draw(Block.FactorChart chart) throws Exception {
    byte[] png = PngFactorCharts.png(chart);
    return ImageIO.read(new ByteArrayInputStream(png));
  }

  @Test
  void drawsOnePanelPerPanelOfTheChartOnALogAxis() throws Exception {
    BufferedImage image = draw(ReportFixtures.factorChart());

    assertThat(image.getWidth()).isEqualTo(2 * PngFactorCharts.PANEL_WIDTH);
    assertThat(image.getHeight()).isEqualTo(PngFactorCharts.HEIGHT);
  }

  @Test
  void drawsACategoricalAxis() throws Exception {
    BufferedImage image = draw(ReportFixtures.categoricalChart());

    assertThat(image.getWidth()).isEqualTo(PngFactorCharts.PANEL_WIDTH);
  }
}
