package dev.mnistlab.data;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.zip.GZIPInputStream;

/**
 * Downloads the {@code .gz} MNIST files from one HTTPS mirror.
 *
 * <p>Timeouts are short because a machine without internet must fall through to the next source in
 * seconds, not hang. After a connection-level failure the mirror is treated as down for the rest of
 * the fetch, so four files do not cost four timeouts.
 */
final class MirrorSource implements FileSource {
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
  static final Duration READ_TIMEOUT = Duration.ofSeconds(20);

  private final String baseUrl;
  private final HttpClient client;
  private String downReason;

  MirrorSource(String baseUrl) {
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
  }

  @Override
  public String origin(MnistFile file) {
    return baseUrl + file.fileName() + ".gz";
  }

  @Override
  public byte[] read(MnistFile file) throws IOException {
    if (downReason != null) {
      throw new IOException(downReason);
    }
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(origin(file))).timeout(READ_TIMEOUT).GET().build();
    HttpResponse<byte[]> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      downReason = "mirror " + baseUrl + " did not answer (" + why(e) + ")";
      throw new IOException(downReason, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while downloading " + origin(file), e);
    }
    if (response.statusCode() != 200) {
      throw new IOException("mirror " + origin(file) + " answered HTTP " + response.statusCode());
    }
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(response.body()))) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new IOException("mirror " + origin(file) + " sent bad gzip data: " + e.getMessage(), e);
    }
  }

  /** Says why a connection failed as a person would, without the exception's class. */
  private static String why(IOException e) {
    if (e instanceof java.net.ConnectException) {
      return "no connection";
    }
    if (e instanceof java.net.UnknownHostException) {
      return "unknown host";
    }
    if (e instanceof java.net.http.HttpTimeoutException) {
      return "timed out";
    }
    return e.getMessage() == null ? "network error" : e.getMessage();
  }
}
