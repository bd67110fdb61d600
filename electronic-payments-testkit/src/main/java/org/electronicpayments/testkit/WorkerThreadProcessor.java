package org.electronicpayments.testkit;

import java.time.YearMonth;
import java.util.List;
import java.util.Objects;
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
 * A processor that forwards every call to another but says it does not bound its own calls ({@link
 * #returnsByDeadline()} is false), so the facade takes its worker-thread path for every charge: the
 * attempt runs on a thread of the facade's executor and the caller stops waiting at the deadline,
 * as it would for a processor written without deadlines. Processors that bound themselves (the
 * Stripe module, the fake) are otherwise called on the caller's thread, and this path, the fallback
 * of every host that plugs in its own processor, would go untested.
 *
 * <pre>{@code
 * PaymentProcessor onWorkers = WorkerThreadProcessor.over(stripe);
 * ElectronicPayments payments = ElectronicPayments.builder().processor(onWorkers)…build();
 * }</pre>
 */
public final class WorkerThreadProcessor implements PaymentProcessor {

  private final PaymentProcessor processor;

  private WorkerThreadProcessor(PaymentProcessor processor) {
    this.processor = processor;
  }

  /**
   * Wraps a processor.
   *
   * @param processor the processor that does the work
   * @return the same processor, called on the facade's worker threads
   */
  public static WorkerThreadProcessor over(PaymentProcessor processor) {
    return new WorkerThreadProcessor(Objects.requireNonNull(processor, "processor"));
  }

  /** Always false: the facade runs each charge on a worker and waits at most its deadline. */
  @Override
  public boolean returnsByDeadline() {
    return false;
  }

  @Override
  public String ensureCustomer(CustomerRequest request) {
    return processor.ensureCustomer(request);
  }

  @Override
  public ChargeOutcome prepare(ChargeRequest request) {
    return processor.prepare(request);
  }

  @Override
  public ChargeOutcome confirm(ChargeRequest request, String processorReference) {
    return processor.confirm(request, processorReference);
  }

  @Override
  public ChargeOutcome resolve(ChargeRequest request, @Nullable String processorReference) {
    return processor.resolve(request, processorReference);
  }

  @Override
  public SetupOutcome prepareSetup(SetupRequest request) {
    return processor.prepareSetup(request);
  }

  @Override
  public SetupOutcome confirmSetup(SetupRequest request, String processorReference) {
    return processor.confirmSetup(request, processorReference);
  }

  @Override
  public SetupOutcome resolveSetup(SetupRequest request, @Nullable String processorReference) {
    return processor.resolveSetup(request, processorReference);
  }

  @Override
  public List<ProcessorCard> listCards(String customerReference) {
    return processor.listCards(customerReference);
  }

  @Override
  public CardDetails updateCardExpiry(PaymentMethodId id, YearMonth expiry) {
    return processor.updateCardExpiry(id, expiry);
  }

  @Override
  public void removeCard(PaymentMethodId id) {
    processor.removeCard(id);
  }

  @Override
  public RefundOutcome refund(RefundRequest request) {
    return processor.refund(request);
  }

  @Override
  public String toString() {
    return "WorkerThreadProcessor[" + processor + "]";
  }

  @Override
  public List<ProcessorRefund> listRefunds(String processorReference) {
    return processor.listRefunds(processorReference);
  }

  @Override
  public @Nullable ProcessorDispute findDispute(String processorReference) {
    return processor.findDispute(processorReference);
  }
}
