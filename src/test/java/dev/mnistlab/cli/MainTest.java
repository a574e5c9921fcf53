package dev.mnistlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MainTest {
  @Test
  void rejectsUnknownFlagWithOneLineNamingIt() {
    CliRun run = CliRun.of("train", "--bogus");

    assertThat(run.badInputLine())
        .isEqualTo("mnist-lab train: Unknown option: '--bogus' (see 'mnist-lab train --help')");
  }

  @Test
  void rejectsValueOfTheWrongTypeWithOneLineNamingIt() {
    CliRun run = CliRun.of("train", "--lr", "abc");

    assertThat(run.badInputLine()).isEqualTo("mnist-lab train: Invalid value for option "
        + "'--lr': 'abc' is not a double (see 'mnist-lab train --help')");
  }

  @Test
  void rejectsUnknownSubcommandWithOneLineNamingIt() {
    CliRun run = CliRun.of("trian");

    assertThat(run.badInputLine()).contains("'trian'");
  }

  @Test
  void printsVersionAndExitsZero() {
    CliRun run = CliRun.of("--version");

    assertThat(run.code()).isZero();
    assertThat(run.outLines()).singleElement().asString().startsWith("mnist-lab ");
  }
}
