package io.analytics.gateway.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.analytics.gateway.testing.ClientScript;
import io.analytics.gateway.testing.GatewayExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * node-postgres ({@code pg} and {@code pg-cursor} from npm, which .ci/run installs into
 * gateway/src/test/clients/node) running its checks against a live gateway.
 */
class NodePostgresWireTest {
  @RegisterExtension static final GatewayExtension gateway = new GatewayExtension();

  private static final Path NODE_CLIENTS = ClientScript.CLIENTS.resolve("node");

  @Test
  void nodePostgres() {
    boolean installed = Files.isDirectory(NODE_CLIENTS.resolve("node_modules").resolve("pg"))
        && Files.isDirectory(NODE_CLIENTS.resolve("node_modules").resolve("pg-cursor"));
    if (!installed) {
      System.out.println("SKIPPED: node-postgres is not installed (npm ci --prefix gateway/src/test/clients/node)");
    }
    assumeTrue(installed, "node-postgres is not installed");
    ClientScript.Result result = ClientScript.run(gateway.host(), gateway.port(), Map.of(),
        "node", NODE_CLIENTS.resolve("checks.js").toString());
    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.passedChecks()).as(result.toString()).containsExactly(
        "connect", "simple query", "parameters and types", "prepared statement reuse", "pg-cursor streaming",
        "errors and transactions", "postgres dialect", "unconstrained numeric parameters");
  }
}
