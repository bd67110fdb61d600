package org.electronicpayments.flows;

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
 * A processor that does not promise to return by the deadline on its own (the SPI's default), so
 * the facade runs its calls on worker threads: the path a host's own processor takes.
 */
final class UnboundedProcessor implements PaymentProcessor {

  private final PaymentProcessor delegate;

  UnboundedProcessor(PaymentProcessor delegate) {
    this.delegate = delegate;
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
