package org.electronicpayments.examples.web;

import java.security.Principal;
import java.time.LocalDate;
import org.electronicpayments.AgencyDetails;
import org.electronicpayments.CardChoice;
import org.electronicpayments.CardSetupRequest;
import org.electronicpayments.CardSetupResult;
import org.electronicpayments.Consent;
import org.electronicpayments.ConsentChannel;
import org.electronicpayments.ConsentGiver;
import org.electronicpayments.ElectronicPayments;
import org.electronicpayments.Money;
import org.electronicpayments.Origin;
import org.electronicpayments.Payer;
import org.electronicpayments.PaymentFailure;
import org.electronicpayments.PaymentMethodId;
import org.electronicpayments.PaymentQuery;
import org.electronicpayments.PaymentRequest;
import org.electronicpayments.PaymentResult;
import org.electronicpayments.PaymentType;
import org.electronicpayments.PaymentValidationException;
import org.electronicpayments.security.Actor;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The client portal: a client, or a representative for each client they represent, sees the
 * client's payments, pays with a saved card, adds a card without paying, and renames or removes
 * cards. Every call goes through the facade as the signed-in actor, so its access policy decides:
 * someone who neither is the client nor represents them gets the "not allowed" page.
 */
@Controller
public class PortalPages {

  private final ElectronicPayments payments;
  private final Practice practice;
  private final Actors actors;
  private final FrontDeskProperties settings;
  private final AgencyDetails agency;

  /**
   * Creates the pages.
   *
   * @param payments the facade
   * @param practice the host's records
   * @param actors who is signed in
   * @param settings where Stripe.js comes from
   * @param agency the agency, whose time zone decides today's date
   */
  public PortalPages(
      ElectronicPayments payments,
      Practice practice,
      Actors actors,
      FrontDeskProperties settings,
      AgencyDetails agency) {
    this.agency = agency;
    this.payments = payments;
    this.practice = practice;
    this.actors = actors;
    this.settings = settings;
  }

  /**
   * A client goes to their own page; a representative sees the clients they act for.
   *
   * @param principal who is signed in
   * @param model the page's model
   * @return the page or a redirect
   */
  @GetMapping("/portal")
  String portal(Principal principal, Model model) {
    Actor actor = actors.of(principal);
    if (actor instanceof Actor.Client c) {
      return "redirect:/portal/clients/" + c.id().value();
    }
    if (actor instanceof Actor.Representative r) {
      model.addAttribute(
          "clients",
          r.clients().stream()
              .map(id -> practice.client(id.value()))
              .flatMap(java.util.Optional::stream)
              .toList());
      model.addAttribute("name", practice.person(principal.getName()).orElseThrow().name());
      return "portal-home";
    }
    return "redirect:/clients";
  }

  /**
   * A client's portal page.
   *
   * @param id the client
   * @param principal who is signed in
   * @param model the page's model
   * @return the page
   */
  @GetMapping("/portal/clients/{id}")
  String client(@PathVariable("id") String id, Principal principal, Model model) {
    Actor actor = actors.of(principal);
    Practice.Client client = client(id);
    model.addAttribute("client", client);
    model.addAttribute(
        "payments", payments.payments(actor, PaymentQuery.all().client(client.id()).limit(50)));
    model.addAttribute("cards", payments.savedCards(actor, client.id()));
    model.addAttribute("representative", actor instanceof Actor.Representative);
    model.addAttribute("stripeJsUrl", settings.stripeJsUrl());
    model.addAttribute("publishableKey", settings.publishableKey());
    return "portal";
  }

  /**
   * Pays with a saved card.
   *
   * @param id the client
   * @param card the saved card
   * @param amount the amount, such as {@code 10.00}
   * @param principal who is signed in
   * @param flash the message for the next page
   * @return back to the client's page
   */
  @PostMapping("/portal/clients/{id}/pay")
  String pay(
      @PathVariable("id") String id,
      @RequestParam(name = "card", defaultValue = "") String card,
      @RequestParam(name = "amount", defaultValue = "") String amount,
      Principal principal,
      RedirectAttributes flash) {
    Actor actor = actors.of(principal);
    Practice.Client client = client(id);
    try {
      if (card.isBlank()) {
        throw PaymentValidationException.of("card", "choose a saved card");
      }
      Money money;
      try {
        money = Money.usd(amount);
      } catch (IllegalArgumentException e) {
        throw PaymentValidationException.of("amountReceived", "must be an amount like 10.00");
      }
      PaymentRequest request =
          PaymentRequest.builder()
              .client(client.id())
              .origin(Origin.CLIENTS)
              .datePosted(LocalDate.now(agency.zone()))
              .emailReceiptTo(client.email())
              .reference("PORTAL-" + System.currentTimeMillis())
              .type(PaymentType.CREDIT_CARD)
              .payer(Payer.CO_PAY)
              .amountReceived(money)
              .electronic(true)
              .card(CardChoice.saved(PaymentMethodId.of(card)))
              .build();
      PaymentResult result = payments.process(actor, request);
      flash.addFlashAttribute("message", message(result));
    } catch (PaymentValidationException e) {
      flash.addFlashAttribute("errors", e.errors());
    }
    return "redirect:/portal/clients/" + id;
  }

