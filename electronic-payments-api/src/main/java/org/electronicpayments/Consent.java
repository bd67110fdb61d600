package org.electronicpayments;

import java.util.Objects;

/**
 * Consent to keep a card on file, as the host collects it: who agreed and through which channel.
 * Saving a card, with a payment ({@link CardChoice#saveNew}) or without ({@link CardSetupRequest}),
 * requires it. The facade completes it into a {@link CardConsent} with the time, the acting person
 * and the agency's consent wording version.
 *
 * <pre>{@code
 * Consent consent = Consent.of(ConsentGiver.CLIENT, ConsentChannel.FRONT_DESK);
 * }</pre>
 *
 * @param givenBy who agreed
 * @param channel where they agreed
 */
public record Consent(ConsentGiver givenBy, ConsentChannel channel) {

  /** Requires both parts. */
  public Consent {
    Objects.requireNonNull(givenBy, "givenBy");
    Objects.requireNonNull(channel, "channel");
  }

  /**
   * Returns the consent of the given person through the given channel.
   *
   * @param givenBy who agreed
   * @param channel where they agreed
   * @return the consent
   */
  public static Consent of(ConsentGiver givenBy, ConsentChannel channel) {
    return new Consent(givenBy, channel);
  }
}
