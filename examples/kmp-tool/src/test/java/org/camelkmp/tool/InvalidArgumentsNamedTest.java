package org.camelkmp.tool;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Bad command lines exit with 2 before anything is opened, with one line on stderr that names the
 * option or argument and what is wrong with it: the cases BadArgumentsTest does not cover.
 */
class InvalidArgumentsNamedTest {
  private static final String NOWHERE = "socket://127.0.0.1:9";

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "--timeout 0 get-serial | --timeout",
        "--timeout soon get-serial | --timeout",
        "--retries 11 get-serial | retries 11 is out of range",
        "--retries -1 get-serial | retries -1 is out of range",
        "-a 0x100 get-serial | 0x100",
        "-a meter get-serial | meter",
        "--baud 7 get-serial | 7",
        "get-registers -r E1 | get-registers",
        "get-register | -r",
        "get-register -r 70000 | 70000",
        "put-register -r E1 --value x --unit GJ --yes | 'x'",
        "put-register -r E1 --value 1 --unit parsecs --yes | parsecs",
        "put-register -r E1 --value 1 --unit GJ --password 70000 --yes | 70000",
        "set-clock --time yesterday --yes | yesterday",
        "read-log -r E1 | --since",
        "read-log -r E1 --last-unread --count 0 | --count"
      })
  void aBadArgumentIsNamedAndNothingIsOpened(String arguments, String named) {
    ToolRunner tool = new ToolRunner();
    String[] words = ("-d " + NOWHERE + " " + arguments).split(" ");
    ToolRunner.Result result = tool.run(words);
    assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err()).as(result.toString()).contains(named);
    assertThat(tool.devicesOpened).isEmpty();
  }
}
