package org.electronicpayments;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What saving a card without a payment came to.
 *
 * <pre>{@code
 * CardSetupResult r = payments.saveCard(actor, request);
 * if (r instanceof CardSetupResult.Saved s) {
 *   show(s.card());
 * } else if (r instanceof CardSetupResult.RequiresAction a) {
 *   sendToBrowser(a.clientSecret()); // Stripe.js confirmCardSetup, then payments.refreshCardSetup(…)
 * } else if (r instanceof CardSetupResult.Failed f) {
 *   tell(f.failure().reason());
 * }                                  // InDoubt: reconcile settles it
 * }</pre>
 */
public sealed interface CardSetupResult {

  /**
   * The setup as stored.
   *
   * @return the setup
   */
  CardSetup setup();

  /**
   * The result a stored setup shows, for a setup that needs no client secret.
   *
   * @param setup the setup
   * @param card the saved card, when it succeeded
   * @return the result
   */
  static CardSetupResult of(CardSetup setup, @Nullable PaymentMethod card) {
    return switch (setup.status()) {
      case SUCCEEDED -> new Saved(setup, card);
      case FAILED -> new Failed(setup, Objects.requireNonNull(setup.failure(), "failure"));
      case REQUIRES_ACTION -> new RequiresAction(setup, null);
      default -> new InDoubt(setup);
    };
  }

  /**
   * The card is saved (or was saved before: the same card is never saved twice).
   *
   * @param setup the setup
   * @param card the client's saved card; {@code null} only when it has been removed since
   */
  record Saved(CardSetup setup, @Nullable PaymentMethod card) implements CardSetupResult {}

  /**
   * The client must authenticate the card (3-D Secure) in their browser, for example with
   * Stripe.js's {@code confirmCardSetup(clientSecret)}; then call {@code refreshCardSetup}.
   *
   * @param setup the setup
   * @param clientSecret the secret for the processor's browser library, when known; never logged
   */
  record RequiresAction(CardSetup setup, @Nullable String clientSecret) implements CardSetupResult {
    @Override
    public String toString() {
      return "RequiresAction[setup=" + setup + ", clientSecret=[redacted]]";
    }
  }

  /**
   * Nothing saved.
   *
   * @param setup the setup
   * @param failure why, in plain language
   */
  record Failed(CardSetup setup, PaymentFailure failure) implements CardSetupResult {}

  /**
   * The outcome is not known yet (the processor did not answer); {@code reconcile} settles it.
   *
   * @param setup the setup
   */
  record InDoubt(CardSetup setup) implements CardSetupResult {}
}
