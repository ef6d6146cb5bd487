package io.analytics.gateway.sessionstate;

import static org.assertj.core.api.Assertions.assertThat;

import io.analytics.gateway.testing.GatewayExtension;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Sessions that name json (or pg_notify, or divide numerics) for the first time at the same moment each get their answer: the json
 * functions are registered once per database, and a session racing another's registration neither
 * fails nor calls a function that is not there yet (CI once saw XX000 for {@code '{"a": 1}'::json}
 * when two sessions met there).
 */
class DatabaseFunctionsFirstUseWireTest {
  @RegisterExtension static final GatewayExtension gateway = new GatewayExtension();

  private static final int SESSIONS = 8;

  @Test
  void sessionsMeetingAtJsonsFirstUseAllAnswer() throws Exception {
    assertEverySessionAnswers("SELECT '{\"a\": 1}'::json, '{\"b\": [1, 2]}'::jsonb -> 'b'", "{\"a\": 1} | [1, 2]");
  }

  @Test
  void sessionsMeetingAtPgNotifysFirstUseAllAnswer() throws Exception {
    assertEverySessionAnswers("SELECT pg_notify('first_use', 'x'), 'sent'", " | sent");
  }

  @Test
  void sessionsMeetingAtNumericDivisionsFirstUseAllAnswer() throws Exception {
    assertEverySessionAnswers("SELECT a / b, 'divided' FROM (VALUES (1.5::numeric(10,2), 3)) v(a, b)", "0.50000000000000000000 | divided");
  }

  private static void assertEverySessionAnswers(String sql, String expected) throws Exception {
    List<Connection> connections = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(SESSIONS);
    try {
      for (int i = 0; i < SESSIONS; i++) {
        connections.add(gateway.connect());
      }
      CyclicBarrier start = new CyclicBarrier(SESSIONS);
      List<Future<String>> answers = new ArrayList<>();
      for (Connection connection : connections) {
        Callable<String> firstUse = () -> {
          try (Statement statement = connection.createStatement()) {
            start.await(30, TimeUnit.SECONDS);
            try (ResultSet rows = statement.executeQuery(sql)) {
              rows.next();
              return rows.getString(1) + " | " + rows.getString(2);
            }
          }
        };
        answers.add(pool.submit(firstUse));
      }
      for (Future<String> answer : answers) {
        assertThat(answer.get(60, TimeUnit.SECONDS)).isEqualTo(expected);
      }
    } finally {
      pool.shutdownNow();
      for (Connection connection : connections) {
        connection.close();
      }
    }
  }
}
