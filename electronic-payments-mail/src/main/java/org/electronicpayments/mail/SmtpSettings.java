package org.electronicpayments.mail;

import java.time.Duration;
import java.util.Properties;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;

/** What the builder checked, frozen; turns itself into Jakarta Mail's session properties. */
record SmtpSettings(
    String host,
    int port,
    TlsMode tls,
    @Nullable String username,
    @Nullable String password,
    String from,
    @Nullable String replyTo,
    @Nullable SSLContext sslContext,
    Duration connectTimeout,
    Duration readTimeout,
    Duration writeTimeout,
    int maxAttempts,
    Duration backoff) {

  /**
   * The session's properties. The password is not among them: it is handed to {@code
   * Transport.connect} only, so a dump of the properties shows no secret.
   */
  Properties sessionProperties() {
    Properties p = new Properties();
    p.put("mail.transport.protocol", "smtp");
    p.put("mail.smtp.host", host);
    p.put("mail.smtp.port", Integer.toString(port));
    p.put("mail.smtp.connectiontimeout", Long.toString(connectTimeout.toMillis()));
    p.put("mail.smtp.timeout", Long.toString(readTimeout.toMillis()));
    p.put("mail.smtp.writetimeout", Long.toString(writeTimeout.toMillis()));
    p.put("mail.smtp.auth", Boolean.toString(username != null));
    // The envelope sender, and the domain of the Message-ID (not the machine's host name).
    p.put("mail.smtp.from", from);
    p.put("mail.from", from);
    p.put("mail.mime.charset", "UTF-8");
    // Never trace the protocol, and never the AUTH exchange (it carries the password).
    p.put("mail.debug", "false");
    p.put("mail.debug.auth", "false");
    switch (tls) {
      case NONE -> {}
      case STARTTLS -> {
        p.put("mail.smtp.starttls.enable", "true");
        p.put("mail.smtp.starttls.required", "true");
        secure(p);
      }
      case IMPLICIT -> {
        p.put("mail.smtp.ssl.enable", "true");
        secure(p);
      }
      default -> throw new IllegalStateException("unknown TLS mode " + tls);
    }
    return p;
  }

  private void secure(Properties p) {
    p.put("mail.smtp.ssl.checkserveridentity", "true");
    if (sslContext != null) {
      p.put("mail.smtp.ssl.socketFactory", sslContext.getSocketFactory());
    }
  }

  /** Says the password is set, never what it is. */
  @Override
  public String toString() {
    return "SmtpSettings[host="
        + host
        + ", port="
        + port
        + ", tls="
        + tls
        + ", username="
        + username
        + ", password="
        + (password == null ? "none" : "****")
        + ", from="
        + from
        + ", replyTo="
        + replyTo
        + ", connectTimeout="
        + connectTimeout
        + ", readTimeout="
        + readTimeout
        + ", writeTimeout="
        + writeTimeout
        + ", maxAttempts="
        + maxAttempts
        + ", backoff="
        + backoff
        + "]";
  }
}
