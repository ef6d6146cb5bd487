package io.analytics.gateway.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The greeting of a session as a receiver hears it, without a socket. */
class SessionGreetingTest {
  private final RecordingReceiver receiver = new RecordingReceiver();

  @Test
  void greetingReportsTheParametersThenTheCancelKey() {
    Map<String, String> reported = new LinkedHashMap<>();
    reported.put("server_version", "16.6");
    reported.put("client_encoding", "UTF8");
    receiver.authenticationOk();
    SessionGreeting.greet(receiver, reported, 42, 7);
    assertThat(receiver.answers()).containsExactly(
        "authenticated", "parameter: server_version=16.6", "parameter: client_encoding=UTF8", "key: 42");
  }

  @Test
  void theParametersASessionReportsAreGreetedInTheirOrder() {
    SessionParameters parameters = new SessionParameters("tester", true);
    SessionGreeting.greet(receiver, parameters.reportedValues(), 1, 2);
    assertThat(receiver.answers())
        .hasSize(parameters.reportedValues().size() + 1)
        .contains("parameter: server_version=" + ServerVersion.VERSION)
        .endsWith("key: 1");
  }
}
