package org.electronicpayments.benchmarks;

import java.time.YearMonth;
import java.util.List;
import org.electronicpayments.CardDetails;
import org.electronicpayments.PaymentMethodId;
import org.electronicpayments.spi.ChargeOutcome;
import org.electronicpayments.spi.ChargeRequest;
import org.electronicpayments.spi.CustomerRequest;
import org.electronicpayments.spi.PaymentProcessor;
import org.electronicpayments.spi.ProcessorCard;
import org.electronicpayments.spi.RefundOutcome;
import org.electronicpayments.spi.RefundRequest;
import org.jspecify.annotations.Nullable;

/**
 * An experiment only: the Stripe processor claiming {@link #returnsByDeadline()}, so the facade
 * calls it on the caller's thread. It measures what the per-payment worker handoff costs; the
 * Stripe module does not make that claim (a trickling server or a hung DNS lookup is not bounded
 * by its timeouts), so hosts do not get this path.
 */
record CallerThread(PaymentProcessor delegate) implements PaymentProcessor {

  @Override
  public boolean returnsByDeadline() {
    return true;
  }

  @Override
  public String ensureCustomer(CustomerRequest request) {
    return delegate.ensureCustomer(request);
  }

  @Override
  public ChargeOutcome prepare(ChargeRequest request) {
    return delegate.prepare(request);
  }

  @Override
  public ChargeOutcome confirm(ChargeRequest request, String processorReference) {
    return delegate.confirm(request, processorReference);
  }

  @Override
  public ChargeOutcome resolve(ChargeRequest request, @Nullable String processorReference) {
    return delegate.resolve(request, processorReference);
  }

  @Override
  public List<ProcessorCard> listCards(String customerReference) {
    return delegate.listCards(customerReference);
  }

  @Override
  public CardDetails updateCardExpiry(PaymentMethodId id, YearMonth expiry) {
    return delegate.updateCardExpiry(id, expiry);
  }

  @Override
  public void removeCard(PaymentMethodId id) {
    delegate.removeCard(id);
  }

  @Override
  public RefundOutcome refund(RefundRequest request) {
    return delegate.refund(request);
  }
}
