package dev.mnistlab.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTextTest {
  @Test
  void escapesMarkupAndQuotes() {
    assertThat(HtmlText.escape("<a href=\"x\">'&'</a>"))
        .isEqualTo("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  }

  @Test
  void leavesPlainTextAndNonAsciiAlone() {
    String text = "accuracy 97.8% \u00b1 0.2 \u2014 ok";

    assertThat(HtmlText.escape(text)).isEqualTo(text);
  }
}
