package org.electronicpayments.testkit;

import java.util.Objects;
import org.electronicpayments.ElectronicPayments;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Hands each test a fresh {@link PaymentsTestbed} (facade, fake processor, in-memory store, audit
 * trail, outbox, client files, clock), or any one of its parts, as a parameter; the facade is
 * closed after the test.
 *
 * <pre>{@code
 * @ExtendWith(ElectronicPaymentsExtension.class)
 * class NewPaymentWindowTest {
 *   @Test
 *   void takesACopay(ElectronicPayments payments, PaymentsTestbed bed) {
 *     PaymentResult r = payments.process(bed.frontDesk(), request);
 *     PaymentAssertions.assertThat(r).succeeded();
 *   }
 * }
 * }</pre>
 */
public final class ElectronicPaymentsExtension implements ParameterResolver, AfterEachCallback {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(ElectronicPaymentsExtension.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == PaymentsTestbed.class
        || type == ElectronicPayments.class
        || type == FakePaymentProcessor.class
        || type == InMemoryPaymentStore.class
        || type == RecordingAuditSink.class
        || type == RecordingReceiptDelivery.class
        || type == InMemoryClientDirectory.class
        || type == TestClock.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    PaymentsTestbed bed = testbed(context);
    Class<?> type = parameter.getParameter().getType();
    if (type == PaymentsTestbed.class) {
      return bed;
    } else if (type == ElectronicPayments.class) {
      return bed.payments();
    } else if (type == FakePaymentProcessor.class) {
      return bed.processor();
    } else if (type == InMemoryPaymentStore.class) {
      return bed.store();
    } else if (type == RecordingAuditSink.class) {
      return bed.audit();
    } else if (type == RecordingReceiptDelivery.class) {
      return bed.outbox();
    } else if (type == InMemoryClientDirectory.class) {
      return bed.clients();
    }
    return bed.clock();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    PaymentsTestbed bed =
        context.getStore(NAMESPACE).remove(PaymentsTestbed.class, PaymentsTestbed.class);
    if (bed != null) {
      bed.close();
    }
  }

  @SuppressWarnings(
      "deprecation") // its replacement, computeIfAbsent, needs JUnit 5.13+; hosts bring their own
  private static PaymentsTestbed testbed(ExtensionContext context) {
    return Objects.requireNonNull(
        context
            .getStore(NAMESPACE)
            .getOrComputeIfAbsent(
                PaymentsTestbed.class, k -> PaymentsTestbed.create(), PaymentsTestbed.class));
  }
}
