package org.electronicpayments.stripe;

import java.net.PasswordAuthentication;
import java.net.Proxy;
import java.time.Duration;
import java.util.Currency;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The checked, immutable settings of a {@link StripePaymentProcessor}, as {@link
 * StripePaymentProcessorBuilder#build()} copies them.
 *
 * @param secretKey the API key; never printed
 * @param apiBase Stripe's API address, without a trailing slash
 * @param stripeAccount the connected account sent as {@code Stripe-Account}, if any
 * @param connectTimeout the longest wait for a connection
 * @param readTimeout the longest wait for an answer
 * @param maxNetworkRetries stripe-java's own retries of one request
 * @param deadline the longest time one processor operation may take
 * @param currency the currency charged
 * @param statementDescriptorSuffix the suffix on the client's card statement, if any
 * @param descriptionTemplate the PaymentIntent description, with placeholders
 * @param proxy the proxy requests go through, if any
 * @param proxyCredential the proxy's user name and password, if any; never printed
 */
record StripeSettings(
    String secretKey,
    String apiBase,
    @Nullable String stripeAccount,
    Duration connectTimeout,
    Duration readTimeout,
    int maxNetworkRetries,
    Duration deadline,
    Currency currency,
    @Nullable String statementDescriptorSuffix,
    String descriptionTemplate,
    @Nullable Proxy proxy,
    @Nullable PasswordAuthentication proxyCredential) {

  /** Stripe's lower-case currency code. */
  String currencyCode() {
    return currency.getCurrencyCode().toLowerCase(Locale.ROOT);
  }

  /** The description of a payment's PaymentIntent: the template with opaque ids filled in. */
  String description(String paymentId, String agencyId, int attempt) {
    return descriptionTemplate
        .replace("{payment_id}", paymentId)
        .replace("{agency_id}", agencyId)
        .replace("{attempt}", Integer.toString(attempt));
  }

  /** Shows every setting but the key, of which only the kind is shown. */
  @Override
  public String toString() {
    return "StripeSettings[secretKey="
        + redact(secretKey)
        + ", apiBase="
        + apiBase
        + ", stripeAccount="
        + stripeAccount
        + ", connectTimeout="
        + connectTimeout
        + ", readTimeout="
        + readTimeout
        + ", maxNetworkRetries="
        + maxNetworkRetries
        + ", deadline="
        + deadline
        + ", currency="
        + currency
        + ", statementDescriptorSuffix="
        + statementDescriptorSuffix
        + ", descriptionTemplate="
        + descriptionTemplate
        + ", proxy="
        + proxy
        + ", proxyCredential="
        + (proxyCredential == null ? "null" : "[redacted]")
        + "]";
  }

  /** {@code sk_test_[redacted]}: the key's kind, never a character of its secret part. */
  static String redact(@Nullable String key) {
    if (key == null) {
      return "null";
    }
    for (String prefix : StripePaymentProcessorBuilder.KEY_PREFIXES) {
      if (key.startsWith(prefix)) {
        return prefix + "[redacted]";
      }
    }
    return "[redacted]";
  }
}
