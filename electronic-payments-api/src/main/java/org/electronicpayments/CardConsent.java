package org.electronicpayments;

import java.time.Instant;
import java.util.Objects;

/**
 * The consent recorded with a saved card: who agreed to keep it on file, who recorded it, when,
 * through which channel, and which version of the agency's consent wording they agreed to ({@link
 * ElectronicPaymentsBuilder#consentWordingVersion}).
 *
 * @param givenBy who agreed: the client, their representative, or staff on the client's behalf
 * @param recordedBy the audit name of the person who saved the card (the actor)
 * @param channel where consent was given
 * @param wordingVersion the version of the consent text shown or read to the client
 * @param givenAt when consent was given, on the facade's clock
 */
public record CardConsent(
    ConsentGiver givenBy,
    String recordedBy,
    ConsentChannel channel,
    String wordingVersion,
    Instant givenAt) {

  /** Requires every part. */
  public CardConsent {
    Objects.requireNonNull(givenBy, "givenBy");
    Objects.requireNonNull(recordedBy, "recordedBy");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(wordingVersion, "wordingVersion");
    Objects.requireNonNull(givenAt, "givenAt");
  }
}
