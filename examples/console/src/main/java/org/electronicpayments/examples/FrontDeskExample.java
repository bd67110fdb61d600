package org.electronicpayments.examples;

import java.io.PrintStream;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.electronicpayments.AgencyDetails;
import org.electronicpayments.CardChoice;
import org.electronicpayments.ClientId;
import org.electronicpayments.Consent;
import org.electronicpayments.ConsentChannel;
import org.electronicpayments.ConsentGiver;
import org.electronicpayments.ElectronicPayments;
import org.electronicpayments.Origin;
import org.electronicpayments.Payer;
import org.electronicpayments.Payment;
import org.electronicpayments.PaymentMethod;
import org.electronicpayments.PaymentQuery;
import org.electronicpayments.PaymentRequest;
import org.electronicpayments.PaymentRequestBuilder;
import org.electronicpayments.PaymentResult;
import org.electronicpayments.PaymentType;
import org.electronicpayments.StaffId;
import org.electronicpayments.security.Actor;
import org.electronicpayments.security.Permission;
import org.electronicpayments.security.Role;
import org.electronicpayments.spi.ClientDirectory;

/**
 * Plays the help article "Processing an electronic client payment with Stripe" end to end: a staff
 * member with the electronic-payments permission takes a one-time card payment, saves a new card as
 * {@code Visa 1000}, charges that saved card, meets a declined card and retries with another,
 * records a cash payment, saves each, and prints the receipts and the payments list.
 *
 * <p>Run it with {@code mvn -B -q -pl examples -am -DskipTests package exec:java}; the first
 * argument (or {@code EP_EXAMPLE_MODE}) chooses the backend: see {@link Backend}.
 */
public final class FrontDeskExample {

  private final ElectronicPayments payments;

  /**
   * The client of this run. Each run has its own client file, because the ledger outlives the
   * emulator: a customer or saved card kept from an earlier run names objects a new emulator has
   * never seen.
   */
  private final ClientId client;

  private final PrintStream out;
  private final String run;
  private int sequence;

  FrontDeskExample(ElectronicPayments payments, PrintStream out, String run) {
    this.payments = payments;
    this.out = out;
    this.run = run;
    this.client = ClientId.of("1000-" + run);
  }

  /**
   * Runs the example.
   *
   * @param args optional: the backend ({@code emulator}, {@code fake} or {@code stripe})
   * @throws Exception when the backend cannot start
   */
  public static void main(String[] args) throws Exception {
    String mode =
        args.length > 0
            ? args[0]
            : System.getenv().getOrDefault("EP_EXAMPLE_MODE", Backend.DEFAULT);
    java.nio.file.Path ledger =
        java.nio.file.Path.of(
            System.getProperty("ep.example.ledger", "target/example-ledger/payments"));
    Backend backend = Backend.start(mode, System.out, ledger);
    try {
      new FrontDeskExample(
              backend.payments(), System.out, Long.toString(Instant.now().getEpochSecond(), 36))
          .play();
    } finally {
      backend.close();
    }
  }

  /** The agency's administrator ("Champion") grants the front desk the permissions it needs. */
  static Actor frontDesk() {
    Role frontDesk =
        Role.of(
            "Front desk",
            Permission.PROCESS_ELECTRONIC_PAYMENTS,
            Permission.SAVE_CARD,
            Permission.CHARGE_SAVED_CARD,
            Permission.MANAGE_SAVED_CARDS,
            Permission.RECORD_PAYMENTS,
            Permission.POST_PAYMENTS,
            Permission.SEND_RECEIPTS,
            Permission.VIEW_PAYMENTS,
            Permission.REFUND);
    return Actor.staff(StaffId.of("desk-1"), Set.of(frontDesk));
  }

  static AgencyDetails agency() {
    return new AgencyDetails(
        org.electronicpayments.AgencyId.of("riverside"),
        "Riverside Counseling",
        List.of("12 Main St", "Springfield, IL 62701"),
        "(555) 010-2000",
        java.time.ZoneId.of("America/Chicago"));
  }

  static ClientDirectory clients() {
    return id ->
        id.value().startsWith("1000-")
            ? java.util.Optional.of(new ClientDirectory.Contact(id, "Pat Doe", "pat@example.org"))
            : java.util.Optional.empty();
  }

