package dev.mnistlab.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Runs against a server on the loopback interface, so it needs no network. */
class MirrorSourceTest {
  private final byte[] labels = IdxFixtures.labels(5, 0, 4);
  private HttpServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  @Test
  void downloadsAndUnzipsTheGzFile() throws Exception {
    String base = serve("/mnist/train-labels-idx1-ubyte.gz", IdxFixtures.gzip(labels));
    MirrorSource mirror = new MirrorSource(base + "/mnist");

    assertThat(mirror.origin(MnistFile.TRAIN_LABELS))
        .isEqualTo(base + "/mnist/train-labels-idx1-ubyte.gz");
    assertThat(mirror.read(MnistFile.TRAIN_LABELS)).isEqualTo(labels);
  }

  @Test
  void reportsAnHttpErrorForOneFileOnly() throws Exception {
    String base = serve("/mnist/train-labels-idx1-ubyte.gz", IdxFixtures.gzip(labels));
    MirrorSource mirror = new MirrorSource(base + "/mnist/");

    assertThatThrownBy(() -> mirror.read(MnistFile.TEST_LABELS))
        .isInstanceOf(IOException.class)
        .hasMessage("mirror " + base + "/mnist/t10k-labels-idx1-ubyte.gz answered HTTP 404");
    assertThat(mirror.read(MnistFile.TRAIN_LABELS)).isEqualTo(labels);
  }

  @Test
  void treatsAMirrorThatDoesNotAnswerAsDownForLaterFiles() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    MirrorSource mirror = new MirrorSource("http://127.0.0.1:" + port + "/mnist/");

    assertThatThrownBy(() -> mirror.read(MnistFile.TRAIN_IMAGES))
        .hasMessage("mirror http://127.0.0.1:" + port + "/mnist/ did not answer (no connection)")
        .hasCauseInstanceOf(IOException.class);
    // No cause the second time: the mirror was not asked again.
    assertThatThrownBy(() -> mirror.read(MnistFile.TEST_IMAGES))
        .hasMessageStartingWith("mirror http://127.0.0.1:" + port + "/mnist/ did not answer (")
        .hasNoCause();
  }

  private String serve(String path, byte[] body) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          boolean found = exchange.getRequestURI().getPath().equals(path);
          exchange.sendResponseHeaders(found ? 200 : 404, found ? body.length : -1);
          try (OutputStream out = exchange.getResponseBody()) {
            if (found) {
              out.write(body);
            }
          }
        });
    server.start();
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }
}
