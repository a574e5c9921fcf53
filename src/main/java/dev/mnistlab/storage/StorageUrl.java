package dev.mnistlab.storage;

import dev.mnistlab.InvalidInputException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Holds a parsed {@code --storage} value: an SQLite file or a PostgreSQL database.
 *
 * <p>{@link #toString()} is the canonical form without the password, safe for messages and logs.
 *
 * @param kind which database
 * @param path the SQLite file as the user wrote it; null for PostgreSQL
 * @param host the PostgreSQL server's host; null for SQLite
 * @param port the PostgreSQL server's TCP port; 0 for SQLite
 * @param database the PostgreSQL database's name; null for SQLite
 * @param user the PostgreSQL role; null for SQLite
 * @param password the PostgreSQL password, or null when none was given (yet)
 * @param options further PostgreSQL JDBC properties from the URL's query, e.g. sslmode
 */
record StorageUrl(
    Kind kind,
    String path,
    String host,
    int port,
    String database,
    String user,
    String password,
    Map<String, String> options) {

  /** Names the two databases a storage can live in. */
  enum Kind {
    SQLITE,
    POSTGRESQL
  }

  static final int DEFAULT_PORT = 5432;

  static final String FORMS =
      "sqlite:PATH, jdbc:sqlite:PATH, "
          + "postgresql://user[:password]@host[:port]/db (or postgres://...), "
          + "jdbc:postgresql://host[:port]/db?user=..&password=..";

  StorageUrl {
    Objects.requireNonNull(kind, "kind");
    options = Map.copyOf(options);
    if (kind == Kind.SQLITE) {
      Objects.requireNonNull(path, "path");
    } else {
      Objects.requireNonNull(host, "host");
      Objects.requireNonNull(database, "database");
      Objects.requireNonNull(user, "user");
    }
  }

  /**
   * Parses one of the forms in {@link #FORMS}; a PostgreSQL URL without a user gets the OS user's
   * name, without a port 5432.
   */
  static StorageUrl parse(String url) {
    Objects.requireNonNull(url, "url");
    String text = url.strip();
    if (text.startsWith("jdbc:sqlite:")) {
      return sqlite(url, text.substring("jdbc:sqlite:".length()));
    }
    if (text.startsWith("sqlite:")) {
      return sqlite(url, text.substring("sqlite:".length()));
    }
    for (String scheme : new String[] {"jdbc:postgresql://", "postgresql://", "postgres://"}) {
      if (text.startsWith(scheme)) {
        return postgres(url, text.substring(scheme.length()));
      }
    }
    throw bad(url, "is not one of " + FORMS);
  }

  /** Returns a copy with {@code newPassword}. */
  StorageUrl withPassword(String newPassword) {
    return new StorageUrl(kind, path, host, port, database, user, newPassword, options);
  }

  /** Returns the SQLite file, with a leading {@code ~/} taken as the home directory. */
  Path file() {
    if (path.startsWith("~/")) {
      return Path.of(System.getProperty("user.home"), path.substring(2));
    }
    return Path.of(path);
  }

  /** Returns {@code host:port}, for messages. */
  String server() {
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
  }

  @Override
  public String toString() {
    return kind == Kind.SQLITE
        ? "sqlite:" + path
        : "postgresql://" + user + "@" + server() + "/" + database;
  }

  /** Returns {@code url} with any password replaced by {@code ***}, for error messages. */
  static String redact(String url) {
    return url.replaceAll("(//[^/@:]*):[^@]*@", "$1:***@")
        .replaceAll("(?i)(password=)[^&]*", "$1***");
  }

  private static StorageUrl sqlite(String url, String path) {
    if (path.isBlank()) {
      throw bad(url, "has no file path; give e.g. sqlite:./mnist-lab.db");
    }
    return new StorageUrl(Kind.SQLITE, path, null, 0, null, null, null, Map.of());
  }

  private static StorageUrl postgres(String url, String rest) {
    int slash = rest.indexOf('/');
    int question = rest.indexOf('?');
    if (slash < 0 || (question >= 0 && question < slash)) {
      throw bad(url, "has no database name; give e.g. postgresql://user@host:5432/db");
    }
    String authority = rest.substring(0, slash);
    String pathAndQuery = rest.substring(slash + 1);
    int at = authority.lastIndexOf('@');
    String userInfo = at >= 0 ? authority.substring(0, at) : null;
    String hostPort = authority.substring(at + 1);

    String user = null;
    String password = null;
    if (userInfo != null) {
      int colon = userInfo.indexOf(':');
      user = decode(url, colon >= 0 ? userInfo.substring(0, colon) : userInfo, "user");
      password = colon >= 0 ? decode(url, userInfo.substring(colon + 1), "password") : null;
    }

    String host;
    String portText = null;
    if (hostPort.startsWith("[")) {
      int close = hostPort.indexOf(']');
      if (close < 0) {
        throw bad(url, "has an IPv6 host without its closing ']'");
      }
      host = hostPort.substring(1, close);
      String after = hostPort.substring(close + 1);
      if (after.startsWith(":")) {
        portText = after.substring(1);
      } else if (!after.isEmpty()) {
        throw bad(url, "has '" + after + "' after its host");
      }
    } else {
      int colon = hostPort.lastIndexOf(':');
      host = colon >= 0 ? hostPort.substring(0, colon) : hostPort;
      portText = colon >= 0 ? hostPort.substring(colon + 1) : null;
    }
    if (host.isEmpty()) {
      host = "localhost";
    }
    int port = portText == null || portText.isEmpty() ? DEFAULT_PORT : port(url, portText);

    int q = pathAndQuery.indexOf('?');
    String database =
        decode(url, q >= 0 ? pathAndQuery.substring(0, q) : pathAndQuery, "database name");
    if (database.isEmpty()) {
      throw bad(url, "has no database name; give e.g. postgresql://user@host:5432/db");
    }
    Map<String, String> options = new LinkedHashMap<>();
    if (q >= 0) {
      for (String pair : pathAndQuery.substring(q + 1).split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int eq = pair.indexOf('=');
        String key = decode(url, eq >= 0 ? pair.substring(0, eq) : pair, "query");
        String value = eq >= 0 ? decode(url, pair.substring(eq + 1), "query") : "";
        switch (key) {
          case "user" -> user = value;
          case "password" -> password = value;
          default -> options.put(key, value);
        }
      }
    }
    if (user == null || user.isEmpty()) {
      user = System.getProperty("user.name");
    }
    return new StorageUrl(Kind.POSTGRESQL, null, host, port, database, user, password, options);
  }

  private static int port(String url, String text) {
    try {
      int port = Integer.parseInt(text);
      if (port >= 1 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // Reported below with the rule.
    }
    throw bad(url, "has port '" + text + "'; a port must be a number from 1 to 65535");
  }

  private static String decode(String url, String text, String what) {
    try {
      return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw bad(url, "has a bad %-escape in its " + what + "; write '%' as %25");
    }
  }

  private static InvalidInputException bad(String url, String problem) {
    return new InvalidInputException("storage URL '" + redact(url) + "' " + problem);
  }
}
