package org.electronicpayments.internal;

import java.util.List;
import java.util.Objects;
import org.electronicpayments.AgencyDetails;
import org.electronicpayments.ElectronicPayments;
import org.electronicpayments.Payment;
import org.electronicpayments.PaymentException;
import org.electronicpayments.PaymentId;
import org.electronicpayments.PaymentNotChargedException;
import org.electronicpayments.PaymentValidationException;
import org.electronicpayments.Receipt;
import org.electronicpayments.ReceiptDeliveryNotConfiguredException;
import org.electronicpayments.ReceiptEmail;
import org.electronicpayments.security.Actor;
import org.electronicpayments.security.Permission;
import org.electronicpayments.spi.ClientDirectory;
import org.electronicpayments.spi.ReceiptDelivery;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds receipts and sends them through the host's delivery. */
public final class Receipts {

  private static final Logger LOG = LoggerFactory.getLogger(ElectronicPayments.class);

  private final Journal journal;
  private final AccessGuard guard;
  private final AgencyDetails agency;
  private final ClientDirectory directory;
  private final @Nullable ReceiptDelivery delivery;

  public Receipts(
      Journal journal,
      AccessGuard guard,
      AgencyDetails agency,
      ClientDirectory directory,
      @Nullable ReceiptDelivery delivery) {
    this.journal = journal;
    this.guard = guard;
    this.agency = agency;
    this.directory = directory;
    this.delivery = delivery;
  }

  public Receipt receipt(Actor actor, PaymentId paymentId) {
    Objects.requireNonNull(actor, "actor");
    Payment p = journal.read(paymentId);
    guard.check(actor, Permission.SEND_RECEIPTS, p.clientId(), p.id());
    return build(p);
  }

  public String email(Actor actor, PaymentId paymentId) {
    Objects.requireNonNull(actor, "actor");
    Payment p = journal.read(paymentId);
    guard.check(actor, Permission.SEND_RECEIPTS, p.clientId(), p.id());
    if (delivery == null) {
      throw new ReceiptDeliveryNotConfiguredException(paymentId);
    }
    String to = p.request().emailReceiptTo();
    if (to == null) {
      to = directory.find(p.clientId()).map(ClientDirectory.Contact::email).orElse(null);
    }
    if (to == null) {
      throw PaymentValidationException.of(
          "emailReceiptTo", "is empty and the client has no email on file");
    }
    Receipt receipt = build(p);
    try {
      delivery.send(receipt, to);
    } catch (RuntimeException e) {
      try {
        journal.recordReceiptEmail(
            new ReceiptEmail(p.id(), to, journal.now(), actor.auditName(), failure(e)));
      } catch (RuntimeException recordFailed) {
        e.addSuppressed(recordFailed);
      }
      throw e;
    }
    LOG.info("Payment {}: receipt emailed", paymentId);
    try {
      journal.recordReceiptEmail(
          new ReceiptEmail(p.id(), to, journal.now(), actor.auditName(), null));
    } catch (RuntimeException e) {
      // The receipt left: failing now would invite a second email. The store's failure is logged.
      LOG.warn("Payment {}: receipt emailed, but the store did not record it", paymentId, e);
    }
    return to;
  }

  public List<ReceiptEmail> emails(Actor actor, PaymentId paymentId) {
    Objects.requireNonNull(actor, "actor");
    Payment p = journal.read(paymentId);
    guard.check(actor, Permission.VIEW_PAYMENTS, p.clientId(), p.id());
    return journal.receiptEmails(p.id());
  }

  /**
   * What a failed delivery records: the SDK's own exceptions say what failed without secrets (the
   * mail module's name the server and reply code); a host's exception may quote anything, so only
   * its kind is kept.
   */
  static String failure(RuntimeException e) {
    if (e instanceof PaymentException && e.getMessage() != null) {
      return e.getMessage();
    }
    return "delivery failed: " + e.getClass().getSimpleName();
  }

  private Receipt build(Payment p) {
    if (!p.status().isCharged()) {
      throw new PaymentNotChargedException(
          "A receipt needs a succeeded payment; payment " + p.id() + " is " + p.status(),
          p.id(),
          p.status());
    }
    String name =
        directory
            .find(p.clientId())
            .map(ClientDirectory.Contact::displayName)
            .orElse("Client " + p.clientId().value());
    // A stored payment has its date posted; a charged one has its confirmation number.
    return new Receipt(
        agency,
        p.id(),
        p.request().reference(),
        name,
        Objects.requireNonNull(p.request().datePosted(), "datePosted"),
        p.amount(),
        p.refunded(),
        p.request().payer(),
        p.request().type(),
        p.card(),
        Objects.requireNonNull(p.confirmationNumber(), "confirmationNumber"),
        p.status(),
        journal.now());
  }
}
