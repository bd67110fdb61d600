package org.electronicpayments.internal;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Plain-language reasons for the processor's decline codes, written for the front desk. */
public final class DeclineReasons {

  private static final String GENERIC =
      "The card was declined. Ask the client for another card or another way to pay.";
  private static final Map<String, String> REASONS =
      Map.ofEntries(
          Map.entry(
              "insufficient_funds",
              "The card has insufficient funds. Ask the client for another card or another way to pay."),
          Map.entry("lost_card", GENERIC),
          Map.entry("stolen_card", GENERIC),
          Map.entry("fraudulent", GENERIC),
          Map.entry("expired_card", "The card has expired. Ask the client for a current card."),
          Map.entry(
              "incorrect_cvc",
              "The card's security code (CVC) is incorrect. Ask the client to enter the card again."),
          Map.entry(
              "incorrect_number",
              "The card number is incorrect. Ask the client to enter the card again."),
          Map.entry(
              "processing_error",
              "The card could not be processed. Nothing was charged; try again in a moment."),
          Map.entry(
              "authentication_required",
              "The card's bank requires the client to confirm this payment. Charge it with the client present."),
          Map.entry(
              "card_velocity_exceeded",
              "The card has reached its limit. Ask the client for another card or another way to pay."));

  private DeclineReasons() {}

  public static String reasonFor(@Nullable String code, @Nullable String declineCode) {
    if (declineCode != null && REASONS.containsKey(declineCode)) {
      return REASONS.get(declineCode);
    }
    if (code != null && REASONS.containsKey(code)) {
      return REASONS.get(code);
    }
    return GENERIC;
  }
}
