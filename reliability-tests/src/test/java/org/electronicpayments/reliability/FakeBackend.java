package org.electronicpayments.reliability;

import java.util.List;
import java.util.Random;
import org.electronicpayments.Money;
import org.electronicpayments.PaymentMethodId;
import org.electronicpayments.ProcessorException;
import org.electronicpayments.spi.PaymentProcessor;
import org.electronicpayments.testkit.FakeCharge;
import org.electronicpayments.testkit.FakePaymentProcessor;
import org.electronicpayments.testkit.FakePaymentProcessor.Operation;
import org.jspecify.annotations.Nullable;

/** The campaign over the testkit's fake processor. */
final class FakeBackend implements CampaignBackend {

  private static final Operation[] FAULTABLE = {
    Operation.PREPARE,
    Operation.CONFIRM,
    Operation.RESOLVE,
    Operation.ENSURE_CUSTOMER,
    Operation.REFUND
  };

  private final FakePaymentProcessor fake = FakePaymentProcessor.create();

  @Override
  public String name() {
    return "fake";
  }

  @Override
  public java.time.Duration deadline() {
    return java.time.Duration.ofMillis(150);
  }

  @Override
  public PaymentProcessor processor() {
    return fake;
  }

  @Override
  public String injectFault(Random random) {
    Operation op = FAULTABLE[random.nextInt(FAULTABLE.length)];
    int kind = random.nextInt(100);
    if (kind < 30) {
      fake.script().onNext(op).timeoutAfterCharging();
      return op + " timeout after commit";
    } else if (kind < 55) {
      fake.script().onNext(op).timeoutBeforeCharging();
      return op + " timeout before commit";
    } else if (kind < 65) {
      fake.script().onNext(op).hang();
      return op + " hang";
    } else if (kind < 75 && op == Operation.CONFIRM) {
      fake.script().onNext(op).processing();
      return op + " processing";
    } else if (kind < 85) {
      fake.script().onNext(op).fail(new ProcessorException("scripted refusal", null, null, null));
      return op + " refused";
    }
    fake.script().onNext(op).fail(new IllegalStateException("scripted crash in the processor"));
    return op + " unexpected exception";
  }

  @Override
  public String authenticate(Random random, List<String> waiting) {
    if (waiting.isEmpty()) {
      return "client authenticates: nothing waiting";
    }
    String reference = waiting.get(random.nextInt(waiting.size()));
    boolean succeed = random.nextInt(4) != 0;
    try {
      fake.completeAuthentication(reference, succeed);
    } catch (IllegalStateException movedOn) {
      return "client authenticates: the charge moved on";
    }
    return "client authenticates: " + (succeed ? "completed" : "failed");
  }

  @Override
  public void settleEverything() {
    fake.script().clear();
    fake.releaseHung();
    for (FakeCharge c : fake.charges()) {
      if (c.status() == FakeCharge.Status.PROCESSING) {
        fake.finishProcessing(c.processorReference(), true);
      }
    }
  }

  @Override
  public List<Charge> charges() {
    return fake.charges().stream()
        .filter(FakeCharge::charged)
        .map(c -> new Charge(c.paymentId(), c.attempt(), c.chargeReference()))
        .toList();
  }

  @Override
  public String dashboardRefund(String processorReference, @Nullable Long amountMinor) {
    return fake.dashboardRefund(
        processorReference, amountMinor == null ? null : Money.ofMinor(amountMinor, Money.USD));
  }

  @Override
  public List<Refunded> refunds() {
    return fake.refunds().stream()
        .map(
            r ->
                new Refunded(
                    r.paymentId(),
                    r.processorReference(),
                    r.amount().minorUnits(),
                    r.refundReference()))
        .toList();
  }

  @Override
  public boolean attached(PaymentMethodId card, String customerReference) {
    return fake.cards().stream()
        .anyMatch(c -> c.id().equals(card) && customerReference.equals(c.customerReference()));
  }

  @Override
  public void reset() {
    fake.releaseHung();
    fake.reset();
  }

  @Override
  public void close() {
    fake.releaseHung();
  }
}
