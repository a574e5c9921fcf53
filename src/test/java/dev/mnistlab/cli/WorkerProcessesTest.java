package dev.mnistlab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.mnistlab.storage.PostgresServer;
import dev.mnistlab.storage.Storage;
import dev.mnistlab.storage.Storages;
import dev.mnistlab.storage.StudyRecord;
import dev.mnistlab.storage.TrialRecord;
import dev.mnistlab.storage.TrialState;
import dev.mnistlab.study.TrialFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code mnist-lab worker} as separate processes on one storage, kills them and interrupts
 * them, and checks that every trial ran exactly once and none was left behind.
 */
@Tag("slow")
class WorkerProcessesTest {
  private static final Pattern CLAIMED = Pattern.compile("(?m)^claimed trial (\\d+) ");
  private static final Pattern WORKER_ID = Pattern.compile("(?m)^worker (\\S+) serving ");

  /** Trains for far longer than any test waits: a trial that is surely running. */
  private static final int LONG_EPOCHS = 100_000;

  @TempDir Path tmp;
  private Path data;
  private final List<Process> started = new ArrayList<>();

  @BeforeEach
  void writeData() {
    data = SyntheticMnist.write(tmp.resolve("data"));
  }

  @AfterEach
  void killLeftovers() {
    for (Process p : started) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
    }
  }

  @Test
  @Timeout(240)
  void fourWorkerProcessesOnOneSqliteFileRunEachTrialExactlyOnce() throws Exception {
    runsEachTrialExactlyOnce("sqlite:" + tmp.resolve("studies.db"), 40);
  }

  @Test
  @Timeout(200)
  void fourWorkerProcessesOnOnePostgresDatabaseRunEachTrialExactlyOnce() throws Exception {
    runsEachTrialExactlyOnce(PostgresServer.shared().freshDatabaseUrl(), 20);
  }

  private void runsEachTrialExactlyOnce(String url, int count) throws Exception {
    try (Storage storage = Storages.open(url)) {
      TrialFixtures.enqueue(
          storage, TrialFixtures.study(storage, "s"), count, TrialFixtures.tiny());
    }
    List<Process> workers = new ArrayList<>();
    for (int w = 0; w < 4; w++) {
      workers.add(
          startWorker(url, "w" + w, "--parallel", "1", "--heartbeat", "1", "--grace", "60"));
    }
    for (Process worker : workers) {
      assertThat(worker.waitFor(180, TimeUnit.SECONDS)).as("worker ended").isTrue();
    }

    Map<Integer, String> claimedBy = new TreeMap<>();
    for (int w = 0; w < workers.size(); w++) {
      String err = read("w" + w + ".err");
      String out = read("w" + w + ".out");
      assertThat(workers.get(w).exitValue()).as("w%d exit code; stderr:%n%s", w, err).isZero();
      assertThat(err + out)
          .doesNotContainIgnoringCase("database is locked")
          .doesNotContain("Exception");
      assertThat(out).startsWith("done with study s: ");
      Matcher id = WORKER_ID.matcher(err);
      assertThat(id.find()).as("w%d names itself:%n%s", w, err).isTrue();
      Matcher claimed = CLAIMED.matcher(err);
      while (claimed.find()) {
        String before = claimedBy.put(Integer.parseInt(claimed.group(1)), id.group(1));
        assertThat(before).as("trial %s claimed twice", claimed.group(1)).isNull();
      }
    }
    assertThat(claimedBy.keySet())
        .containsExactlyElementsOf(IntStream.range(0, count).boxed().toList());
    try (Storage storage = Storages.open(url)) {
      for (TrialRecord t : trials(storage)) {
        assertThat(t.state())
            .as("trial %d: %s", t.number(), t.reason())
            .isEqualTo(TrialState.COMPLETE);
        assertThat(t.attempts()).as("trial %d attempts", t.number()).isEqualTo(1);
        assertThat(t.workerId())
            .as("trial %d's worker", t.number())
            .isEqualTo(claimedBy.get(t.number()));
      }
    }
  }

  @Test
  @Timeout(180)
  void aKilledWorkersTrialIsRunAgainByAnotherAndItsTrainingProcessEnds() throws Exception {
    String url = "sqlite:" + tmp.resolve("studies.db");
    try (Storage storage = Storages.open(url)) {
      StudyRecord study = TrialFixtures.study(storage, "s");
      TrialFixtures.enqueue(storage, study, 1, TrialFixtures.tiny(1500));
      TrialFixtures.enqueue(storage, study, 2, TrialFixtures.tiny());
    }
    Process first =
        startWorker(url, "first", "--parallel", "1", "--heartbeat", "1", "--grace", "3");
    ProcessHandle training = awaitRunningTrial(url, first);

    first.destroyForcibly();
    assertThat(first.waitFor(10, TimeUnit.SECONDS)).isTrue();

    // Orphaned, the training process halts itself instead of training on for no one.
    assertThat(training.onExit().get(10, TimeUnit.SECONDS).isAlive()).isFalse();
    Process second =
        startWorker(url, "second", "--parallel", "1", "--heartbeat", "1", "--grace", "3");
    assertThat(second.waitFor(150, TimeUnit.SECONDS)).isTrue();
    String err = read("second.err");
    assertThat(second.exitValue()).as("stderr:%n%s", err).isZero();
    assertThat(err).contains("recovered trial 0 (t0): WAITING");
    assertThat(claimed(read("first.err"))).containsExactly(0);
    assertThat(claimed(err)).containsExactly(0, 1, 2);
    try (Storage storage = Storages.open(url)) {
      List<TrialRecord> trials = trials(storage);
      assertThat(trials).extracting(TrialRecord::state).containsOnly(TrialState.COMPLETE);
      assertThat(trials).extracting(TrialRecord::attempts).containsExactly(2, 1, 1);
    }
  }

  @Test
  @Timeout(120)
  void sigtermQueuesTheRunningTrialAgainAndEndsItsTrainingProcess() throws Exception {
    String url = "sqlite:" + tmp.resolve("studies.db");
    try (Storage storage = Storages.open(url)) {
      TrialFixtures.enqueue(
          storage, TrialFixtures.study(storage, "s"), 1, TrialFixtures.tiny(LONG_EPOCHS));
    }
    Process worker = startWorker(url, "w", "--parallel", "1");
    ProcessHandle training = awaitRunningTrial(url, worker);

    worker.destroy();

    assertThat(worker.waitFor(30, TimeUnit.SECONDS)).as("worker ended").isTrue();
    assertThat(training.onExit().get(10, TimeUnit.SECONDS).isAlive()).isFalse();
    assertThat(read("w.err")).contains("released trial 0 (t0)");
    assertThat(read("w.out")).startsWith("stopped on study s: 0 trial(s) finished, 1 released");
    try (Storage storage = Storages.open(url)) {
      TrialRecord trial = trials(storage).get(0);
      assertThat(trial.state()).isEqualTo(TrialState.WAITING);
      assertThat(trial.reason()).isEqualTo("worker stopped");
    }
  }

  @Test
  @Timeout(120)
  void ctrlCOnTheWholeProcessGroupQueuesTheTrialAgainRatherThanFailingIt() throws Exception {
    // A command started with & by a shell without job control ignores SIGINT, and so does
    // every process it starts: a worker started from such a test run cannot get Ctrl-C.
    assumeFalse(
        ignoresSigint(ProcessHandle.current()),
        "SIGINT is ignored by this test run (started in the background), so by the worker too");
    String url = "sqlite:" + tmp.resolve("studies.db");
    try (Storage storage = Storages.open(url)) {
      TrialFixtures.enqueue(
          storage, TrialFixtures.study(storage, "s"), 1, TrialFixtures.tiny(LONG_EPOCHS));
    }
    Process worker = startWorker(url, "w", "--parallel", "1");
    ProcessHandle training = awaitRunningTrial(url, worker);
    // The trial is RUNNING from its claim on, before its training JVM has started far enough
    // to ignore SIGINT; a Ctrl-C in that window is another case than this test's.
    awaitTrue(() -> ignoresSigint(training));

    // A terminal's Ctrl-C sends SIGINT to the worker and its training process at once.
    Process kill =
        new ProcessBuilder(
                "kill", "-INT", String.valueOf(worker.pid()), String.valueOf(training.pid()))
            .inheritIO()
            .start();
    assertThat(kill.waitFor()).isZero();

    assertThat(worker.waitFor(60, TimeUnit.SECONDS)).as("worker ended").isTrue();
    assertThat(training.onExit().get(10, TimeUnit.SECONDS).isAlive()).isFalse();
    try (Storage storage = Storages.open(url)) {
      TrialRecord trial = trials(storage).get(0);
      assertThat(trial.state()).as("stderr:%n%s", read("w.err")).isEqualTo(TrialState.WAITING);
      assertThat(trial.reason()).isEqualTo("worker stopped");
    }
  }

  private Process startWorker(String url, String name, String... flags) throws IOException {
    List<String> command = new ArrayList<>(TrialFixtures.javaCommand());
    command.addAll(
        List.of("worker", "--study", "s", "--storage", url, "--data-dir", data.toString()));
    command.addAll(List.of(flags));
    Process process =
        new ProcessBuilder(command)
            .redirectOutput(tmp.resolve(name + ".out").toFile())
            .redirectError(tmp.resolve(name + ".err").toFile())
            .start();
    started.add(process);
    return process;
  }

  /** Waits until {@code worker} holds a running trial and returns its training process. */
  private static ProcessHandle awaitRunningTrial(String url, Process worker)
      throws InterruptedException {
    try (Storage storage = Storages.open(url)) {
      awaitTrue(() -> trials(storage).stream().anyMatch(t -> t.state() == TrialState.RUNNING));
    }
    awaitTrue(() -> worker.descendants().findAny().isPresent());
    return worker.descendants().findFirst().orElseThrow();
  }

  /** Whether the process has set SIGINT (signal 2) to be ignored, from Linux's SigIgn mask. */
  private static boolean ignoresSigint(ProcessHandle process) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", process.pid() + "", "status"))) {
        if (line.startsWith("SigIgn:")) {
          return (Long.parseUnsignedLong(line.substring(7).trim(), 16) & 0x2) != 0;
        }
      }
      return false;
    } catch (IOException e) {
      return false; // gone or not readable yet: the caller's wait decides
    }
  }

  private static void awaitTrue(java.util.function.BooleanSupplier condition)
      throws InterruptedException {
    for (int i = 0; i < 600; i++) {
      if (condition.getAsBoolean()) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("condition not met within 60 s");
  }

  private static List<TrialRecord> trials(Storage storage) {
    return storage.trials(storage.findStudy("s").orElseThrow().id(), false);
  }

  private static List<Integer> claimed(String log) {
    List<Integer> numbers = new ArrayList<>();
    Matcher m = CLAIMED.matcher(log);
    while (m.find()) {
      numbers.add(Integer.parseInt(m.group(1)));
    }
    return numbers;
  }

  private String read(String name) throws IOException {
    return Files.readString(tmp.resolve(name));
  }
}
