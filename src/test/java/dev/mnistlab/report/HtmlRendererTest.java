package dev.mnistlab.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlRendererTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

  @TempDir Path dir;

  private static List<Block> blocks() {
    return List.of(
        new Block.Heading(1, "Study <mnist> & friends"),
        new Block.Paragraph("Loss \"fell\" below 0.1 <b>fast</b>."),
        new Block.Bullets(List.of("a < b", "it's fine")),
        new Block.Table(
            List.of("trial", "accuracy"),
            List.of(List.of("trial-3", "0.981"), List.of("<i>x</i>", "0.902"))),
        ReportFixtures.chart());
  }

  private Path page() throws Exception {
    new HtmlRenderer().write(blocks(), dir, "report");
    return dir.resolve("report.html");
  }

  /** Writes a page of the sweep's charts: log and categorical factor charts, a heatmap. */
  private Path sweepPage() throws Exception {
    new HtmlRenderer()
        .write(
            List.of(
                new Block.Heading(1, "Sweep"),
                ReportFixtures.factorChart(),
                ReportFixtures.categoricalChart(),
                ReportFixtures.heatmap()),
            dir,
            "sweep");
    return dir.resolve("sweep.html");
  }

  @Test
  void escapesTextInHeadingsParagraphsBulletsAndCells() throws Exception {
    String html = Files.readString(page());

    assertThat(html)
        .contains("<title>Study &lt;mnist&gt; &amp; friends</title>")
        .contains("<h1>Study &lt;mnist&gt; &amp; friends</h1>")
        .contains("<p>Loss &quot;fell&quot; below 0.1 &lt;b&gt;fast&lt;/b&gt;.</p>")
        .contains("<ul>\n<li>a &lt; b</li>\n<li>it&#39;s fine</li>\n</ul>")
        .contains("<figcaption>Trials 3 &amp; 7 &lt;overlay&gt;</figcaption>")
        .doesNotContain("<b>fast</b>", "<i>x</i>");
  }

  @Test
  void writesTablesWithNumericColumnsMarked() throws Exception {
    assertThat(Files.readString(page()))
        .contains(
            "<table>\n<thead>\n"
                + "<tr><th>trial</th><th class=\"num\">accuracy</th></tr>\n</thead>\n<tbody>\n"
                + "<tr><td>trial-3</td><td class=\"num\">0.981</td></tr>\n"
                + "<tr><td>&lt;i&gt;x&lt;/i&gt;</td><td class=\"num\">0.902</td></tr>\n"
                + "</tbody>\n</table>\n");
  }

  @Test
  void inlinesEchartsAndTheCurveDataSoThePageOpensOffline() throws Exception {
    Path page = page();
    String html = Files.readString(page);

    assertThat(Files.size(page)).isGreaterThan(1_000_000);
    assertThat(html).contains("<script>\n").contains("echarts").contains("echarts.init(");
    assertThat(html)
        .contains(
            "<script type=\"application/json\" class=\"curves-data\">"
                + "{\"id\":\"curves-overlay\",\"title\":\"Trials 3 \\u0026 7 \\u003coverlay\\u003e\","
                + "\"panels\":[{\"title\":\"Training loss\",\"axis\":\"loss\",\"trials\":[{\"name\":"
                + "\"trial-3\",\"mean\":[0.9,0.5,0.3],\"low\":[0.85,0.46,0.27],");
    assertThat(html).contains("\"mean\":[1.0,0.6,null]");
    Pattern external = Pattern.compile("(?i)(src|href)\\s*=\\s*[\"']?\\s*(https?:)?//");
    assertThat(external.matcher(html).find()).as("no external src= or href=").isFalse();
    assertThat(html).doesNotContain("fetch(");
  }

  @Test
  void leavesEchartsOutOfAPageWithoutCharts() throws Exception {
    String html = new HtmlRenderer().render(List.of(new Block.Paragraph("plain")), "fallback");

    assertThat(html).contains("<title>fallback</title>").doesNotContain("<script");
  }

  @Test
  void drawsTheChartsInARealBrowser() throws Exception {
    assumeTrue(Files.isExecutable(CHROMIUM), "Chromium is not installed at " + CHROMIUM);
    Path page = page();
    Path shot = dir.resolve("shot.png");

    Path stderr = chromium(page, "--screenshot=" + shot);
    BufferedImage image = ImageIO.read(shot.toFile());
    assertThat(image).isNotNull();
    assertThat(colouredPixels(image)).as("pixels in the trial colours").isGreaterThan(1000);
    assertThat(Files.readString(stderr)).doesNotContain("Uncaught");

    Path dom = dir.resolve("dom.html");
    chromium(page, "--dump-dom");
    Files.move(dir.resolve("chromium.out"), dom);
    String html = Files.readString(dom);
    assertThat(Pattern.compile("<canvas").matcher(html).results().count())
        .as("an ECharts canvas per panel")
        .isGreaterThanOrEqualTo(3);
  }

  @Test
  void writesFactorChartsAndHeatmapsWithTheirDataInline() throws Exception {
    String html = Files.readString(sweepPage());

    assertThat(html)
        .contains(
            "<figure class=\"factor\" id=\"chart-lr-chart\">\n"
                + "<figcaption>lr &lt;sweep&gt; &amp; loss</figcaption>")
        .contains(
            "<script type=\"application/json\" class=\"factor-data\">{\"id\":"
                + "\"lr-chart\",\"title\":\"lr \\u003csweep\\u003e \\u0026 loss\",\"xAxis\":"
                + "\"lr\",\"labels\":[\"1e-05\",\"1e-04\",\"0.001\",\"0.01\",\"0.1\"],"
                + "\"xs\":[1.0E-5,1.0E-4,0.001,0.01,0.1],\"log\":true,\"panels\":[{\"title\":"
                + "\"Final validation accuracy\",\"axis\":\"accuracy\",\"series\":[{\"name\":"
                + "\"validation accuracy\",\"mean\":[0.9,0.96,0.98,0.97,null],")
        .contains("\"xs\":[],\"log\":false")
        .contains(
            "<script type=\"application/json\" class=\"heatmap-data\">{\"id\":\"grid\","
                + "\"title\":\"Mean validation accuracy \\u003clr x batch\\u003e\",\"rowAxis\":"
                + "\"lr\",\"columnAxis\":\"batch_size\",\"rows\":[\"1e-4\",\"1e-3\",\"1e-2\"],"
                + "\"columns\":[\"16\",\"256\"],\"values\":[[0.971,0.931],[0.951,0.976],"
                + "[null,0.961]],\"cells\":[[\"0.9710\",\"0.9310\"],[\"0.9510\",\"0.9760\"],"
                + "[\"diverged\",\"0.9610\"]]}</script>")
        .contains("echarts.init(")
        .doesNotContain("class=\"curves-data\"");
  }

  @Test
  void drawsTheFactorChartsAndHeatmapInARealBrowserWithoutErrors() throws Exception {
    assumeTrue(Files.isExecutable(CHROMIUM), "Chromium is not installed at " + CHROMIUM);
    Path page = sweepPage();
    Path shot = dir.resolve("shot.png");

    Path stderr = chromium(page, "--screenshot=" + shot);
    String log = Files.readString(stderr);
    assertThat(log).doesNotContain("Uncaught").doesNotContain("[ECharts]");
    assertThat(colouredPixels(ImageIO.read(shot.toFile()))).isGreaterThan(1000);

    chromium(page, "--dump-dom");
    String dom = Files.readString(dir.resolve("chromium.out"));
    assertThat(Pattern.compile("<canvas").matcher(dom).results().count())
        .as("a canvas per panel and one for the heatmap")
        .isEqualTo(4);
  }

  /** Runs headless Chromium on {@code page}; returns its stderr (stdout goes to chromium.out). */
  private Path chromium(Path page, String mode) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                CHROMIUM.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--no-first-run",
                "--enable-logging=stderr",
                "--user-data-dir=" + dir.resolve("profile"),
                "--window-size=1200,900",
                "--virtual-time-budget=5000",
                mode,
                page.toUri().toString()));
    Path stderr = dir.resolve("chromium.err");
    Process process =
        new ProcessBuilder(command)
            .redirectOutput(dir.resolve("chromium.out").toFile())
            .redirectError(stderr.toFile())
            .start();
    if (!process.waitFor(90, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("Chromium did not finish within 90 s");
    }
    assertThat(process.exitValue()).as(Files.readString(stderr, StandardCharsets.UTF_8)).isZero();
    return stderr;
  }

  /** Counts clearly coloured pixels: chart lines and bands, not black text or grey axes. */
  private static long colouredPixels(BufferedImage image) {
    long count = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int rgb = image.getRGB(x, y);
        int r = (rgb >> 16) & 0xff;
        int g = (rgb >> 8) & 0xff;
        int b = rgb & 0xff;
        if (Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 60) {
          count++;
        }
      }
    }
    return count;
  }

  @Test
  void inlinesEachSearchChartAsAFigureWithItsJsonAndTheSearchScript() throws Exception {
    List<Block> blocks = new java.util.ArrayList<>(List.of(new Block.Heading(1, "Search")));
    blocks.addAll(SearchFixtures.charts());
    String html = new HtmlRenderer().render(blocks, "search");
    for (Block.SearchChart chart : SearchFixtures.charts()) {
      assertThat(html)
          .contains("<figure class=\"search\" id=\"chart-" + chart.id() + "\">")
          .contains(SearchJson.of(chart));
    }
    assertThat(html).contains("window.mnistSearch").contains("echarts");
  }
}
