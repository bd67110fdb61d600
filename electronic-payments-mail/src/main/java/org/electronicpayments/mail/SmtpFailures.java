package org.electronicpayments.mail;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.jspecify.annotations.Nullable;

/**
 * Sorts a failed attempt into transient (worth another try) or permanent, by its SMTP reply code.
 */
final class SmtpFailures {

  private SmtpFailures() {}

  /**
   * The reply code the failure carries, else the transport's last one.
   *
   * @param lastReturnCode the transport's last reply code, or -1
   * @return the code, or -1 when the server gave none
   */
  static int replyCode(MessagingException e, int lastReturnCode) {
    for (@Nullable Throwable t = e; t != null; t = next(t)) {
      if (t instanceof SMTPSendFailedException f && f.getReturnCode() > 0) {
        return f.getReturnCode();
      }
      if (t instanceof SMTPAddressFailedException f && f.getReturnCode() > 0) {
        return f.getReturnCode();
      }
    }
    return lastReturnCode >= 400 ? lastReturnCode : -1;
  }

  /**
   * Whether the failure is permanent. A 5xx reply is; a 4xx reply is not. Without a reply: a
   * network failure (refused, reset, timed out) is transient, but a TLS handshake that failed (an
   * untrusted certificate, a wrong host name) and anything else (STARTTLS required but not offered)
   * is a configuration problem that another try would not mend.
   */
  static boolean permanent(MessagingException e, int replyCode) {
    if (replyCode >= 500) {
      return true;
    }
    if (replyCode >= 400) {
      return false;
    }
    for (@Nullable Throwable t = e; t != null; t = next(t)) {
      if (t instanceof SSLHandshakeException || t instanceof SSLPeerUnverifiedException) {
        return true;
      }
      if (t instanceof IOException) {
        return false;
      }
    }
    return true;
  }

  /**
   * What went wrong, in words an administrator acts on; never the server's text, which may echo the
   * address.
   */
  static String describe(MessagingException e, int replyCode) {
    if (e instanceof AuthenticationFailedException) {
      return "the server refused the login" + (replyCode > 0 ? " (SMTP " + replyCode + ")" : "");
    }
    if (replyCode > 0) {
      return "the server answered SMTP " + replyCode;
    }
    for (@Nullable Throwable t = e; t != null; t = next(t)) {
      if (t instanceof SSLHandshakeException || t instanceof SSLPeerUnverifiedException) {
        return "the TLS handshake failed (the server's certificate is not trusted or does not name the host)";
      }
      if (t instanceof SocketTimeoutException) {
        return "the server did not answer in time";
      }
      if (t instanceof ConnectException) {
        return "the connection was refused";
      }
      if (t instanceof UnknownHostException) {
        return "the host name is unknown";
      }
      if (t instanceof IOException) {
        return "the connection failed (" + t.getClass().getSimpleName() + ")";
      }
    }
    String m = e.getMessage();
    if (m != null && m.contains("STARTTLS")) {
      return "the server does not offer STARTTLS, which is required";
    }
    return "the mail server failed (" + e.getClass().getSimpleName() + ")";
  }

  private static @Nullable Throwable next(Throwable t) {
    Throwable n =
        t instanceof MessagingException m && m.getNextException() != null
            ? m.getNextException()
            : t.getCause();
    return n == t ? null : n;
  }
}
