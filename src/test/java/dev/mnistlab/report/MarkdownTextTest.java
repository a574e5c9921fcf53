package dev.mnistlab.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownTextTest {
  @Test
  void escapesHtmlAndMarkdownInAName() {
    assertThat(MarkdownText.inline("<script>alert(1)</script> *a* _b_ `c` [d](e) |f| ~g~ $h$ \\"))
        .isEqualTo(
            "&lt;script&gt;alert(1)&lt;/script&gt; \\*a\\* \\_b\\_ \\`c\\` \\[d\\](e) "
                + "\\|f\\| \\~g\\~ \\$h\\$ \\\\");
  }

  @Test
  void joinsLinesSoANameCannotStartABlock() {
    assertThat(MarkdownText.inline("a\n\n# b\r\n- c")).isEqualTo("a # b - c");
  }

  @Test
  void leavesAnUnderscoreInsideAWordAndPlainTextAlone() {
    String text = "batch_size 100: accuracy 97.8% \u00b1 0.2 \u2014 ok (trial 3)";

    assertThat(MarkdownText.inline(text)).isEqualTo(text);
  }

  @Test
  void escapesWhatWouldStartAHeadingListOrRule() {
    assertThat(MarkdownText.block("# a")).isEqualTo("\\# a");
    assertThat(MarkdownText.block("- a")).isEqualTo("\\- a");
    assertThat(MarkdownText.block("+ a")).isEqualTo("\\+ a");
    assertThat(MarkdownText.block("---")).isEqualTo("\\---");
    assertThat(MarkdownText.block("12. a")).isEqualTo("12\\. a");
    assertThat(MarkdownText.block("3) a")).isEqualTo("3\\) a");
    assertThat(MarkdownText.block("0.9712 mean")).isEqualTo("0.9712 mean");
  }

  @Test
  void escapesEveryHashInAHeadingSoNoneIsDroppedAsAClosingSequence() {
    assertThat(MarkdownText.heading("trial #")).isEqualTo("trial \\#");
  }
}
