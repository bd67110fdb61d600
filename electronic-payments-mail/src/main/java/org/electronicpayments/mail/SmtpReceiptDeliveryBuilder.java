package org.electronicpayments.mail;

import java.time.Duration;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;

/**
 * Configures a {@link SmtpReceiptDelivery}. The host and the agency's from address are required;
 * everything else has a safe default (STARTTLS required, 10-second timeouts, 3 attempts). Each
 * setter checks its own argument and {@link #build()} checks the settings together, so a
 * misconfiguration fails at start-up with a message naming the setting. The password never appears
 * in a message or in {@link #toString()}.
 *
 * <pre>{@code
 * SmtpReceiptDelivery mail = SmtpReceiptDelivery.builder()
 *     .host("smtp.example.org")                     // port 587, STARTTLS required by default
 *     .credentials("receipts@riverside.example", System.getenv("SMTP_PASSWORD"))
 *     .from("receipts@riverside.example")           // shown as "Riverside Counseling"
 *     .replyTo("frontdesk@riverside.example")
 *     .build();
 * }</pre>
 */
public final class SmtpReceiptDeliveryBuilder {

  /** How long to wait for the connection (and the TLS handshake) by default. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

  /** How long to wait for each reply of the server by default. */
  public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(10);

  /** How long one write to the server may block by default. */
  public static final Duration DEFAULT_WRITE_TIMEOUT = Duration.ofSeconds(10);

  /** Attempts per receipt by default: the first and two retries. */
  public static final int DEFAULT_MAX_ATTEMPTS = 3;

  /** The wait before the first retry by default; it doubles before each further retry. */
  public static final Duration DEFAULT_BACKOFF = Duration.ofSeconds(1);

  static final int MAX_ATTEMPTS = 10;
  static final long MAX_BACKOFF_MILLIS = Duration.ofMinutes(5).toMillis();
  private static final Duration MAX_DURATION = Duration.ofMinutes(5);

  @Nullable String host;
  int port = -1;
  TlsMode tls = TlsMode.STARTTLS;
  @Nullable String username;
  @Nullable String password;
  @Nullable String from;
  @Nullable String replyTo;
  @Nullable SSLContext sslContext;
  Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
  Duration readTimeout = DEFAULT_READ_TIMEOUT;
  Duration writeTimeout = DEFAULT_WRITE_TIMEOUT;
  int maxAttempts = DEFAULT_MAX_ATTEMPTS;
  Duration backoff = DEFAULT_BACKOFF;

  SmtpReceiptDeliveryBuilder() {}

  /**
   * The mail server's host name (required). With TLS, its certificate must name this host.
   *
   * @param host such as {@code smtp.example.org}
   * @return this builder
   */
  public SmtpReceiptDeliveryBuilder host(String host) {
    Objects.requireNonNull(host, "host");
    if (host.isBlank()
        || !host.equals(host.strip())
        || host.chars().anyMatch(c -> c <= ' ' || c == '/')) {
      throw new IllegalArgumentException(
          "host must be a host name or address, without spaces or a scheme");
    }
    this.host = host;
    return this;
  }

  /**
   * The mail server's port (default: the TLS mode's, {@link TlsMode#defaultPort()}).
   *
   * @param port 1 to 65535
   * @return this builder
   */
  public SmtpReceiptDeliveryBuilder port(int port) {
    if (port < 1 || port > 65_535) {
      throw new IllegalArgumentException("port must be between 1 and 65535");
    }
    this.port = port;
    return this;
  }

  /**
   * How the connection is protected (default {@link TlsMode#STARTTLS}, required).
   *
   * @param tls the mode
   * @return this builder
   */
  public SmtpReceiptDeliveryBuilder tls(TlsMode tls) {
    this.tls = Objects.requireNonNull(tls, "tls");
    return this;
  }

  /**
   * Logs in with SMTP AUTH (default: no login, for a relay that trusts the host).
   *
   * @param username the account
   * @param password its password; kept out of every message, log and {@code toString}
   * @return this builder
   */
  public SmtpReceiptDeliveryBuilder credentials(String username, String password) {
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(password, "password");
    if (username.isBlank()) {
      throw new IllegalArgumentException("username must not be blank");
    }
    if (password.isEmpty()) {
      throw new IllegalArgumentException("password must not be empty");
    }
    this.username = username;
    this.password = password;
    return this;
  }

