package dev.mnistlab.report;

import dev.mnistlab.analysis.LearningCurves;
import java.util.List;

/**
 * Is one piece of a report, which each renderer (terminal, Markdown, HTML) draws its own way.
 * Analysis code builds a list of blocks; renderers never compute anything.
 */
public sealed interface Block {
  /** A section title; level 1 is the report's title. */
  record Heading(int level, String text) implements Block {}

  /** A paragraph of plain text. */
  record Paragraph(String text) implements Block {}

  /** A bulleted list of plain-text items. */
  record Bullets(List<String> items) implements Block {
    public Bullets {
      items = List.copyOf(items);
    }
  }

  /** A table of plain-text cells; numeric columns are right-aligned on the terminal. */
  record Table(List<String> header, List<List<String>> rows) implements Block {
    public Table {
      header = List.copyOf(header);
      rows = rows.stream().map(List::copyOf).toList();
    }
  }

  /**
   * A chart of learning curves: one panel per metric (training loss, validation loss,
   * validation accuracy) with a mean line and a 95% band per trial. One trial per chart for
   * a trial's own curves; several for an overlay.
   */
  record CurvesChart(String id, String title, List<LearningCurves> trials) implements Block {
    public CurvesChart {
      trials = List.copyOf(trials);
    }
  }
}
