package org.electronicpayments.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Currency;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Configuration is checked when set and at build(), with messages naming the setting; the key is
 * never shown.
 */
class StripePaymentProcessorBuilderTest {

  static final String KEY = "sk_test_51AbCdEfGhIjKlMnOpQrStUv";

  @Test
  @DisplayName("A missing secret key fails at build, naming the setting")
  void missingKeyFailsAtBuild() {
    assertThatThrownBy(() -> StripePaymentProcessor.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("secretKey is required");
  }

  @ParameterizedTest
  @ValueSource(strings = {"sk_test_51AbC", "sk_live_51AbC", "rk_test_51AbC", "rk_live_51AbC"})
  @DisplayName("Secret and restricted keys of both modes are accepted")
  void keyFormsAreAccepted(String key) {
    StripePaymentProcessor built = StripePaymentProcessor.builder().secretKey(key).build();

    assertThat(built.toString())
        .contains("secretKey=" + key.substring(0, 8) + "[redacted]")
        .contains("apiBase=https://api.stripe.com")
        .doesNotContain(key);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", "pk_test_51AbC", "sk_51AbC", "whsec_abc", "sk_test_", "sk_test_has space"})
  @DisplayName("Other keys are refused without echoing them")
  void otherKeysAreRefused(String key) {
    assertThatThrownBy(() -> StripePaymentProcessor.builder().secretKey(key))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("secretKey")
        .satisfies(e -> assertThat(key.length() <= 8 || !e.getMessage().contains(key)).isTrue());
  }

  @Test
  @DisplayName("toString shows the settings and the key's kind, never the key")
  void toStringRedactsTheKey() {
    StripePaymentProcessorBuilder builder = StripePaymentProcessor.builder().secretKey(KEY);
    StripePaymentProcessor processor = builder.build();

    for (String shown : new String[] {builder.toString(), processor.toString()}) {
      assertThat(shown)
          .contains("sk_test_[redacted]")
          .doesNotContain("51AbCdEf")
          .doesNotContain(KEY);
    }
    assertThat(processor.toString()).contains("https://api.stripe.com", "PT1M30S");
  }

  @Test
  @DisplayName("Each setting is checked and the message names it")
  void settingsAreChecked() {
    StripePaymentProcessorBuilder b = StripePaymentProcessor.builder();
    assertThatThrownBy(() -> b.apiBase("ftp://example.org")).hasMessageStartingWith("apiBase");
    assertThatThrownBy(() -> b.apiBase("https://api.stripe.com/v1"))
        .hasMessageStartingWith("apiBase");
    assertThatThrownBy(() -> b.stripeAccount("cus_123")).hasMessageStartingWith("stripeAccount");
    assertThatThrownBy(() -> b.connectTimeout(Duration.ZERO))
        .hasMessageStartingWith("connectTimeout");
    assertThatThrownBy(() -> b.readTimeout(Duration.ofHours(1)))
        .hasMessageStartingWith("readTimeout");
    assertThatThrownBy(() -> b.maxNetworkRetries(-1)).hasMessageStartingWith("maxNetworkRetries");
    assertThatThrownBy(() -> b.maxNetworkRetries(11)).hasMessageStartingWith("maxNetworkRetries");
    assertThatThrownBy(() -> b.deadline(Duration.ofSeconds(-1))).hasMessageStartingWith("deadline");
    assertThatThrownBy(() -> b.currency(Currency.getInstance("XXX")))
        .hasMessageStartingWith("currency");
    assertThatThrownBy(() -> b.statementDescriptorSuffix("CLINIC*COPAY"))
        .hasMessageStartingWith("statementDescriptorSuffix");
    assertThatThrownBy(() -> b.statementDescriptorSuffix("ÜBERWEISUNG"))
        .hasMessageStartingWith("statementDescriptorSuffix");
    assertThatThrownBy(() -> b.statementDescriptorSuffix("12345"))
        .hasMessageStartingWith("statementDescriptorSuffix");
    assertThatThrownBy(() -> b.statementDescriptorSuffix("A".repeat(23)))
        .hasMessageStartingWith("statementDescriptorSuffix");
    assertThatThrownBy(() -> b.descriptionTemplate("Payment for {note}"))
        .hasMessageStartingWith("descriptionTemplate");
    assertThatThrownBy(() -> b.descriptionTemplate("Card 4242424242424242"))
        .hasMessageStartingWith("descriptionTemplate");
    assertThatThrownBy(() -> b.descriptionTemplate(" "))
        .hasMessageStartingWith("descriptionTemplate");
  }

  @Test
  @DisplayName("Prefix and suffix must fit Stripe's 22 characters together; a live key needs https")
  void settingsAreCheckedTogetherAtBuild() {
    assertThatThrownBy(
            () ->
                StripePaymentProcessor.builder()
                    .secretKey(KEY)
                    .statementDescriptorPrefix("RIVERSIDE CNSL")
                    .statementDescriptorSuffix("COPAY CARD")
                    .build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("statementDescriptorSuffix");
    assertThat(
            StripePaymentProcessor.builder()
                .secretKey(KEY)
                .statementDescriptorPrefix("RIVERSIDE")
                .statementDescriptorSuffix("COPAY")
                .build()
                .toString())
        .contains("statementDescriptorSuffix=COPAY");
    assertThatThrownBy(
            () ->
                StripePaymentProcessor.builder()
                    .secretKey("sk_live_51AbC")
                    .apiBase("http://localhost:12111")
                    .build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("apiBase");
  }

  @Test
  @DisplayName("The description template is filled with opaque ids only")
  void descriptionTemplateIsFilled() {
    StripePaymentProcessorBuilder b =
        StripePaymentProcessor.builder()
            .secretKey(KEY)
            .descriptionTemplate("Clinic payment {payment_id} ({agency_id}, try {attempt})");
    assertThat(b.build().toString()).contains("Clinic payment {payment_id}");
    StripeSettings s =
        new StripeSettings(
            KEY,
            "https://api.stripe.com",
            null,
            Duration.ofSeconds(1),
            Duration.ofSeconds(1),
            0,
            Duration.ofSeconds(1),
            Currency.getInstance("USD"),
            null,
            b.descriptionTemplate,
            null,
            null);
    assertThat(s.description("pay_1", "agency-7", 2))
        .isEqualTo("Clinic payment pay_1 (agency-7, try 2)");
    assertThat(s.toString()).doesNotContain(KEY);
  }
}
