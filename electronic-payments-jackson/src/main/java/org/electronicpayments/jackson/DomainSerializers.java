package org.electronicpayments.jackson;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.util.Locale;
import java.util.function.Function;
import org.electronicpayments.CardConsent;
import org.electronicpayments.CardDetails;
import org.electronicpayments.Money;
import org.electronicpayments.Payment;
import org.electronicpayments.PaymentAttempt;
import org.electronicpayments.PaymentFailure;
import org.electronicpayments.PaymentMethod;
import org.electronicpayments.PaymentRefund;
import org.electronicpayments.PaymentResult;
import org.electronicpayments.Receipt;
import org.jspecify.annotations.Nullable;

/** The module's serializers, one per domain type. */
final class DomainSerializers {

  static final JsonSerializer<Money> MONEY =
      of(
          Money.class,
          (m, g) -> {
            g.writeStartObject();
            g.writeStringField("amount", m.toPlainString());
            g.writeStringField("currency", m.currency().getCurrencyCode());
            g.writeEndObject();
          });

  static final JsonSerializer<CardDetails> CARD =
      of(
          CardDetails.class,
          (c, g) -> {
            g.writeStartObject();
            g.writeStringField("brand", c.brand());
            g.writeStringField("last4", c.last4());
            g.writeStringField("expiry", c.expiry().toString());
            g.writeStringField("display", c.display());
            g.writeEndObject();
          });

  static final JsonSerializer<PaymentFailure> FAILURE =
      of(
          PaymentFailure.class,
          (f, g) -> {
            g.writeStartObject();
            g.writeStringField("kind", f.kind().name());
            g.writeStringField("reason", f.reason());
            nullable(g, "code", f.code());
            nullable(g, "declineCode", f.declineCode());
            nullable(g, "processorResponse", f.processorResponse());
            g.writeEndObject();
          });

  static final JsonSerializer<PaymentRefund> REFUND =
      of(
          PaymentRefund.class,
          (r, g) -> {
            g.writeStartObject();
            g.writeNumberField("number", r.number());
            g.writeObjectField("amount", r.amount());
            g.writeStringField("status", r.status().name());
            g.writeStringField("requestedBy", r.requestedBy());
            g.writeStringField("requestedAt", r.requestedAt().toString());
            g.writeEndObject();
          });

  static final JsonSerializer<Payment> PAYMENT =
      of(
          Payment.class,
          (p, g) -> {
            g.writeStartObject();
            g.writeStringField("id", p.id().value());
            g.writeStringField("agencyId", p.agencyId().value());
            g.writeStringField("clientId", p.clientId().value());
            nullable(
                g,
                "appointmentId",
                p.request().appointmentId() == null ? null : p.request().appointmentId().value());
            g.writeStringField("reference", p.request().reference());
            g.writeStringField("origin", p.request().origin().name());
            g.writeStringField("type", p.request().type().name());
            g.writeStringField("payer", p.request().payer().name());
            g.writeObjectField("amount", p.amount());
            g.writeStringField("datePosted", String.valueOf(p.request().datePosted()));
            g.writeBooleanField("electronic", p.request().electronic());
            g.writeStringField("status", p.status().name());
            nullable(g, "confirmationNumber", p.confirmationNumber());
            if (p.failure() != null) {
              g.writeObjectField("failure", p.failure());
            }
            if (p.card() != null) {
              g.writeObjectField("card", p.card());
            }
            nullable(g, "savedCard", p.savedCard() == null ? null : p.savedCard().value());
            g.writeArrayFieldStart("attempts");
            for (PaymentAttempt a : p.attempts()) {
              g.writeStartObject();
              g.writeNumberField("number", a.number());
              g.writeStringField("status", a.status().name());
              g.writeStringField("startedAt", a.startedAt().toString());
              nullable(g, "endedAt", a.endedAt() == null ? null : a.endedAt().toString());
              g.writeEndObject();
            }
            g.writeEndArray();
            g.writeObjectField("refunded", p.refunded());
            g.writeObjectField("refunds", p.refunds());
            g.writeBooleanField("posted", p.isPosted());
            nullable(g, "postedBy", p.postedBy());
            nullable(g, "postedAt", p.postedAt() == null ? null : p.postedAt().toString());
            g.writeStringField("createdBy", p.createdBy());
            g.writeStringField("createdAt", p.createdAt().toString());
            g.writeStringField("updatedAt", p.updatedAt().toString());
            g.writeNumberField("version", p.version());
            g.writeEndObject();
          });

