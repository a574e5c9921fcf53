package dev.mnistlab.storage;

import static dev.mnistlab.storage.StorageFixtures.result;

import dev.mnistlab.train.TrainResult;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Gives each {@link StorageContract} test a fresh database and its storage, more storages on the
 * same database (each with its own connection, as separate worker processes have), and plain SQL
 * past the API for what the API cannot do, such as ageing a heartbeat.
 */
abstract class StorageContractBase {
  /** A worker on another machine: only its heartbeat tells whether it is alive. */
  static final String REMOTE = "elsewhere:4242:aaaa1111";

  static final String OTHER = "elsewhere:4343:bbbb2222";

  private String url;
  private final List<Storage> opened = new ArrayList<>();
  Storage storage;

  /** Returns the URL of a new, empty database; called once per test. */
  abstract String freshUrl();

  /** Returns a plain JDBC connection to {@code url}'s database, to reach past the API. */
  abstract Connection rawConnection(String url) throws SQLException;

  @BeforeEach
  void openStorage() {
    url = freshUrl();
    storage = open();
  }

  @AfterEach
  void closeStorages() {
    opened.forEach(Storage::close);
  }

  /** Returns another storage on this test's database, with its own connection. */
  Storage open() {
    Storage s = Storages.open(url, Map.of());
    opened.add(s);
    return s;
  }

  String url() {
    return url;
  }

  /** Runs SQL on this test's database directly. */
  void sql(String statement) throws SQLException {
    try (Connection c = rawConnection(url);
        Statement s = c.createStatement()) {
      s.executeUpdate(statement);
      if (!c.getAutoCommit()) {
        c.commit();
      }
    }
  }

  /** Returns the number a one-number query on this test's database gives. */
  long count(String query) throws SQLException {
    try (Connection c = rawConnection(url);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(query)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** Returns a complete outcome with a small result and {@code value}. */
  static TrialOutcome complete(TrialRecord trial, double value) {
    TrainResult r = result(trial.config(), 3, 50);
    return new TrialOutcome(TrialState.COMPLETE, r.message(), value, r);
  }

  void finishNext(StudyRecord study, TrialState state, double value) {
    TrialRecord t = storage.claim(study.id(), REMOTE).orElseThrow();
    storage.finish(t.id(), REMOTE, new TrialOutcome(state, "because", value, null));
  }
}
