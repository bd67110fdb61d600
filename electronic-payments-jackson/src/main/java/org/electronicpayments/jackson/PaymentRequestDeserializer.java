package org.electronicpayments.jackson;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;
import org.electronicpayments.PaymentRequest;

/** Reads a {@link PaymentRequest} through {@link PaymentRequestJson}. */
final class PaymentRequestDeserializer extends StdDeserializer<PaymentRequest> {

  private static final long serialVersionUID = 1L;

  PaymentRequestDeserializer() {
    super(PaymentRequest.class);
  }

  @Override
  public PaymentRequest deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
    JsonNode json = p.readValueAsTree();
    return PaymentRequestJson.read(json);
  }
}
