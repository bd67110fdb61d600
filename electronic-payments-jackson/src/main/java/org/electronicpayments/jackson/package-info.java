/**
 * JSON for the electronic-payments domain, as a Jackson 2 ({@code com.fasterxml.jackson}) module
 * that any host registers on its {@code ObjectMapper}: {@link
 * org.electronicpayments.jackson.ElectronicPaymentsModule}. Money is written as {@code {"amount":
 * "10.00", "currency": "USD"}}, ids as strings, dates and instants in ISO-8601, a {@code
 * PaymentResult} with a {@code status} discriminator; the client secret appears only on a {@code
 * REQUIRES_ACTION} result, and a payment's note never appears. {@link
 * org.electronicpayments.jackson.PaymentRequestJson} reads the New Payment window's JSON, reporting
 * every field error at once.
 */
@NullMarked
package org.electronicpayments.jackson;

import org.jspecify.annotations.NullMarked;
