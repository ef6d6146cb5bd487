package io.analytics.gateway.session;

import java.util.Map;

/**
 * What a session tells its client once it is open, before it is first ready for a query: the
 * parameters PostgreSQL reports (ParameterStatus, as drivers read server_version and the encodings
 * from them) and the key that cancels its statements (BackendKeyData).
 */
final class SessionGreeting {
  private SessionGreeting() {}

  static void greet(ResultReceiver receiver, Map<String, String> reportedParameters, int processId, int secretKey) {
    for (Map.Entry<String, String> reported : reportedParameters.entrySet()) {
      receiver.parameterStatus(reported.getKey(), reported.getValue());
    }
    receiver.backendKeyData(processId, secretKey);
  }
}
