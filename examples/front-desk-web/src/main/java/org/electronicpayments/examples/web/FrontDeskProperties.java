package org.electronicpayments.examples.web;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The pages' own settings ({@code front-desk.*}): where the browser loads Stripe.js from and the
 * publishable key it uses. The embedded setup points both at the Stripe emulator; the {@code
 * stripe} profile at Stripe.
 *
 * @param stripeJsUrl Stripe.js: {@code https://js.stripe.com/v3/}, or the emulator's {@code /v3/}
 * @param publishableKey the {@code pk_…} key the card field uses
 */
@ConfigurationProperties("front-desk")
public record FrontDeskProperties(String stripeJsUrl, String publishableKey) {}
