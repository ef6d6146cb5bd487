package io.analytics.gateway.session;

/** A transaction listener that does nothing (and begins read-write transactions); tests override what they watch. */
class NoOpTransactionListener implements TransactionState.Listener {
  @Override
  public String beginning(SessionCommand.TransactionControl control) {
    return "BEGIN TRANSACTION";
  }

  @Override
  public void started() {
  }

  @Override
  public void ending() {
  }

  @Override
  public void blockEnding(boolean commit) {
  }

  @Override
  public void implicitEnded(boolean committed) {
  }

  @Override
  public void ended(boolean committed) {
  }
}
