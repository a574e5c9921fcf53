package dev.mnistlab.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MarkdownRendererTest {
  @TempDir Path dir;

  @BeforeAll
  static void headless() {
    System.setProperty("java.awt.headless", "true");
  }

  @Test
  void writesEachBlockTypeAsGitHubMarkdown() throws Exception {
    List<Block> blocks =
        List.of(
            new Block.Heading(1, "Study mnist-small"),
            new Block.Paragraph("Twelve trials, three seeds each."),
            new Block.Bullets(List.of("best: trial-3", "worst: trial-9")),
            new Block.Heading(2, "Trials"),
            new Block.Table(
                List.of("trial", "accuracy", "spec"),
                List.of(List.of("trial-3", "0.981", "a|b"), List.of("trial-9", "0.902", "c\\d"))),
            ReportFixtures.chart());

    new MarkdownRenderer().write(blocks, dir, "report");

    assertThat(Files.readString(dir.resolve("report.md")))
        .isEqualTo(
            ""
                + "# Study mnist-small\n\n"
                + "Twelve trials, three seeds each.\n\n"
                + "- best: trial-3\n"
                + "- worst: trial-9\n\n"
                + "## Trials\n\n"
                + "| trial | accuracy | spec |\n"
                + "| --- | ---: | --- |\n"
                + "| trial-3 | 0.981 | a\\|b |\n"
                + "| trial-9 | 0.902 | c\\\\d |\n\n"
                + "![Trials 3 &amp; 7 &lt;overlay&gt;](curves-overlay.png)\n");
  }

  @Test
  void writesAHostileTrialNameAsPlainTextEverywhere() throws Exception {
    String name = "<script>alert(1)</script> | *x* _y_ `z`\n# not a heading";
    List<Block> blocks =
        List.of(
            new Block.Heading(1, "Study " + name),
            new Block.Paragraph(name + " beat the baseline."),
            new Block.Bullets(List.of(name, "notes: 1. see `paper` | p. 3")),
            new Block.Table(List.of("trial", "accuracy"), List.of(List.of(name, "0.981"))));

    String markdown = new MarkdownRenderer().render(blocks);

    String escaped =
        "&lt;script&gt;alert(1)&lt;/script&gt; \\| \\*x\\* \\_y\\_ \\`z\\` " + "# not a heading";
    assertThat(markdown)
        .isEqualTo(
            ""
                + "# Study "
                + escaped.replace("#", "\\#")
                + "\n\n"
                + escaped
                + " beat the baseline.\n\n"
                + "- "
                + escaped
                + "\n"
                + "- notes: 1. see \\`paper\\` \\| p. 3\n\n"
                + "| trial | accuracy |\n"
                + "| --- | ---: |\n"
                + "| "
                + escaped
                + " | 0.981 |\n");
  }

  @Test
  void drawsEachChartAsAPngOfThreePanels() throws Exception {
    new MarkdownRenderer().write(List.of(ReportFixtures.chart()), dir, "report");

    BufferedImage image = ImageIO.read(dir.resolve("curves-overlay.png").toFile());
    assertThat(image).isNotNull();
    assertThat(image.getWidth()).isEqualTo(1200);
    assertThat(image.getHeight()).isEqualTo(400);
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("report.md", "curves-overlay.png");
    }
  }

  @Test
  void drawsAChartWhoseTrialsHaveNoValidationSplit() throws Exception {
    Block.CurvesChart chart =
        new Block.CurvesChart("solo", "Solo", List.of(ReportFixtures.curves("trial-1", 0, true)));

    new MarkdownRenderer().write(List.of(chart), dir, "report");

    assertThat(ImageIO.read(dir.resolve("solo.png").toFile()).getWidth()).isEqualTo(1200);
  }

  @Test
  void rejectsAChartIdThatCannotNameAFile() {
    Block.CurvesChart chart = new Block.CurvesChart("../x", "X", List.of());

    assertThatThrownBy(() -> new MarkdownRenderer().write(List.of(chart), dir, "report"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("chart id must match [A-Za-z0-9_-]+ (it names a file), got '../x'");
  }

  @Test
  void drawsFactorChartsAndHeatmapsAsLinkedPngs() throws Exception {
    new MarkdownRenderer()
        .write(
            List.of(
                ReportFixtures.factorChart(),
                ReportFixtures.categoricalChart(),
                ReportFixtures.heatmap()),
            dir,
            "sweep");

    assertThat(Files.readString(dir.resolve("sweep.md")))
        .isEqualTo(
            ""
                + "![lr &lt;sweep&gt; &amp; loss](lr-chart.png)\n\n"
                + "![optimizer](optimizer-chart.png)\n\n"
                + "![Mean validation accuracy &lt;lr x batch&gt;](grid.png)\n");
    assertThat(ImageIO.read(dir.resolve("lr-chart.png").toFile()).getWidth()).isEqualTo(800);
    assertThat(ImageIO.read(dir.resolve("optimizer-chart.png").toFile()).getWidth()).isEqualTo(400);
    assertThat(ImageIO.read(dir.resolve("grid.png").toFile()).getHeight()).isEqualTo(360);
  }
}
