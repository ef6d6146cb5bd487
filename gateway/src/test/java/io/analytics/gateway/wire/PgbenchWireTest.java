package io.analytics.gateway.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.analytics.gateway.testing.ClientScript;
import io.analytics.gateway.testing.GatewayExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * pgbench, PostgreSQL's own benchmark client: its initialization (DROP of several tables, CREATE
 * TABLE ... WITH (fillfactor), TRUNCATE of several tables, COPY FROM STDIN, VACUUM ANALYZE, ALTER
 * TABLE ADD PRIMARY KEY) and a TPC-B-like run of four clients all updating the one branch row, which
 * DuckDB alone fails with write-write conflicts: the gateway's per-table write order makes them wait
 * their turn instead, so at most 1% of the transactions may fail, in each of pgbench's query modes
 * (simple; extended, with parameters of unspecified type; prepared).
 */
class PgbenchWireTest {
  @RegisterExtension static final GatewayExtension gateway = new GatewayExtension();

  private static final Pattern PROCESSED = Pattern.compile("number of transactions actually processed: (\\d+)");
  private static final Pattern FAILED = Pattern.compile("number of failed transactions: (\\d+)");

  @Test
  void initializesAndRunsTpcBWithoutConflicts() {
    String pgbench = pgbench();
    assumeTrue(pgbench != null, "pgbench is not installed");
    ClientScript.Result init = ClientScript.run(gateway.host(), gateway.port(), Map.of(), pgbench, "-i", "-s", "1", "-q");
    assertThat(init.exitCode()).as(init.toString()).isZero();
    assertThat(init.err()).as(init.toString()).contains("done in");

    // The run issue 15 asks for, pgbench -c 4 -T 15; then shorter ones in the other modes.
    assertAtMostOnePercentFailed(pgbench, "simple", 15);
    // The extended protocol: unnamed statements (parameters of unspecified type: abalance + $1), then named ones prepared once.
    assertAtMostOnePercentFailed(pgbench, "extended", 5);
    assertAtMostOnePercentFailed(pgbench, "prepared", 5);
  }

  private static void assertAtMostOnePercentFailed(String pgbench, String mode, int seconds) {
    ClientScript.Result run = ClientScript.run(gateway.host(), gateway.port(), Map.of(), pgbench, "-c", "4", "-T",
        Integer.toString(seconds), "-n", "-M", mode);
    assertThat(run.exitCode()).as(run.toString()).isZero();
    long processed = number(PROCESSED, run);
    long failed = FAILED.matcher(run.out()).find() ? number(FAILED, run) : 0;
    assertThat(processed).as(run.toString()).isPositive();
    assertThat(failed * 100).as("at most 1%% failed transactions in %s mode\n%s", mode, run).isLessThanOrEqualTo(processed + failed);
  }

  private static long number(Pattern pattern, ClientScript.Result result) {
    Matcher matcher = pattern.matcher(result.out());
    assertThat(matcher.find()).as(result.toString()).isTrue();
    return Long.parseLong(matcher.group(1));
  }

  /** pgbench from PATH, else from Debian's PostgreSQL 15 package. */
  private static String pgbench() {
    for (String dir : (System.getenv().getOrDefault("PATH", "") + ":/usr/lib/postgresql/15/bin").split(":")) {
      Path candidate = Path.of(dir, "pgbench");
      if (!dir.isEmpty() && Files.isExecutable(candidate)) {
        return candidate.toString();
      }
    }
    return null;
  }
}