  /**
   * The agency's address receipts come from (required); the display name is the agency's name from
   * the receipt.
   *
   * @param address such as {@code receipts@riverside.example}
   * @return this builder
   */
  public SmtpReceiptDeliveryBuilder from(String address) {
    this.from = Addresses.single(Objects.requireNonNull(address, "from"), "from").getAddress();
    return this;
  }

  /**
   * Where the client's replies go (default: none, replies go to the from address).
   *
   * @param address such as {@code frontdesk@riverside.example}
   * @return this builder
   */
  public SmtpReceiptDeliveryBuilder replyTo(String address) {
    this.replyTo =
        Addresses.single(Objects.requireNonNull(address, "replyTo"), "replyTo").getAddress();
    return this;
  }

  /**
   * The TLS context whose trust decides which server certificates are accepted (default: the JVM's,
   * which trusts the public certificate authorities). Set it for a server whose certificate comes
   * from a private authority. The host name is checked either way.
   *
   * @param sslContext an initialised context
   * @return this builder
   */
  public SmtpReceiptDeliveryBuilder sslContext(SSLContext sslContext) {
    this.sslContext = Objects.requireNonNull(sslContext, "sslContext");
    return this;
  }

  /**
   * How long to wait for the connection and the TLS handshake.
   *
   * @param timeout more than zero, at most 5 minutes (default 10 s)
   * @return this builder
   */
  public SmtpReceiptDeliveryBuilder connectTimeout(Duration timeout) {
    this.connectTimeout = checked(timeout, "connectTimeout");
    return this;
  }

  /**
   * How long to wait for each of the server's replies.
   *
   * @param timeout more than zero, at most 5 minutes (default 10 s)
   * @return this builder
   */
  public SmtpReceiptDeliveryBuilder readTimeout(Duration timeout) {
    this.readTimeout = checked(timeout, "readTimeout");
    return this;
  }

  /**
   * How long one write to a server that stopped reading may block.
   *
   * @param timeout more than zero, at most 5 minutes (default 10 s)
   * @return this builder
   */
  public SmtpReceiptDeliveryBuilder writeTimeout(Duration timeout) {
    this.writeTimeout = checked(timeout, "writeTimeout");
    return this;
  }

  /**
   * Retries of transient failures (a 4xx reply, a connection refused, reset or timed out): {@code
   * maxAttempts} tries in all, waiting {@code backoff} before the first retry and twice as long
   * before each next one. Permanent failures (5xx, TLS) are never retried.
   *
   * @param maxAttempts 1 (no retry) to 10 (default 3)
   * @param backoff the first wait, zero to 5 minutes (default 1 s)
   * @return this builder
   */
  public SmtpReceiptDeliveryBuilder retries(int maxAttempts, Duration backoff) {
    if (maxAttempts < 1 || maxAttempts > MAX_ATTEMPTS) {
      throw new IllegalArgumentException("maxAttempts must be between 1 and " + MAX_ATTEMPTS);
    }
    Objects.requireNonNull(backoff, "backoff");
    if (backoff.isNegative() || backoff.compareTo(MAX_DURATION) > 0) {
      throw new IllegalArgumentException("backoff must be between zero and 5 minutes");
    }
    this.maxAttempts = maxAttempts;
    this.backoff = backoff;
    return this;
  }

  /**
   * Checks the settings together and builds the delivery.
   *
   * @return the delivery
   * @throws IllegalStateException when {@code host} or {@code from} is missing
   */
  public SmtpReceiptDelivery build() {
    if (host == null) {
      throw new IllegalStateException(
          "host is required: the mail server, such as smtp.example.org");
    }
    if (from == null) {
      throw new IllegalStateException("from is required: the agency's address receipts come from");
    }
    return new SmtpReceiptDelivery(
        new SmtpSettings(
            host,
            port == -1 ? tls.defaultPort() : port,
            tls,
            username,
            password,
            from,
            replyTo,
            sslContext,
            connectTimeout,
            readTimeout,
            writeTimeout,
            maxAttempts,
            backoff));
  }

  /**
   * The settings, the password shown only as set or not.
   *
   * @return a description without secrets
   */
  @Override
  public String toString() {
    return "SmtpReceiptDeliveryBuilder[host="
        + host
        + ", port="
        + (port == -1 ? tls.defaultPort() : port)
        + ", tls="
        + tls
        + ", username="
        + username
        + ", password="
        + (password == null ? "none" : "****")
        + ", from="
        + from
        + "]";
  }

  private static Duration checked(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isNegative() || d.isZero() || d.compareTo(MAX_DURATION) > 0) {
      throw new IllegalArgumentException(name + " must be more than zero and at most 5 minutes");
    }
    return d;
  }
}
