package io.analytics.gateway.sessionstate;

/**
 * Whether a set of objects a session creates on first use (macros, functions) exists for it.
 * Objects created inside a transaction vanish with it when it rolls back, so they count as created
 * only once that transaction commits; after a rollback they are created again when next needed.
 */
public final class SessionCreatedObjects {
  private boolean created;
  private boolean uncommitted;

  /** Runs {@code create} unless the objects exist; {@code inTransaction} says whether a rollback could take them away. */
  public void ensure(boolean inTransaction, Runnable create) {
    if (created) {
      return;
    }
    create.run();
    created = true;
    uncommitted = inTransaction;
  }

  /** Whether the objects exist for the session. */
  public boolean created() {
    return created;
  }

  /** The transaction the objects may have been created in committed. */
  public void committed() {
    uncommitted = false;
  }

  /** The transaction rolled back: objects created in it are gone. */
  public void rolledBack() {
    if (uncommitted) {
      created = false;
      uncommitted = false;
    }
  }
}
