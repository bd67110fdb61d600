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
import org.electronicpayments.spi.ProcessorDispute;
import org.electronicpayments.spi.ProcessorRefund;
import org.electronicpayments.spi.RefundOutcome;
import org.electronicpayments.spi.RefundRequest;
import org.electronicpayments.spi.SetupOutcome;
import org.electronicpayments.spi.SetupRequest;
import org.jspecify.annotations.Nullable;

/**
 * An experiment only: the Stripe processor hiding its {@link #returnsByDeadline()}, so the facade
 * hands each payment to a worker thread as it did before the Stripe module bounded its requests by
 * the deadline. It measures what that per-payment handoff costs; hosts do not get this path.
 */
record WorkerHandoff(PaymentProcessor delegate) implements PaymentProcessor {

  @Override
  public boolean returnsByDeadline() {
    return false;
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
  public SetupOutcome prepareSetup(SetupRequest request) {
    return delegate.prepareSetup(request);
  }

  @Override
  public SetupOutcome confirmSetup(SetupRequest request, String processorReference) {
    return delegate.confirmSetup(request, processorReference);
  }

  @Override
  public SetupOutcome resolveSetup(SetupRequest request, @Nullable String processorReference) {
    return delegate.resolveSetup(request, processorReference);
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

  @Override
  public List<ProcessorRefund> listRefunds(String processorReference) {
    return delegate.listRefunds(processorReference);
  }

  @Override
  public @Nullable ProcessorDispute findDispute(String processorReference) {
    return delegate.findDispute(processorReference);
  }
}
