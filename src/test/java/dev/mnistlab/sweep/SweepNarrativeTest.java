package dev.mnistlab.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mnistlab.analysis.FactorEffect;
import dev.mnistlab.analysis.FactorLevel;
import dev.mnistlab.analysis.TrialRuns;
import dev.mnistlab.report.Block;
import dev.mnistlab.report.ReportWriter;
import dev.mnistlab.report.TerminalRenderer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepNarrativeTest {
  @TempDir Path dir;

  @BeforeAll
  static void headless() {
    System.setProperty("java.awt.headless", "true");
  }

  private static List<Block> full(int repeats, boolean quick) {
    return SweepNarrative.blocks(
        "Sweep around trial 7",
        quick,
        List.of(
            SweepFixtures.lr(repeats),
            SweepFixtures.batch(repeats),
            SweepFixtures.optimizer(repeats)),
        SweepFixtures.epochs(repeats),
        SweepFixtures.grid(repeats),
        SweepFixtures.BASE);
  }

  private static <T extends Block> List<T> all(List<Block> blocks, Class<T> type) {
    return blocks.stream().filter(type::isInstance).map(type::cast).toList();
  }

  private static List<Block> section(List<Block> blocks, String heading) {
    int start = -1;
    for (int i = 0; i < blocks.size(); i++) {
      if (blocks.get(i) instanceof Block.Heading h && h.level() == 2) {
        if (start >= 0) {
          return blocks.subList(start, i);
        }
        if (h.text().equals(heading)) {
          start = i;
        }
      }
    }
    return start < 0 ? List.of() : blocks.subList(start, blocks.size());
  }

  @Test
  void givesEachFactorATableAChartTheOverlaidCurvesAndFindings() {
    List<Block> lr = section(full(3, false), "Factor: lr");

    assertThat(lr)
        .extracting(b -> b.getClass().getSimpleName())
        .containsExactly("Heading", "Paragraph", "Table", "FactorChart", "CurvesChart", "Bullets");
    assertThat(((Block.Paragraph) lr.get(1)).text())
        .isEqualTo("lr takes 5 value(s) on a log grid: 1e-5, 1e-4, 1e-3, 1e-2, 1e-1.");
    Block.Table table = (Block.Table) lr.get(2);
    assertThat(table.header())
        .containsExactly(
            "lr",
            "runs",
            "diverged",
            "final val accuracy [95%]",
            "vs best",
            "final train loss",
            "final val loss",
            "best epoch (val loss)",
            "seconds");
    assertThat(table.rows().get(2)).startsWith("1e-3", "3", "0").contains("best");
    assertThat(table.rows().get(4)).startsWith("1e-1", "3", "3 (step ~40)", "-", "no result");
    Block.FactorChart chart = (Block.FactorChart) lr.get(3);
    assertThat(chart.logX()).isTrue();
    assertThat(chart.xs()).containsExactly(1e-5, 1e-4, 1e-3, 1e-2, 1e-1);
    assertThat(chart.panels())
        .extracting(Block.FactorChart.Panel::title)
        .containsExactly("Final validation accuracy", "Final loss");
    Block.CurvesChart curves = (Block.CurvesChart) lr.get(4);
    assertThat(curves.trials())
        .extracting(c -> c.trial())
        .containsExactly("lr 1e-5", "lr 1e-4", "lr 1e-3", "lr 1e-2");
    assertThat(((Block.Bullets) lr.get(5)).items())
        .contains("lr 1e-1: diverged in 3 of 3 seeds at step ~40.")
        .anySatisfy(i -> assertThat(i).startsWith("Best lr: 1e-3, final validation accuracy "))
        .anySatisfy(
            i ->
                assertThat(i)
                    .startsWith("Within seed noise of it (Welch p >= 0.05): " + "lr 1e-2 ("));
  }

  @Test
  void drawsACategoricalFactorWithoutNumbersOnItsAxis() {
    Block.FactorChart chart =
        all(section(full(3, false), "Factor: optimizer"), Block.FactorChart.class).get(0);

    assertThat(chart.numeric()).isFalse();
    assertThat(chart.labels()).containsExactly("adam", "sgd");
  }

  @Test
  void readsTheEpochCountFromTheCurvesWithAPerEpochTable() {
    List<Block> epochs = section(full(3, false), "Epochs");

    Block.Table table = all(epochs, Block.Table.class).get(0);
    assertThat(table.rows()).hasSize(20);
    assertThat(table.rows().get(0).get(4)).isEqualTo("no");
    assertThat(all(epochs, Block.CurvesChart.class)).hasSize(1);
    assertThat(all(epochs, Block.Bullets.class).get(0).items())
        .anySatisfy(i -> assertThat(i).startsWith("Validation accuracy reaches 0.98"))
        .anySatisfy(i -> assertThat(i).startsWith("Validation loss is lowest at epoch 5"));
  }

  @Test
  void drawsTheGridAsAHeatmapWithTheScalingCheck() {
    List<Block> grid = section(full(3, false), "Grid: lr x batch_size");

    Block.Heatmap heatmap = all(grid, Block.Heatmap.class).get(0);
    assertThat(heatmap.rows()).containsExactly("1e-4", "1e-3");
    assertThat(heatmap.columns()).containsExactly("16", "256");
    assertThat(heatmap.cells().get(0)).containsExactly("0.9800", "0.9500");
    assertThat(all(grid, Block.Bullets.class).get(0).items())
        .anySatisfy(
            i ->
                assertThat(i)
                    .startsWith(
                        "The best lr grows with batch_size: from 1e-4 at 16 to 1e-3 at 256, x1.78 "
                            + "per doubling"));
  }

  @Test
  void explainsMiniBatchNoiseForTheBatchSizeAndTheOptimizer() {
    List<Block> noise = section(full(3, false), "Mini-batch noise");

    assertThat(all(noise, Block.Heading.class))
        .extracting(Block.Heading::text)
        .containsExactly("Mini-batch noise", "Noise by batch_size", "Noise by optimizer");
    Block.FactorChart batch = all(noise, Block.FactorChart.class).get(0);
    assertThat(batch.logX()).isTrue();
    assertThat(all(noise, Block.Bullets.class).get(0).items())
        .anySatisfy(
            i ->
                assertThat(i)
                    .startsWith(
                        "From batch size 16 to 1024 (64x the batch), the step-loss sd goes from"));
    assertThat(all(noise, Block.Bullets.class).get(1).items())
        .anySatisfy(
            i -> assertThat(i).startsWith("Relative to its loss, the noisiest optimizer is sgd"));
  }

  @Test
  void saysSoWhenNoFactorChangesTheBatchOrTheOptimizer() {
    List<Block> blocks =
        SweepNarrative.blocks(
            "Sweep", false, List.of(SweepFixtures.lr(3)), null, null, SweepFixtures.BASE);

    assertThat(section(blocks, "Epochs")).isEmpty();
    assertThat(all(section(blocks, "Mini-batch noise"), Block.Paragraph.class))
        .extracting(Block.Paragraph::text)
        .contains(
            "No swept factor changes the batch size "
                + "or the optimizer, so there is no comparison of mini-batch noise.");
  }

  @Test
  void labelsAQuickSweepInItsTitleIntroAndEveryChartAndClaimsNoNoise() {
    List<Block> blocks = full(1, true);

    assertThat(((Block.Heading) blocks.get(0)).text()).isEqualTo("Sweep around trial 7 (QUICK)");
    assertThat(((Block.Paragraph) blocks.get(1)).text())
        .startsWith(
            "QUICK SWEEP: fewer "
                + "values, one run per value and all training images, for a first look.");
    Stream.of(
            all(blocks, Block.FactorChart.class).stream().map(Block.FactorChart::title),
            all(blocks, Block.CurvesChart.class).stream().map(Block.CurvesChart::title),
            all(blocks, Block.Heatmap.class).stream().map(Block.Heatmap::title))
        .flatMap(s -> s)
        .forEach(title -> assertThat(title).endsWith("(QUICK)"));
    assertThat(
            all(blocks, Block.FactorChart.class).stream()
                .flatMap(c -> c.panels().stream())
                .map(Block.FactorChart.Panel::title))
        .allSatisfy(title -> assertThat(title).endsWith("(QUICK)"));
    List<String> findings =
        all(blocks, Block.Bullets.class).stream().flatMap(b -> b.items().stream()).toList();
    assertThat(findings)
        .contains(
            "One run per value: noise cannot be measured, so no value "
                + "can be called better or worse than another; the ranking is of single runs.",
            "One run: noise cannot be measured, so no epoch can be called within seed noise of the "
                + "best.");
    assertThat(findings).noneMatch(f -> f.contains("Within seed noise of it"));
  }

  @Test
  void rendersOnTheTerminalWithItsNumbersAndWritesEveryChartAsAPng() throws Exception {
    List<Block> blocks = full(3, false);
    StringWriter text = new StringWriter();
    new TerminalRenderer().render(blocks, new PrintWriter(text));

    assertThat(text.toString())
        .contains(
            "Factor: lr",
            "3 (step ~40)",
            "no result",
            "lr 1e-1: diverged in 3 of 3 seeds at step ~40.",
            "lr \\ batch_size",
            "Noise by batch_size");

    ReportWriter.writeAll(blocks, dir, "sweep");
    String markdown = Files.readString(dir.resolve("sweep.md"));
    List<String> charts =
        Stream.of(
                all(blocks, Block.FactorChart.class).stream().map(Block.FactorChart::id),
                all(blocks, Block.CurvesChart.class).stream().map(Block.CurvesChart::id),
                all(blocks, Block.Heatmap.class).stream().map(Block.Heatmap::id))
            .flatMap(s -> s)
            .toList();
    assertThat(charts).hasSize(10).doesNotHaveDuplicates();
    for (String id : charts) {
      assertThat(ImageIO.read(dir.resolve(id + ".png").toFile())).as(id).isNotNull();
      assertThat(markdown).contains("](" + id + ".png)");
    }
    assertThat(Files.readString(dir.resolve("sweep.html")))
        .contains("class=\"factor-data\"", "class=\"heatmap-data\"", "class=\"curves-data\"");
  }

  @Test
  void reportsAndDrawsAFactorWhoseEveryRunDiverged() throws Exception {
    TrialRuns blown =
        new TrialRuns(
            "lr 1e-1",
            SweepFixtures.BASE,
            List.of(
                SweepFixtures.diverged(SweepFixtures.BASE, 40),
                SweepFixtures.diverged(SweepFixtures.BASE, 40)),
            null,
            null);
    FactorEffect lr = FactorEffect.of("lr", List.of(new FactorLevel("1e-1", 0.1, blown)), true);

    List<Block> blocks =
        SweepNarrative.blocks("Sweep", false, List.of(lr), null, null, SweepFixtures.BASE);
    ReportWriter.writeAll(blocks, dir, "sweep");

    assertThat(all(blocks, Block.Bullets.class).get(0).items())
        .containsExactly(
            "No value of lr has a result: every run diverged or failed.",
            "lr 1e-1: diverged in 2 of 2 seeds at step 40.");
    assertThat(ImageIO.read(dir.resolve("factor-lr.png").toFile())).isNotNull();
    assertThat(ImageIO.read(dir.resolve("curves-lr.png").toFile())).isNotNull();
  }
}