  static final JsonSerializer<PaymentResult> RESULT =
      of(
          PaymentResult.class,
          (r, g) -> {
            g.writeStartObject();
            g.writeStringField("status", discriminator(r));
            if (r instanceof PaymentResult.Succeeded s) {
              g.writeStringField("confirmationNumber", s.confirmationNumber());
            } else if (r instanceof PaymentResult.Failed f) {
              g.writeObjectField("failure", f.failure());
            } else if (r instanceof PaymentResult.RequiresAction a) {
              nullable(g, "clientSecret", a.clientSecret());
            }
            g.writeObjectField("payment", r.payment());
            g.writeEndObject();
          });

  static final JsonSerializer<PaymentMethod> SAVED_CARD =
      of(
          PaymentMethod.class,
          (m, g) -> {
            g.writeStartObject();
            g.writeStringField("id", m.id().value());
            g.writeStringField("clientId", m.clientId().value());
            g.writeStringField("nickname", m.nickname());
            g.writeObjectField("card", m.card());
            g.writeStringField("savedBy", m.savedBy());
            g.writeStringField("savedAt", m.savedAt().toString());
            CardConsent consent = m.consent();
            if (consent != null) {
              g.writeObjectFieldStart("consent");
              g.writeStringField("givenBy", consent.givenBy().name().toLowerCase(Locale.ROOT));
              g.writeStringField("recordedBy", consent.recordedBy());
              g.writeStringField("channel", consent.channel().name().toLowerCase(Locale.ROOT));
              g.writeStringField("wordingVersion", consent.wordingVersion());
              g.writeStringField("givenAt", consent.givenAt().toString());
              g.writeEndObject();
            }
            g.writeEndObject();
          });

  static final JsonSerializer<Receipt> RECEIPT =
      of(
          Receipt.class,
          (r, g) -> {
            g.writeStartObject();
            g.writeObjectFieldStart("agency");
            g.writeStringField("name", r.agency().name());
            g.writeArrayFieldStart("addressLines");
            for (String line : r.agency().addressLines()) {
              g.writeString(line);
            }
            g.writeEndArray();
            nullable(g, "phone", r.agency().phone());
            g.writeEndObject();
            g.writeStringField("paymentId", r.paymentId().value());
            g.writeStringField("reference", r.reference());
            g.writeStringField("clientName", r.clientName());
            g.writeStringField("datePosted", r.datePosted().toString());
            g.writeObjectField("amount", r.amount());
            g.writeObjectField("refunded", r.refunded());
            g.writeStringField("payer", r.payerLabel());
            g.writeStringField("method", r.methodLabel());
            if (r.card() != null) {
              g.writeObjectField("card", r.card());
            }
            g.writeStringField("confirmationNumber", r.confirmationNumber());
            g.writeStringField("status", r.status().name());
            g.writeStringField("issuedAt", r.issuedAt().toString());
            g.writeEndObject();
          });

  private DomainSerializers() {}

  /**
   * The result's kind, as the {@code status} field of its JSON.
   *
   * @param r the result
   * @return {@code SUCCEEDED}, {@code FAILED}, {@code REQUIRES_ACTION} or {@code IN_DOUBT}
   */
  static String discriminator(PaymentResult r) {
    if (r instanceof PaymentResult.Succeeded) {
      return "SUCCEEDED";
    }
    if (r instanceof PaymentResult.Failed) {
      return "FAILED";
    }
    return r instanceof PaymentResult.RequiresAction ? "REQUIRES_ACTION" : "IN_DOUBT";
  }

  static <T> JsonSerializer<T> id(Class<T> type, Function<T, String> value) {
    return of(type, (id, g) -> g.writeString(value.apply(id)));
  }

  private static void nullable(JsonGenerator g, String field, @Nullable String value)
      throws IOException {
    if (value == null) {
      g.writeNullField(field);
    } else {
      g.writeStringField(field, value);
    }
  }

  private static <T> JsonSerializer<T> of(Class<T> type, Writer<T> writer) {
    return new StdSerializer<>(type) {
      private static final long serialVersionUID = 1L;

      @Override
      public void serialize(T value, JsonGenerator g, SerializerProvider provider)
          throws IOException {
        writer.write(value, g);
      }
    };
  }

  @FunctionalInterface
  private interface Writer<T> {
    void write(T value, JsonGenerator g) throws IOException;
  }
}
