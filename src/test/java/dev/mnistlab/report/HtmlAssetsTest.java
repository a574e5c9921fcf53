package dev.mnistlab.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlAssetsTest {
  @Test
  void readsTheEchartsBuildFromItsWebjar() {
    String echarts = HtmlAssets.echarts();

    assertThat(echarts.length()).isGreaterThan(1_000_000);
    assertThat(echarts).contains("echarts").doesNotContain("</script");
  }

  @Test
  void readsTheStyleSheetAndTheChartScript() {
    assertThat(HtmlAssets.css()).contains("figure.curves");
    assertThat(HtmlAssets.curvesScript()).contains("echarts.init(").contains("curves-data");
  }

  @Test
  void readsTheFactorChartAndHeatmapScript() {
    assertThat(HtmlAssets.factorScript())
        .contains("echarts.init(")
        .contains("factor-data")
        .contains("heatmap-data")
        .contains("'log'")
        .contains("visualMap");
    assertThat(HtmlAssets.css()).contains("figure.factor").contains("figure.heatmap");
  }
}