  /**
   * Saves a card without paying: the page's script turned the typed card into a PaymentMethod with
   * Stripe.js and sends its id.
   *
   * @param id the client
   * @param token the PaymentMethod id from Stripe.js
   * @param nickname the card's name
   * @param consent whether the consent box was ticked
   * @param principal who is signed in
   * @param flash the message for the next page
   * @return back to the client's page
   */
  @PostMapping("/portal/clients/{id}/cards")
  String addCard(
      @PathVariable("id") String id,
      @RequestParam(name = "token", defaultValue = "") String token,
      @RequestParam(name = "nickname", defaultValue = "") String nickname,
      @RequestParam(name = "consent", defaultValue = "false") boolean consent,
      Principal principal,
      RedirectAttributes flash) {
    Actor actor = actors.of(principal);
    Practice.Client client = client(id);
    ConsentGiver giver =
        actor instanceof Actor.Representative ? ConsentGiver.REPRESENTATIVE : ConsentGiver.CLIENT;
    try {
      CardSetupResult result =
          payments.saveCard(
              actor,
              new CardSetupRequest(
                  client.id(),
                  token.isBlank() ? null : token,
                  nickname,
                  consent ? Consent.of(giver, ConsentChannel.PORTAL) : null));
      flash.addFlashAttribute("message", message(result, nickname));
    } catch (PaymentValidationException e) {
      flash.addFlashAttribute("errors", e.errors());
    }
    return "redirect:/portal/clients/" + id;
  }

  /**
   * Renames a saved card.
   *
   * @param id the client
   * @param card the card
   * @param nickname the new name
   * @param principal who is signed in
   * @param flash the message for the next page
   * @return back to the client's page
   */
  @PostMapping("/portal/clients/{id}/cards/{card}/rename")
  String rename(
      @PathVariable("id") String id,
      @PathVariable("card") String card,
      @RequestParam(name = "nickname", defaultValue = "") String nickname,
      Principal principal,
      RedirectAttributes flash) {
    Actor actor = actors.of(principal);
    try {
      payments.renameCard(actor, PaymentMethodId.of(card), nickname);
      flash.addFlashAttribute("message", "Card renamed to " + nickname + ".");
    } catch (PaymentValidationException e) {
      flash.addFlashAttribute("errors", e.errors());
    }
    return "redirect:/portal/clients/" + id;
  }

  /**
   * Removes a saved card.
   *
   * @param id the client
   * @param card the card
   * @param principal who is signed in
   * @param flash the message for the next page
   * @return back to the client's page
   */
  @PostMapping("/portal/clients/{id}/cards/{card}/remove")
  String remove(
      @PathVariable("id") String id,
      @PathVariable("card") String card,
      Principal principal,
      RedirectAttributes flash) {
    Actor actor = actors.of(principal);
    payments.removeCard(actor, PaymentMethodId.of(card));
    flash.addFlashAttribute("message", "Card removed.");
    return "redirect:/portal/clients/" + id;
  }

  private static String message(PaymentResult result) {
    if (result instanceof PaymentResult.Succeeded s) {
      return "Payment Successful. Confirmation # " + s.payment().confirmationNumber();
    }
    if (result instanceof PaymentResult.Failed f) {
      PaymentFailure failure = f.payment().failure();
      return "Payment Failed: " + (failure == null ? "declined" : failure.reason());
    }
    if (result instanceof PaymentResult.RequiresAction) {
      return "Your bank asks you to confirm this payment; use another card or ask the front desk.";
    }
    return "The outcome is not known yet; we will settle it. You will not be charged twice.";
  }

  private static String message(CardSetupResult result, String nickname) {
    if (result instanceof CardSetupResult.Saved s) {
      // A card the client had saved already keeps its name.
      return "Card saved as " + (s.card() != null ? s.card().nickname() : nickname) + ".";
    }
    if (result instanceof CardSetupResult.Failed f) {
      return "The card was not saved: " + f.failure().reason();
    }
    if (result instanceof CardSetupResult.RequiresAction) {
      return "Your bank asks you to confirm this card; try another card.";
    }
    return "We could not hear back from the card processor yet; we will settle it.";
  }

  private Practice.Client client(String id) {
    return practice
        .client(id)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such client"));
  }
}
