package org.electronicpayments.spring.boot;

import java.time.YearMonth;
import java.util.List;
import java.util.function.Supplier;
import org.electronicpayments.CardDetails;
import org.electronicpayments.PaymentMethodId;
import org.electronicpayments.spi.ChargeOutcome;
import org.electronicpayments.spi.ChargeRequest;
import org.electronicpayments.spi.CustomerRequest;
import org.electronicpayments.spi.PaymentProcessor;
import org.electronicpayments.spi.ProcessorCard;
import org.electronicpayments.spi.ProcessorDispute;
import org.electronicpayments.spi.ProcessorRefund;
import org.electronicpayments.spi.RefundOutcome;
import org.electronicpayments.spi.RefundRequest;
import org.electronicpayments.spi.SetupOutcome;
import org.electronicpayments.spi.SetupRequest;
import org.jspecify.annotations.Nullable;

/**
 * The application's processor as the facade sees it: every call timed for {@link PaymentEvents},
 * and, when the processor's own receipts are off, charges sent without the receipt address.
 */
final class ObservedProcessor implements PaymentProcessor {

  private final PaymentProcessor delegate;
  private final PaymentEvents events;
  private final boolean processorReceipts;

  ObservedProcessor(PaymentProcessor delegate, PaymentEvents events, boolean processorReceipts) {
    this.delegate = delegate;
    this.events = events;
    this.processorReceipts = processorReceipts;
  }

  @Override
  public String ensureCustomer(CustomerRequest request) {
    return timed("ensure_customer", () -> delegate.ensureCustomer(request));
  }

  @Override
  public ChargeOutcome prepare(ChargeRequest request) {
    return timed("prepare", () -> delegate.prepare(receipts(request)));
  }

  @Override
  public ChargeOutcome confirm(ChargeRequest request, String processorReference) {
    return timed("confirm", () -> delegate.confirm(receipts(request), processorReference));
  }

  @Override
  public ChargeOutcome resolve(ChargeRequest request, @Nullable String processorReference) {
    return timed("resolve", () -> delegate.resolve(receipts(request), processorReference));
  }

  @Override
  public boolean returnsByDeadline() {
    return delegate.returnsByDeadline();
  }

  @Override
  public List<ProcessorCard> listCards(String customerReference) {
    return timed("list_cards", () -> delegate.listCards(customerReference));
  }

  @Override
  public CardDetails updateCardExpiry(PaymentMethodId id, YearMonth expiry) {
    return timed("update_card_expiry", () -> delegate.updateCardExpiry(id, expiry));
  }

  @Override
  public void removeCard(PaymentMethodId id) {
    timed(
        "remove_card",
        () -> {
          delegate.removeCard(id);
          return null;
        });
  }

  @Override
  public RefundOutcome refund(RefundRequest request) {
    return timed("refund", () -> delegate.refund(request));
  }

  private ChargeRequest receipts(ChargeRequest r) {
    if (processorReceipts || r.receiptEmail() == null) {
      return r;
    }
    return new ChargeRequest(
        r.paymentId(),
        r.agencyId(),
        r.clientId(),
        r.attempt(),
        r.idempotencyKey(),
        r.amount(),
        r.paymentMethod(),
        r.use(),
        r.customerReference(),
        null,
        r.deadline());
  }

  private <T> T timed(String operation, Supplier<T> call) {
    long start = System.nanoTime();
    boolean error = true;
    try {
      T result = events.observe(operation, call);
      error = false;
      return result;
    } finally {
      events.processorCall(operation, System.nanoTime() - start, error);
    }
  }

  @Override
  public SetupOutcome prepareSetup(SetupRequest request) {
    return timed("prepare_setup", () -> delegate.prepareSetup(request));
  }

  @Override
  public SetupOutcome confirmSetup(SetupRequest request, String processorReference) {
    return timed("confirm_setup", () -> delegate.confirmSetup(request, processorReference));
  }

  @Override
  public SetupOutcome resolveSetup(SetupRequest request, @Nullable String processorReference) {
    return timed("resolve_setup", () -> delegate.resolveSetup(request, processorReference));
  }

  @Override
  public List<ProcessorRefund> listRefunds(String processorReference) {
    return timed("list_refunds", () -> delegate.listRefunds(processorReference));
  }

  @Override
  public @Nullable ProcessorDispute findDispute(String processorReference) {
    return timed("find_dispute", () -> delegate.findDispute(processorReference));
  }
}
