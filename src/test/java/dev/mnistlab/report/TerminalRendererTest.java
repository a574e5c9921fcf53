package dev.mnistlab.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class TerminalRendererTest {
  private static String render(Block... blocks) {
    StringWriter text = new StringWriter();
    new TerminalRenderer().render(List.of(blocks), new PrintWriter(text));
    return text.toString().replace(System.lineSeparator(), "\n");
  }

  @Test
  void alignsTableColumnsAndRightAlignsNumericOnes() {
    String text =
        render(
            new Block.Table(
                List.of("trial", "accuracy", "note"),
                List.of(
                    List.of("trial-3", "0.981", "best"),
                    List.of("trial-12", "0.95 \u00b1 0.01", "—"),
                    List.of("t", "—", "x"))));

    assertThat(text)
        .isEqualTo(
            ""
                + "trial        accuracy  note\n"
                + "--------  -----------  ----\n"
                + "trial-3         0.981  best\n"
                + "trial-12  0.95 \u00b1 0.01  \u2014\n"
                + "t                   \u2014  x\n");
  }

  @Test
  void wrapsParagraphsAtOneHundredColumnsBetweenWords() {
    String words = "lorem ipsum dolor sit amet ".repeat(10).strip();

    String text = render(new Block.Paragraph(words));

    List<String> lines = text.lines().toList();
    assertThat(lines).hasSizeGreaterThan(1);
    assertThat(lines).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(100));
    assertThat(String.join(" ", lines)).isEqualTo(words);
    assertThat(lines.get(0).length()).isGreaterThan(90);
  }

  @Test
  void indentsWrappedBulletsUnderTheirText() {
    String item = "word ".repeat(30).strip();

    List<String> lines = render(new Block.Bullets(List.of(item, "short"))).lines().toList();

    assertThat(lines.get(0)).startsWith("- word");
    assertThat(lines.get(1)).startsWith("  word");
    assertThat(lines).last().isEqualTo("- short");
  }

  @Test
  void underlinesHeadingsAndNamesChartsBetweenBlankLines() {
    String text =
        render(
            new Block.Heading(1, "Study"),
            new Block.Heading(2, "Best"),
            new Block.Heading(3, "Detail"),
            ReportFixtures.chart());

    assertThat(text)
        .isEqualTo(
            "Study\n=====\n\nBest\n----\n\nDetail\n\n"
                + "(chart: Trials 3 & 7 <overlay> \u2014 see the report files)\n");
  }

  @Test
  void keepsAWordLongerThanTheWidthWhole() {
    String word = "x".repeat(120);

    assertThat(TerminalRenderer.lines("a " + word + " b", 100)).containsExactly("a", word, "b");
  }

  @Test
  void drawsAHeatmapAsItsTitleOverATableOfItsCells() {
    String text = render(ReportFixtures.heatmap());

    assertThat(text)
        .isEqualTo(
            ""
                + "Mean validation accuracy <lr x batch>\n"
                + "lr \\ batch_size  16           256\n"
                + "---------------  --------  ------\n"
                + "           1e-4  0.9710    0.9310\n"
                + "           1e-3  0.9510    0.9760\n"
                + "           1e-2  diverged  0.9610\n");
  }

  @Test
  void namesFactorChartsWhoseNumbersAreInTheTableBeside() {
    assertThat(render(ReportFixtures.factorChart()))
        .isEqualTo("(chart: lr <sweep> & loss \u2014 see the report files)\n");
  }
}
