package org.electronicpayments.jackson;

import com.fasterxml.jackson.databind.module.SimpleModule;
import org.electronicpayments.AgencyId;
import org.electronicpayments.AppointmentId;
import org.electronicpayments.CardDetails;
import org.electronicpayments.ClientId;
import org.electronicpayments.Money;
import org.electronicpayments.Payment;
import org.electronicpayments.PaymentFailure;
import org.electronicpayments.PaymentId;
import org.electronicpayments.PaymentMethod;
import org.electronicpayments.PaymentMethodId;
import org.electronicpayments.PaymentRefund;
import org.electronicpayments.PaymentRequest;
import org.electronicpayments.PaymentResult;
import org.electronicpayments.Receipt;

/**
 * The Jackson 2 module for the domain. Register it once on the host's mapper; it needs no other
 * module (dates are written by it as ISO-8601 strings).
 *
 * <pre>{@code
 * ObjectMapper json = new ObjectMapper().registerModule(new ElectronicPaymentsModule());
 * String body = json.writeValueAsString(payments.process(actor, request));
 * // {"status":"SUCCEEDED","confirmationNumber":"ch_…","payment":{"id":"…","amount":{"amount":"10.00","currency":"USD"},…}}
 * PaymentRequest request = json.readValue(body, PaymentRequest.class); // every field error at once
 * }</pre>
 *
 * <p>What is written: {@link Money} as {@code {"amount": "10.00", "currency": "USD"}}; every id as
 * its string; a {@link PaymentResult} as an object whose {@code status} is {@code SUCCEEDED},
 * {@code FAILED}, {@code REQUIRES_ACTION} or {@code IN_DOUBT}, with the payment, and the {@code
 * clientSecret} only on {@code REQUIRES_ACTION} (the browser needs it for 3-D Secure); a {@link
 * Payment} without its note, its e-mail address or processor keys. Reading a {@link PaymentRequest}
 * throws {@link org.electronicpayments.PaymentValidationException} listing every field error
 * (Jackson may wrap it; {@link PaymentRequestJson#read} does not).
 */
public final class ElectronicPaymentsModule extends SimpleModule {

  private static final long serialVersionUID = 1L;

  /** Creates the module. */
  public ElectronicPaymentsModule() {
    super("electronic-payments");
    addSerializer(Money.class, DomainSerializers.MONEY);
    addSerializer(PaymentId.class, DomainSerializers.id(PaymentId.class, PaymentId::value));
    addSerializer(ClientId.class, DomainSerializers.id(ClientId.class, ClientId::value));
    addSerializer(AgencyId.class, DomainSerializers.id(AgencyId.class, AgencyId::value));
    addSerializer(
        AppointmentId.class, DomainSerializers.id(AppointmentId.class, AppointmentId::value));
    addSerializer(
        PaymentMethodId.class, DomainSerializers.id(PaymentMethodId.class, PaymentMethodId::value));
    addSerializer(CardDetails.class, DomainSerializers.CARD);
    addSerializer(PaymentFailure.class, DomainSerializers.FAILURE);
    addSerializer(PaymentRefund.class, DomainSerializers.REFUND);
    addSerializer(Payment.class, DomainSerializers.PAYMENT);
    addSerializer(PaymentResult.class, DomainSerializers.RESULT);
    addSerializer(PaymentMethod.class, DomainSerializers.SAVED_CARD);
    addSerializer(Receipt.class, DomainSerializers.RECEIPT);
    addDeserializer(PaymentRequest.class, new PaymentRequestDeserializer());
  }
}
