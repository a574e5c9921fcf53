package dev.mnistlab.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mnistlab.analysis.SearchAnalysis;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class PngSearchChartsTest {

  private static BufferedImage image(Block.SearchChart chart) throws Exception {
    return ImageIO.read(new ByteArrayInputStream(PngSearchCharts.png(chart)));
  }

  @Test
  void drawsEveryKindOfSearchChart() throws Exception {
    List<Block.SearchChart> charts = SearchFixtures.charts();
    assertThat(image(charts.get(0)).getWidth()).isEqualTo(1000);
    // Three slices in one row of 400-pixel panels; three curve panels likewise.
    assertThat(image(charts.get(2)).getWidth()).isEqualTo(1200);
    assertThat(image(charts.get(5)).getWidth()).isEqualTo(1200);
    for (Block.SearchChart chart : charts) {
      BufferedImage png = image(chart);
      assertThat(png).as(chart.id()).isNotNull();
      assertThat(png.getHeight()).as(chart.id()).isGreaterThanOrEqualTo(200);
    }
  }

  @Test
  void drawsASearchWithoutTrialsAsEmptyAxes() throws Exception {
    SearchAnalysis empty = SearchAnalysis.of(List.of(), SearchFixtures.PARAMS, true, Instant.EPOCH);
    List<Block.SearchChart> charts =
        List.of(
            new Block.HistoryChart("h", "History", "v", empty.history(), Map.of()),
            new Block.ImportanceChart("i", "Importance", empty.importances()),
            new Block.SliceCharts("s", "Slices", "v", empty.slices()),
            new Block.ParallelChart("p", "Parallel", "v", empty.parallel()),
            new Block.TimelineChart("t", "Timeline", empty.timeline()),
            new Block.TrialCurvesChart("c", "Curves", empty.curves()));
    for (Block.SearchChart chart : charts) {
      assertThat(image(chart)).as(chart.id()).isNotNull();
    }
  }
}
