package dev.mnistlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CsvTest {
  @Test
  void writesAHeaderAndARowPerMapWithEmptyCellsForMissingValues() {
    Map<String, Object> first = new LinkedHashMap<>();
    first.put("a", 1);
    first.put("b", null);
    Map<String, Object> second = Map.of("b", 0.5);

    assertThat(Csv.of(List.of("a", "b"), List.of(first, second)))
        .isEqualTo("a,b\r\n1,\r\n,0.5\r\n");
  }

  @Test
  void quotesCellsWithCommasQuotesAndLineBreaks() {
    assertThat(Csv.cell("linear(8),relu")).isEqualTo("\"linear(8),relu\"");
    assertThat(Csv.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
    assertThat(Csv.cell("two\nlines")).isEqualTo("\"two\nlines\"");
    assertThat(Csv.cell("plain")).isEqualTo("plain");
    assertThat(Csv.cell(null)).isEmpty();
  }
}
