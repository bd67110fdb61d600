package org.electronicpayments.mail;

/**
 * How the connection to the mail server is protected.
 *
 * <p>{@link #STARTTLS} and {@link #IMPLICIT} verify the server's certificate and that it names the
 * configured host; the password and the receipt never cross the network in the clear.
 */
public enum TlsMode {

  /**
   * Plain SMTP, no encryption (default port 25). Only for a relay on the same host or a trusted
   * private network: the receipt, and the password if one is set, travel in the clear.
   */
  NONE(25),

  /**
   * Connect in plain text, then upgrade with {@code STARTTLS} before anything else is sent; a
   * server that does not offer it is refused, never used in the clear (default port 587, the
   * submission port). The default.
   */
  STARTTLS(587),

  /** TLS from the first byte, "SMTPS" (default port 465). */
  IMPLICIT(465);

  private final int defaultPort;

  TlsMode(int defaultPort) {
    this.defaultPort = defaultPort;
  }

  /**
   * The port used when none is set.
   *
   * @return 25, 587 or 465
   */
  public int defaultPort() {
    return defaultPort;
  }
}
