package org.electronicpayments.examples.web;

import java.security.Principal;
import java.time.LocalDate;
import java.util.List;
import org.electronicpayments.AgencyDetails;
import org.electronicpayments.AppointmentId;
import org.electronicpayments.ElectronicPayments;
import org.electronicpayments.Origin;
import org.electronicpayments.Payer;
import org.electronicpayments.Payment;
import org.electronicpayments.PaymentId;
import org.electronicpayments.PaymentMethod;
import org.electronicpayments.PaymentQuery;
import org.electronicpayments.PaymentType;
import org.electronicpayments.security.Actor;
import org.electronicpayments.security.Permission;
import org.jspecify.annotations.Nullable;
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
 * The staff side: the client file, the appointments and the payments list, each with the button
 * that opens the New Payment window, and the window itself. The window's script talks to the
 * starter's JSON API ({@code /electronic-payments/api}); these pages only render.
 */
@Controller
public class StaffPages {

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
  public StaffPages(
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
   * Sends staff to the clients, clients and representatives to the portal.
   *
   * @param principal who is signed in
   * @return the redirect
   */
  @GetMapping("/")
  String home(Principal principal) {
    return actors.of(principal) instanceof Actor.Staff ? "redirect:/clients" : "redirect:/portal";
  }

  /**
   * The clients.
   *
   * @param principal who is signed in
   * @param model the page's model
   * @return the page
   */
  @GetMapping("/clients")
  String clients(Principal principal, Model model) {
    Actor.Staff staff = actors.staff(principal);
    common(model, staff);
    model.addAttribute("clients", practice.clients());
    return "clients";
  }

  /**
   * A client's file: the client, the appointments and the client's payments.
   *
   * @param id the client's id
   * @param principal who is signed in
   * @param model the page's model
   * @return the page
   */
  @GetMapping("/clients/{id}")
  String client(@PathVariable("id") String id, Principal principal, Model model) {
    Actor.Staff staff = actors.staff(principal);
    Practice.Client client = client(id);
    common(model, staff);
    model.addAttribute("client", client);
    model.addAttribute("appointments", practice.appointments(client.id()));
    model.addAttribute(
        "payments", payments.payments(staff, PaymentQuery.all().client(client.id()).limit(50)));
    return "client";
  }

  /**
   * The payments list, with the payments processed and not yet saved.
   *
   * @param principal who is signed in
   * @param model the page's model
   * @return the page
   */
  @GetMapping("/payments")
  String payments(Principal principal, Model model) {
    Actor.Staff staff = actors.staff(principal);
    common(model, staff);
    model.addAttribute("payments", payments.payments(staff, PaymentQuery.all().limit(100)));
    model.addAttribute("unsaved", payments.unsaved(staff));
    model.addAttribute("clients", practice.clients());
    return "payments";
  }

  /**
   * Saves (posts) a processed payment from the payments list: one a client paid in the portal, or
   * one whose window was closed before Save.
   *
   * @param id the payment
   * @param principal who is signed in
   * @param flash the message for the next page
   * @return back to the payments list
   */
  @PostMapping("/payments/{id}/save")
  String save(@PathVariable("id") String id, Principal principal, RedirectAttributes flash) {
    Actor.Staff staff = actors.staff(principal);
    Payment saved = payments.save(staff, PaymentId.of(id));
    flash.addFlashAttribute(
        "message", "Saved " + saved.request().reference() + " to the client's ledger.");
    return "redirect:/payments";
  }

  /**
   * The New Payment window.
   *
   * @param clientId the client paying
   * @param origin where the window was opened from
   * @param appointmentId the appointment, when opened from one
   * @param principal who is signed in
   * @param model the page's model
   * @return the page
   */
  @GetMapping("/new-payment")
  String newPayment(
      @RequestParam("client") String clientId,
      @RequestParam(name = "origin", defaultValue = "CLIENTS") Origin origin,
      @RequestParam(name = "appointment", required = false) @Nullable String appointmentId,
      Principal principal,
      Model model) {
    Actor.Staff staff = actors.staff(principal);
    Practice.Client client = client(clientId);
    common(model, staff);
    model.addAttribute("client", client);
    model.addAttribute("origin", origin);
    model.addAttribute(
        "appointment",
        appointmentId == null
            ? null
            : practice.appointments(client.id()).stream()
                .filter(a -> a.id().equals(AppointmentId.of(appointmentId)))
                .findFirst()
                .orElseThrow(
                    () ->
                        new ResponseStatusException(HttpStatus.NOT_FOUND, "No such appointment")));
    model.addAttribute("today", LocalDate.now(agency.zone()));
    model.addAttribute("types", PaymentType.values());
    model.addAttribute("payers", Payer.values());
    boolean electronic = staff.has(Permission.PROCESS_ELECTRONIC_PAYMENTS);
    model.addAttribute("electronic", electronic);
    model.addAttribute("canSaveCard", staff.has(Permission.SAVE_CARD));
    List<PaymentMethod> cards =
        electronic && staff.has(Permission.CHARGE_SAVED_CARD)
            ? payments.savedCards(staff, client.id())
            : List.of();
    model.addAttribute("cards", cards);
    model.addAttribute("stripeJsUrl", settings.stripeJsUrl());
    model.addAttribute("publishableKey", settings.publishableKey());
    return "new-payment";
  }

  private Practice.Client client(String id) {
    return practice
        .client(id)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such client"));
  }

  private void common(Model model, Actor.Staff staff) {
    model.addAttribute("staffName", staff.id().value());
    model.addAttribute("champion", staff.has(Permission.ADMINISTER_ROLES));
  }
}
