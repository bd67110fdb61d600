package org.electronicpayments.flows;

import java.util.concurrent.atomic.AtomicInteger;
import org.electronicpayments.AppointmentId;
import org.electronicpayments.CardChoice;
import org.electronicpayments.ClientId;
import org.electronicpayments.Origin;
import org.electronicpayments.Payer;
import org.electronicpayments.PaymentRequest;
import org.electronicpayments.PaymentRequestBuilder;
import org.electronicpayments.PaymentType;
import org.electronicpayments.testkit.PaymentsTestbed;

/** Filled-in New Payment windows for the flow tests. */
final class Requests {

  static final String NOTE = "1/1/2026 DOS 90837 family session";
  private static final AtomicInteger SEQ = new AtomicInteger();

  private Requests() {}

  static PaymentRequestBuilder card(CardChoice card) {
    return PaymentRequest.builder()
        .client(PaymentsTestbed.CLIENT)
        .origin(Origin.APPOINTMENTS)
        .appointment(AppointmentId.of("appt-77"))
        .reference("1.1.2026 1000 CC " + SEQ.incrementAndGet())
        .type(PaymentType.CREDIT_CARD)
        .payer(Payer.CO_PAY)
        .amountReceived("10.00")
        .note(NOTE)
        .electronic(true)
        .card(card);
  }

  static PaymentRequest oneTime(String token) {
    return card(CardChoice.oneTime(token)).build();
  }

  static PaymentRequest cash(ClientId client) {
    return PaymentRequest.builder()
        .client(client)
        .origin(Origin.PAYMENTS)
        .reference("1.1.2026 CASH " + SEQ.incrementAndGet())
        .type(PaymentType.CASH)
        .payer(Payer.DEDUCTIBLE)
        .amountReceived("25.00")
        .build();
  }
}
