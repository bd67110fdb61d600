package org.electronicpayments.internal;

import org.electronicpayments.spi.AuditSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default audit trail: one INFO line per decision, allowed and denied alike, on the logger
 * {@value AuditSink#LOGGER_NAME}, which a host routes to its audit log.
 */
public final class LoggingAuditSink implements AuditSink {

  private static final Logger LOG = LoggerFactory.getLogger(AuditSink.LOGGER_NAME);

  @Override
  public void record(Event e) {
    if (e.change() == null) {
      LOG.info(
          "{} {} {} client={} payment={}: {}",
          e.allowed() ? "allow" : "deny",
          e.actor(),
          e.permission(),
          e.clientId(),
          e.paymentId(),
          e.reason());
    } else {
      LOG.info(
          "{} {} {} client={} payment={}: {} {} before={} after={}",
          e.allowed() ? "allow" : "deny",
          e.actor(),
          e.permission(),
          e.clientId(),
          e.paymentId(),
          e.reason(),
          e.change().subject(),
          e.change().before(),
          e.change().after());
    }
  }
}
