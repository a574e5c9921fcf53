package dev.mnistlab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;

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

    assertThat(run.badInputLine())
        .isEqualTo(
            "mnist-lab train: Invalid value for option "
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

  @Test
  void walksNestedCommandsWhenCheckingExamples() {
    assertThat(commandsWithHelp())
        .contains(
            "mnist-lab",
            "mnist-lab train",
            "mnist-lab data fetch",
            "mnist-lab bench storage",
            "mnist-lab study delete");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("commandsWithHelp")
  void endsHelpWithOneOrTwoExamplesOfThatCommand(String command) {
    String usage = find(command).getUsageMessage(Ansi.OFF).stripTrailing();
    List<String> lines = Arrays.asList(usage.split("\\R"));
    int heading = lines.lastIndexOf("Examples:");
    assertThat(heading)
        .as("an 'Examples:' heading in the help of %s:%n%s", command, usage)
        .isPositive();
    List<String> examples = lines.subList(heading + 1, lines.size());

    assertThat(examples)
        .as("examples of %s", command)
        .hasSizeBetween(1, 2)
        .allSatisfy(line -> assertThat(line).startsWith("  mnist-lab "));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("commandsWithHelp")
  void parsesEveryExampleAsThatCommandOrOneOfItsSubcommands(String command) {
    for (String example : find(command).getCommandSpec().usageMessage().footer()) {
      List<String> words = shellWords(example);
      assertThat(words).as("example '%s'", example).first().isEqualTo("mnist-lab");
      String[] args = words.subList(1, words.size()).toArray(String[]::new);

      assertThatCode(
              () -> {
                ParseResult parsed = commandLine().parseArgs(args);
                while (parsed.hasSubcommand()) {
                  parsed = parsed.subcommand();
                }
                String target = parsed.commandSpec().qualifiedName();
                assertThat(target + " ")
                    .as("the command example '%s' runs", example)
                    .startsWith(command.equals("mnist-lab") ? "mnist-lab " : command + " ");
              })
          .as("example '%s' of %s", example, command)
          .doesNotThrowAnyException();
    }
  }

  @Test
  void refusesAnExampleWithAFlagItsCommandLacks() {
    assertThatCode(() -> commandLine().parseArgs("train", "--epoch", "5"))
        .isInstanceOf(CommandLine.ParameterException.class);
  }

  /**
   * Returns the qualified names of the commands a user can ask for help: all but picocli's own
   * {@code help} and hidden ones without {@code --help}, such as {@code serve-trials}.
   */
  static List<String> commandsWithHelp() {
    List<String> names = new ArrayList<>();
    collect(commandLine(), names);
    return names;
  }

  private static void collect(CommandLine cli, List<String> names) {
    CommandSpec spec = cli.getCommandSpec();
    boolean offersHelp = spec.options().stream().anyMatch(o -> o.usageHelp());
    if (spec.helpCommand() || (spec.usageMessage().hidden() && !offersHelp)) {
      return;
    }
    names.add(spec.qualifiedName());
    cli.getSubcommands().values().stream().distinct().forEach(sub -> collect(sub, names));
  }

  private static CommandLine find(String qualifiedName) {
    CommandLine cli = commandLine();
    for (String name : Stream.of(qualifiedName.split(" ")).skip(1).toList()) {
      cli = cli.getSubcommands().get(name);
    }
    return cli;
  }

  /** Returns a fresh command line configured for parsing as {@link Main#run} configures it. */
  private static CommandLine commandLine() {
    return new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true);
  }

  /** Splits {@code line} into words as a POSIX shell would, for quotes and backslashes. */
  private static List<String> shellWords(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder word = null;
    char quote = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else if (c == '\\' && quote == '"' && i + 1 < line.length()) {
          word.append(line.charAt(++i));
        } else {
          word.append(c);
        }
      } else if (Character.isWhitespace(c)) {
        if (word != null) {
          words.add(word.toString());
          word = null;
        }
      } else {
        word = word != null ? word : new StringBuilder();
        if (c == '"' || c == '\'') {
          quote = c;
        } else if (c == '\\' && i + 1 < line.length()) {
          word.append(line.charAt(++i));
        } else {
          assertThat("|&;<>()$`*?[#~".indexOf(c)).as("unquoted '%s' in '%s'", c, line).isNegative();
          word.append(c);
        }
      }
    }
    assertThat(quote == 0).as("quotes closed in '%s'", line).isTrue();
    if (word != null) {
      words.add(word.toString());
    }
    return words;
  }
}
