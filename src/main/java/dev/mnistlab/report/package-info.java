/**
 * Draws report {@link dev.mnistlab.report.Block}s for the terminal ({@link
 * dev.mnistlab.report.TerminalRenderer}), as Markdown with PNG charts ({@link
 * dev.mnistlab.report.MarkdownRenderer}) and as one self-contained HTML page with ECharts ({@link
 * dev.mnistlab.report.HtmlRenderer}); {@link dev.mnistlab.report.ReportWriter} writes both files.
 * Renderers compute nothing: analysis code builds the blocks, renderers draw them.
 */
package dev.mnistlab.report;
