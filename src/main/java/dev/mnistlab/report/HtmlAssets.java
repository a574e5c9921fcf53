package dev.mnistlab.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Reads what an HTML report inlines from the classpath: the ECharts library (from its webjar, so
 * the page opens offline), the page's style sheet and its chart scripts.
 */
final class HtmlAssets {
  /** The classpath resource of the ECharts build the page inlines. */
  static final String ECHARTS = "META-INF/resources/webjars/echarts/5.3.1/dist/echarts.min.js";

  private HtmlAssets() {}

  /** Returns the minified ECharts library. */
  static String echarts() {
    return read(ECHARTS);
  }

  /** Returns the page's CSS. */
  static String css() {
    return read("dev/mnistlab/report/report.css");
  }

  /** Returns the script that draws each curves chart from its inline JSON. */
  static String curvesScript() {
    return read("dev/mnistlab/report/curves.js");
  }

  /** Returns the script that draws each factor chart and heatmap from its inline JSON. */
  static String factorScript() {
    return read("dev/mnistlab/report/factors.js");
  }

  /** Returns the script that draws each chart of a search's analysis from its inline JSON. */
  static String searchScript() {
    return read("dev/mnistlab/report/search.js");
  }

  private static String read(String resource) {
    try (InputStream in = HtmlAssets.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(
            "classpath resource "
                + resource
                + " is missing; is the ECharts webjar on the classpath?");
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      // The text goes inside <script> or <style>; a closing tag in it would end the element.
      return text.replace("</script", "<\\/script").replace("</style", "<\\/style");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read classpath resource " + resource, e);
    }
  }
}
