package org.electronicpayments;

import org.electronicpayments.spi.AuditSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The default audit trail: one line per decision on the logger {@code org.electronicpayments.audit}. */
final class LoggingAuditSink implements AuditSink {

  private static final Logger LOG = LoggerFactory.getLogger("org.electronicpayments.audit");

  @Override
  public void record(Event e) {
    if (e.allowed()) {
      if (!LOG.isDebugEnabled()) {
        return;
      }
      LOG.debug("allow {} {} client={} payment={}: {}", e.actor(), e.permission(), e.clientId(), e.paymentId(), e.reason());
    } else {
      LOG.info("deny {} {} client={} payment={}: {}", e.actor(), e.permission(), e.clientId(), e.paymentId(), e.reason());
    }
  }
}