  void play() {
    Actor desk = frontDesk();

    step("1. One-time card: co-pay of $10.00 from the appointment screen");
    PaymentResult oneTime =
        submit(
            desk,
            window(PaymentType.CREDIT_CARD, Payer.CO_PAY, "10.00")
                .origin(Origin.APPOINTMENTS)
                .appointment(org.electronicpayments.AppointmentId.of("appt-0900"))
                .note("DOS 90837, family session")
                .card(CardChoice.oneTime("pm_card_visa")));

    step("2. New card saved for future use as \"Visa 1000\": deductible of $75.00");
    PaymentResult saved =
        submit(
            desk,
            window(PaymentType.CREDIT_CARD, Payer.DEDUCTIBLE, "75.00")
                .card(
                    CardChoice.saveNew(
                        "pm_card_visa",
                        "Visa 1000",
                        Consent.of(ConsentGiver.CLIENT, ConsentChannel.FRONT_DESK))));
    List<PaymentMethod> cards = payments.savedCards(desk, client);
    cards.forEach(
        c ->
            out.printf(
                "   saved card: %s (%s, expires %s)%n",
                c.nickname(), c.card().display(), c.card().expiry()));

    step("3. The saved card, client at the desk: co-insurance of $32.50");
    PaymentResult again =
        submit(
            desk,
            window(PaymentType.CREDIT_CARD, Payer.CO_INSURANCE, "32.50")
                .card(CardChoice.saved(cards.get(cards.size() - 1).id())));

    step("4. A declined card, then another card");
    PaymentResult declined =
        submit(
            desk,
            window(PaymentType.CREDIT_CARD, Payer.CO_PAY, "20.00")
                .card(CardChoice.oneTime("pm_card_visa_chargeDeclinedInsufficientFunds")));
    out.println("   retrying with another card…");
    PaymentResult retried =
        payments.retry(desk, declined.payment().id(), CardChoice.oneTime("pm_card_mastercard"));
    report(retried);

    step("5. Cash: deductible of $25.00 (recorded, no card processor)");
    PaymentResult cash =
        submit(desk, window(PaymentType.CASH, Payer.DEDUCTIBLE, "25.00").electronic(false));

    step("6. Save each payment (\"Clicking Save is required to store the record of the payment\")");
    out.printf("   unsaved before saving: %d%n", payments.unsaved(desk).size());
    for (PaymentResult r : List.of(oneTime, saved, again, retried, cash)) {
      Payment posted = payments.save(desk, r.payment().id());
      out.printf("   saved %s → %s%n", posted.request().reference(), posted.status());
    }
    out.printf("   unsaved after saving: %d%n", payments.unsaved(desk).size());

    step("7. Receipts");
    out.println(indent(payments.receipt(desk, oneTime.payment().id()).toPlainText()));
    out.println(indent(payments.receipt(desk, cash.payment().id()).toPlainText()));
    out.printf(
        "   emailed receipt of step 2 to %s%n", payments.emailReceipt(desk, saved.payment().id()));
    out.printf(
        "   printable receipt of step 3: %d characters of HTML%n",
        payments.printableReceipt(desk, again.payment().id()).length());

    step("8. Payments of client " + client + " (Pat Doe) taken in this run");
    payments.payments(desk, PaymentQuery.all().client(client).limit(1000)).stream()
        .forEach(
            p ->
                out.printf(
                    "   %-28s %-12s %-14s %10s  %s%n",
                    p.request().reference(),
                    p.request().type(),
                    p.request().payer(),
                    p.amount().toDisplayString(),
                    p.status()));
    out.printf(
        "   (the ledger holds %d payments from every run so far)%n",
        payments.payments(desk, PaymentQuery.all().limit(100_000)).size());
  }

  private PaymentRequestBuilder window(PaymentType type, Payer payer, String amount) {
    sequence++;
    return PaymentRequest.builder()
        .client(client)
        .origin(Origin.PAYMENTS)
        .reference(
            java.time.format.DateTimeFormatter.ofPattern("M.d.uuuu")
                    .format(java.time.LocalDate.now(agency().zone()))
                + " 1000 "
                + (type == PaymentType.CASH ? "CASH" : "CC")
                + " "
                + run
                + "-"
                + sequence)
        .type(type)
        .payer(payer)
        .amountReceived(amount)
        .electronic(type == PaymentType.CREDIT_CARD);
  }

  private PaymentResult submit(Actor actor, PaymentRequestBuilder window) {
    PaymentResult result = payments.process(actor, window.build());
    report(result);
    return result;
  }

  private void report(PaymentResult result) {
    if (result instanceof PaymentResult.Succeeded ok) {
      out.printf(
          "   ✔ %s approved, confirmation %s%s%n",
          ok.payment().amount().toDisplayString(),
          ok.confirmationNumber(),
          ok.payment().card() == null ? "" : " (" + ok.payment().card().display() + ")");
    } else if (result instanceof PaymentResult.Failed failed) {
      out.printf(
          "   ✘ not charged: %s%n     processor said: %s%n",
          failed.failure().reason(), failed.failure().processorResponse());
    } else if (result instanceof PaymentResult.RequiresAction) {
      out.println("   … the client must confirm the card with their bank (3-D Secure)");
    } else {
      out.println("   ? outcome not known yet; reconcile will settle it");
    }
  }

  private void step(String title) {
    out.println();
    out.println(title);
  }

  private static String indent(String text) {
    return "   " + text.strip().replace("\n", "\n   ");
  }
}
