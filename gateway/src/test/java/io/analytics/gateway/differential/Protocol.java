package io.analytics.gateway.differential;

import java.util.Properties;

/** How pgjdbc sends a case: the extended protocol (Parse/Bind/Execute) or simple Query messages. */
enum Protocol {
  EXTENDED("extended"),
  SIMPLE("simple");

  private final String queryMode;

  Protocol(String queryMode) {
    this.queryMode = queryMode;
  }

  /** pgjdbc's connection properties for this protocol. */
  Properties connectionProperties() {
    Properties properties = new Properties();
    properties.setProperty("preferQueryMode", queryMode);
    // A statement the server does not stop when cancelled ends the connection here (and is reopened).
    properties.setProperty("socketTimeout", Integer.toString(AreaRun.CASE_TIMEOUT_SECONDS * 4));
    return properties;
  }

  String label() {
    return queryMode;
  }
}
