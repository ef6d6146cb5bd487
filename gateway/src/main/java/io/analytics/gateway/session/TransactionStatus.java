package io.analytics.gateway.session;

/** The transaction status ReadyForQuery reports. */
enum TransactionStatus {
  /** Not in a transaction block. */
  IDLE('I'),
  /** In a transaction block. */
  IN_BLOCK('T'),
  /** In a failed transaction block: statements are refused until ROLLBACK. */
  FAILED('E');

  private final char indicator;

  TransactionStatus(char indicator) {
    this.indicator = indicator;
  }

  char indicator() {
    return indicator;
  }
}
