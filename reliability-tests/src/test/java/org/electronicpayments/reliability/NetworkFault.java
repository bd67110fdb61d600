package org.electronicpayments.reliability;

/**
 * What the {@link NetworkFaultProxy} does to one request and its connection. "Executed" means the
 * request reached the server whole, so Stripe acted on it.
 */
enum NetworkFault {
  /** The request waits, then goes through and is answered normally. */
  DELAY(false),
  /**
   * Executed; the answer is held until the client gave up, then written to a connection nobody
   * reads.
   */
  LATE_DELIVERY(true),
  /** The connection is closed (FIN) before the request is forwarded: not executed, no answer. */
  DROP(false),
  /** The connection is reset (RST) before the request is forwarded: not executed, no answer. */
  RESET_BEFORE_FORWARDING(false),
  /**
   * The request is forwarded up to a byte inside its header block or body, then both connections
   * end: a server must not execute it.
   */
  CUT_REQUEST(false),
  /** Executed; the connection is closed (FIN) instead of the answer. */
  COMMIT_THEN_DROP(true),
  /** Executed; the connection is reset (RST) instead of the answer. */
  RESET_AFTER_COMMIT(true),
  /**
   * Executed; the answer is cut at a byte inside its headers or body, then the connection closes.
   */
  TRUNCATED_RESPONSE(true),
  /** Not forwarded; the connection stays open and silent until the client gives up. */
  STALL(false),
  /**
   * Executed; after a wait the answer's headers and part of its body arrive, then nothing more
   * while the connection stays open, until the client gives up.
   */
  HEADERS_THEN_PART_OF_BODY_THEN_SILENCE(true),
  /**
   * Executed and answered normally; then the server closes the kept-alive connection while it is
   * idle, so the client's next request on it finds it gone.
   */
  CLOSE_IDLE_KEPT_ALIVE(true);

  private final boolean executed;

  NetworkFault(boolean executed) {
    this.executed = executed;
  }

  /** Whether the server received the whole request (and so executed it). */
  boolean executed() {
    return executed;
  }

  String label() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
  }
}
