package org.electronicpayments.reliability;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.electronicpayments.AccessDeniedException;
import org.electronicpayments.AppointmentId;
import org.electronicpayments.CardChoice;
import org.electronicpayments.ClientId;
import org.electronicpayments.Consent;
import org.electronicpayments.ConsentChannel;
import org.electronicpayments.ConsentGiver;
import org.electronicpayments.Money;
import org.electronicpayments.Origin;
import org.electronicpayments.Payer;
import org.electronicpayments.PaymentException;
import org.electronicpayments.PaymentId;
import org.electronicpayments.PaymentMethodId;
import org.electronicpayments.PaymentNotFoundException;
import org.electronicpayments.PaymentRequest;
import org.electronicpayments.PaymentType;
import org.electronicpayments.PaymentValidationException;
import org.electronicpayments.RepresentativeId;
import org.electronicpayments.security.Actor;
import org.electronicpayments.stripe.StripeWebhooks;
import org.electronicpayments.testkit.stripe.WebhookSignature;
import org.jspecify.annotations.Nullable;

/** The hostile inputs: every public entry point, each with the exception it must end in. */
final class Corpus {

  static final String MEGABYTE = "x".repeat(1 << 20);
  static final String[] CARDS = {
    "4242424242424242",
    "5555555555554444",
    "378282246310005",
    "6011111111111117",
    "4000056655665556"
  };

  /** One hostile input. */
  record Case(String name, Class<? extends Exception> expected, Consumer<HostileWorld> attempt) {
    @Override
    public String toString() {
      return name;
    }
  }

  private Corpus() {}

  static List<Case> all() {
    List<Case> cases = new ArrayList<>();
    amounts(cases);
    emails(cases);
    references(cases);
    notes(cases);
    cards(cases);
    crossField(cases);
    otherClients(cases);
    refundsAndCards(cases);
    ids(cases);
    webhooks(cases);
    return cases;
  }

  private static void amounts(List<Case> cases) {
    for (String text :
        new String[] {
          "10",
          "10.5",
          "10.001",
          "-1",
          "-1.00",
          "0",
          "0.00",
          "1e3",
          "1E3",
          "1,000.00",
          "$10.00",
          "10.00 USD",
          " 10.00",
          "10.00 ",
          "+10.00",
          ".50",
          "10.",
          "010.00",
          "1O.00",
          "10,00",
          "NaN",
          "Infinity",
          "0x1A",
          "١٠.٠٠",
          "10.00\u0000",
          "10.00\n",
          "",
          "   ",
          "99999999999999.00",
          "10..00",
          "1 000.00",
          "½",
          "10.00.00",
          "--10.00",
          "10-00",
          MEGABYTE
        }) {
      cases.add(
          new Case(
              "amount '" + printable(text) + "'",
              PaymentValidationException.class,
              w ->
                  PaymentRequest.builder()
                      .client(HostileWorld.OWNER)
                      .reference("A")
                      .payer(Payer.CO_PAY)
                      .amountReceived(text)
                      .electronic(true)
                      .card(CardChoice.oneTime("pm_card_visa"))
                      .build()));
    }
    for (long cents : new long[] {0, 1, 49, 100_000_000L, Long.MAX_VALUE}) {
      cases.add(
          new Case(
              "card amount of " + cents + " cents",
              PaymentValidationException.class,
              w ->
                  w.payments.process(
                      w.desk,
                      Fields.of(w.valid).amount(Money.ofMinor(cents, Money.USD)).request())));
    }
  }

  private static void emails(List<Case> cases) {
    for (String email :
        new String[] {
          "pat",
          "pat@",
          "@example.org",
          "pat@@example.org",
          "pat example@x.org",
          "pat@exa mple.org",
          "pat@example..org",
          "pat@.example.org",
          "<pat@example.org>",
          "pat@example.org;rm -rf",
          "pat@example.org\r\nBcc: all@example.org",
          "pat\u0000@example.org",
          "\"unclosed@example.org",
          "pat@example.org,other@example.org",
          "a".repeat(250) + "@x.org",
          "pat@" + "d".repeat(300) + ".org",
          MEGABYTE + "@x.org",
          "pat@[999.1.1.1]",
          "pat@exa_mple.org",
          "pat(comment@example.org",
          "p..at@example.org",
          ".pat@example.org",
          "pat.@example.org",
          "pat@-example.org",
          "4242424242424242@example.org"
        }) {
      cases.add(
          new Case(
              "email '" + printable(email) + "'",
              PaymentValidationException.class,
              w -> w.payments.process(w.desk, Fields.of(w.valid).email(email).request())));
    }
  }

  private static void references(List<Case> cases) {
    List<String> refs =
        new ArrayList<>(
            List.of(
                "",
                "   ",
                "R".repeat(65),
                MEGABYTE,
                "REF\u0000",
                "REF\u0007",
                "REF\nREF",
                "REF\rREF",
                "REF\tREF",
                "REF\u001b[31m",
                "REF\u007f",
                "REF\u0085"));
    for (String pan : CARDS) {
      refs.add(pan);
      refs.add("CC " + spaced(pan, ' '));
    }
    refs.add(null);
    for (String ref : refs) {
      cases.add(
          new Case(
              "reference '" + printable(ref) + "'",
              PaymentValidationException.class,
              w -> w.payments.process(w.desk, Fields.of(w.valid).reference(ref).request())));
    }
  }

  private static void notes(List<Case> cases) {
    List<String> notes = new ArrayList<>();
    for (String pan : CARDS) {
      notes.add(pan);
      notes.add(spaced(pan, ' '));
      notes.add(spaced(pan, '-'));
      notes.add("paid with " + pan + " exp 12/30");
      notes.add("DOS 90837 card " + spaced(pan, ' ') + " cvc 123");
      notes.add(pan + "0125");
      notes.add("card:" + spaced(pan, '-') + ".");
    }
    notes.add("n".repeat(501));
    notes.add(MEGABYTE);
    notes.add("DOS\u0000 90837");
    notes.add("\u0007bell");
    notes.add("escape \u001b[2J");
    for (String note : notes) {
      cases.add(
          new Case(
              "note '" + printable(note) + "'",
              PaymentValidationException.class,
              w -> w.payments.process(w.desk, Fields.of(w.valid).note(note).request())));
    }
  }

  private static void cards(List<Case> cases) {
    for (String token :
        new String[] {
          "4242424242424242",
          "4242 4242 4242 4242",
          "pm_",
          "",
          "pm_card visa",
          "pm_card_visa; DROP TABLE payments",
          "pm_cärd",
          "sk_test_51Hsecret",
          "pi_123_secret_456x",
          "whsec_abc",
          "pm_" + MEGABYTE,
          "PM_card_visa",
          "pm-card-visa",
          "tok_",
          "card_4242 4242 4242 4242"
        }) {
      cases.add(
          new Case(
              "card token '" + printable(token) + "'",
              PaymentValidationException.class,
              w ->
                  w.payments.process(
                      w.desk, Fields.of(w.valid).card(CardChoice.oneTime(token)).request())));
    }
    for (String nickname :
        new String[] {
          "",
          "  ",
          "N".repeat(41),
          "4242424242424242",
          "Visa 4242-4242-4242-4242",
          "Visa\u0000",
          "Visa\n1000",
          MEGABYTE
        }) {
      cases.add(
          new Case(
              "new card nickname '" + printable(nickname) + "'",
              PaymentValidationException.class,
              w ->
                  w.payments.process(
                      w.desk,
                      Fields.of(w.valid)
                          .card(
                              CardChoice.saveNew(
                                  "pm_card_visa",
                                  nickname,
                                  Consent.of(ConsentGiver.CLIENT, ConsentChannel.FRONT_DESK)))
                          .request())));
    }
  }

  private static void crossField(List<Case> cases) {
    cases.add(
        new Case(
            "electronic cash",
            PaymentValidationException.class,
            w -> w.payments.process(w.desk, Fields.of(w.valid).type(PaymentType.CASH).request())));
    cases.add(
        new Case(
            "electronic check",
            PaymentValidationException.class,
            w -> w.payments.process(w.desk, Fields.of(w.valid).type(PaymentType.CHECK).request())));
    cases.add(
        new Case(
            "card choice on a non-electronic payment",
            PaymentValidationException.class,
            w -> w.payments.process(w.desk, Fields.of(w.valid).electronic(false).request())));
    cases.add(
        new Case(
            "electronic payment without a card",
            PaymentValidationException.class,
            w -> w.payments.process(w.desk, Fields.of(w.valid).card(null).request())));
    cases.add(
        new Case(
            "no client",
            PaymentValidationException.class,
            w -> w.payments.process(w.desk, Fields.of(w.valid).client(null).request())));
    cases.add(
        new Case(
            "no payer",
            PaymentValidationException.class,
            w -> w.payments.process(w.desk, Fields.of(w.valid).payer(null).request())));
    cases.add(
        new Case(
            "no type",
            PaymentValidationException.class,
            w -> w.payments.process(w.desk, Fields.of(w.valid).type(null).request())));
    cases.add(
        new Case(
            "no origin",
            PaymentValidationException.class,
            w -> w.payments.process(w.desk, Fields.of(w.valid).origin(null).request())));
    cases.add(
        new Case(
            "no amount",
            PaymentValidationException.class,
            w -> w.payments.process(w.desk, Fields.of(w.valid).amount(null).request())));
    cases.add(
        new Case(
            "reference of an existing payment with other details",
            PaymentValidationException.class,
            w ->
                w.payments.process(
                    w.desk, Fields.of(w.valid).reference(w.paid.request().reference()).request())));
    cases.add(
        new Case(
            "null request", NullPointerException.class, w -> w.payments.process(w.desk, null)));
    cases.add(
        new Case("null actor", NullPointerException.class, w -> w.payments.process(null, w.valid)));
  }

  private static void otherClients(List<Case> cases) {
    Actor otherClient = Actor.client(HostileWorld.OTHER);
    Actor otherRep = Actor.representative(RepresentativeId.of("rep-9"), Set.of(HostileWorld.OTHER));
    cases.add(
        new Case(
            "another client's saved card",
            PaymentValidationException.class,
            w ->
                w.payments.process(
                    w.desk,
                    Fields.of(w.valid)
                        .client(HostileWorld.OTHER)
                        .card(CardChoice.saved(w.card))
                        .request())));
    cases.add(
        new Case(
            "a saved card that does not exist",
            PaymentValidationException.class,
            w ->
                w.payments.process(
                    w.desk,
                    Fields.of(w.valid)
                        .card(CardChoice.saved(PaymentMethodId.of("pm_nope")))
                        .request())));
    cases.add(
        new Case(
            "an expired saved card",
            PaymentValidationException.class,
            w ->
                w.payments.process(
                    w.desk, Fields.of(w.valid).card(CardChoice.saved(w.expiredCard)).request())));
    cases.add(
        new Case(
            "a client paying for another client",
            AccessDeniedException.class,
            w -> w.payments.process(otherClient, w.valid)));
    cases.add(
        new Case(
            "a representative paying for a client not represented",
            AccessDeniedException.class,
            w -> w.payments.process(otherRep, w.valid)));
    cases.add(
        new Case(
            "a client reading another client's payment",
            AccessDeniedException.class,
            w -> w.payments.payment(otherClient, w.paidId())));
    cases.add(
        new Case(
            "a client listing another client's cards",
            AccessDeniedException.class,
            w -> w.payments.savedCards(otherClient, HostileWorld.OWNER)));
    cases.add(
        new Case(
            "a client removing another client's card",
            AccessDeniedException.class,
            w -> w.payments.removeCard(otherClient, w.card)));
    cases.add(
        new Case(
            "a representative renaming a card of a client not represented",
            AccessDeniedException.class,
            w -> w.payments.renameCard(otherRep, w.card, "Mine now")));
    cases.add(
        new Case(
            "a client refunding a payment",
            AccessDeniedException.class,
            w ->
                w.payments.refund(
                    Actor.client(HostileWorld.OWNER), w.paidId(), Money.usd("1.00"))));
    cases.add(
        new Case(
            "a client emailing another client's receipt",
            AccessDeniedException.class,
            w -> w.payments.emailReceipt(otherClient, w.paidId())));
    cases.add(
        new Case(
            "a client retrying another client's payment",
            AccessDeniedException.class,
            w -> w.payments.retry(otherClient, w.paidId(), CardChoice.oneTime("pm_card_visa"))));
    cases.add(
        new Case(
            "the background job taking a payment",
            AccessDeniedException.class,
            w -> w.payments.process(Actor.system("reconciler"), w.valid)));
  }

  private static void refundsAndCards(List<Case> cases) {
    cases.add(
        new Case(
            "refund of nothing",
            PaymentValidationException.class,
            w -> w.payments.refund(w.desk, w.paidId(), Money.ofMinor(0, Money.USD))));
    cases.add(
        new Case(
            "refund in another currency",
            PaymentValidationException.class,
            w ->
                w.payments.refund(
                    w.desk, w.paidId(), Money.of("1.00", java.util.Currency.getInstance("EUR")))));
    cases.add(
        new Case(
            "refund of more than was paid",
            PaymentValidationException.class,
            w -> w.payments.refund(w.desk, w.paidId(), Money.usd("20.01"))));
    cases.add(
        new Case(
            "refund of a cash payment",
            PaymentException.class,
            w -> w.payments.refund(w.desk, w.cash.id(), Money.usd("1.00"))));
    cases.add(
        new Case(
            "refund of an unknown payment",
            PaymentNotFoundException.class,
            w -> w.payments.refund(w.desk, PaymentId.of("pay_unknown"), Money.usd("1.00"))));
    for (String nickname :
        new String[] {"", "4242 4242 4242 4242", "N".repeat(41), "Bad\u0000", MEGABYTE}) {
      cases.add(
          new Case(
              "rename to '" + printable(nickname) + "'",
              PaymentValidationException.class,
              w -> w.payments.renameCard(w.desk, w.card, nickname)));
    }
    cases.add(
        new Case(
            "rename of an unknown card",
            PaymentValidationException.class,
            w -> w.payments.renameCard(w.desk, PaymentMethodId.of("pm_unknown"), "Visa")));
    cases.add(
        new Case(
            "expiry in the past",
            PaymentValidationException.class,
            w -> w.payments.updateCardExpiry(w.desk, w.card, YearMonth.of(2020, 1))));
    cases.add(
        new Case(
            "expiry in 40 years",
            PaymentValidationException.class,
            w -> w.payments.updateCardExpiry(w.desk, w.card, YearMonth.now().plusYears(40))));
    cases.add(
        new Case(
            "save of a cash payment's unknown twin",
            PaymentNotFoundException.class,
            w -> w.payments.save(w.desk, PaymentId.of("pay_twin"))));
  }

  private static void ids(List<Case> cases) {
    for (String id :
        new String[] {
          "",
          " ",
          "1000 ",
          "10/00",
          "1000;DROP",
          "x".repeat(65),
          "<script>",
          "ü",
          "4242 4242 4242 4242",
          "\u0000"
        }) {
      cases.add(
          new Case(
              "client id '" + printable(id) + "'",
              PaymentValidationException.class,
              w -> ClientId.of(id)));
    }
    cases.add(
        new Case(
            "appointment id of a megabyte",
            PaymentValidationException.class,
            w -> AppointmentId.of(MEGABYTE)));
  }

  private static void webhooks(List<Case> cases) {
    String event =
        "{\"id\":\"evt_corpus\",\"object\":\"event\",\"type\":\"payment_intent.succeeded\","
            + "\"created\":1767279600,\"livemode\":false,\"data\":{\"object\":{\"id\":\"pi_x\",\"object\":\"payment_intent\","
            + "\"metadata\":{\"payment_id\":\"pay_x\"}}}}";
    Class<? extends Exception> invalid = StripeWebhooks.InvalidWebhookException.class;
    cases.add(
        new Case(
            "webhook signed with another secret",
            invalid,
            w ->
                w.webhooks.handle(
                    event, WebhookSignature.header(event, "whsec_wrong", Instant.now()))));
    cases.add(
        new Case(
            "webhook signed 10 minutes ago",
            invalid,
            w ->
                w.webhooks.handle(
                    event,
                    WebhookSignature.header(
                        event, HostileWorld.WEBHOOK_SECRET, Instant.now().minusSeconds(600)))));
    cases.add(
        new Case(
            "webhook re-serialized after signing",
            invalid,
            w ->
                w.webhooks.handle(
                    event.replace(",", ", "),
                    WebhookSignature.header(event, HostileWorld.WEBHOOK_SECRET, Instant.now()))));
    cases.add(
        new Case(
            "webhook with the payment id swapped after signing",
            invalid,
            w ->
                w.webhooks.handle(
                    event.replace("pay_x", w.paidId().value()),
                    WebhookSignature.header(event, HostileWorld.WEBHOOK_SECRET, Instant.now()))));
    cases.add(
        new Case("webhook without a signature", invalid, w -> w.webhooks.handle(event, null)));
    cases.add(
        new Case("webhook with an empty signature", invalid, w -> w.webhooks.handle(event, "")));
    cases.add(
        new Case(
            "webhook with a garbage signature", invalid, w -> w.webhooks.handle(event, "garbage")));
    cases.add(
        new Case(
            "webhook with only a timestamp",
            invalid,
            w -> w.webhooks.handle(event, "t=" + Instant.now().getEpochSecond())));
    cases.add(
        new Case(
            "webhook with a forged v1",
            invalid,
            w ->
                w.webhooks.handle(
                    event, "t=" + Instant.now().getEpochSecond() + ",v1=" + "0".repeat(64))));
    cases.add(
        new Case(
            "webhook truncated after signing",
            invalid,
            w ->
                w.webhooks.handle(
                    event.substring(0, 40),
                    WebhookSignature.header(event, HostileWorld.WEBHOOK_SECRET, Instant.now()))));
    cases.add(
        new Case(
            "webhook of a megabyte, unsigned",
            invalid,
            w -> w.webhooks.handle(MEGABYTE, "t=1,v1=" + "a".repeat(64))));
    String notJson = "not json at all";
    cases.add(
        new Case(
            "webhook that is not JSON, correctly signed",
            invalid,
            w ->
                w.webhooks.handle(
                    notJson,
                    WebhookSignature.header(notJson, HostileWorld.WEBHOOK_SECRET, Instant.now()))));
  }

  static String spaced(String pan, char sep) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < pan.length(); i++) {
      if (i > 0 && i % 4 == 0) {
        s.append(sep);
      }
      s.append(pan.charAt(i));
    }
    return s.toString();
  }

  static String printable(@Nullable String s) {
    if (s == null) {
      return "null";
    }
    String shown = s.length() > 40 ? s.substring(0, 37) + "…(" + s.length() + " chars)" : s;
    StringBuilder out = new StringBuilder();
    shown
        .codePoints()
        .forEach(
            c ->
                out.append(
                    Character.isISOControl(c)
                        ? String.format("\\u%04x", c)
                        : Character.toString(c)));
    return out.toString();
  }

  /** A request's fields, to make requests the builder would refuse and hand them to the facade. */
  static final class Fields {
    ClientId client;
    AppointmentId appointment;
    Origin origin;
    String email;
    String reference;
    PaymentType type;
    Payer payer;
    Money amount;
    String note;
    boolean electronic;
    CardChoice card;

    static Fields of(PaymentRequest r) {
      Fields f = new Fields();
      f.client = r.clientId();
      f.appointment = r.appointmentId();
      f.origin = r.origin();
      f.email = r.emailReceiptTo();
      f.reference = r.reference() + "-" + System.nanoTime();
      f.type = r.type();
      f.payer = r.payer();
      f.amount = r.amountReceived();
      f.note = r.note();
      f.electronic = r.electronic();
      f.card = r.card();
      return f;
    }

    Fields client(ClientId v) {
      client = v;
      return this;
    }

    Fields origin(Origin v) {
      origin = v;
      return this;
    }

    Fields email(String v) {
      email = v;
      return this;
    }

    Fields reference(String v) {
      reference = v;
      return this;
    }

    Fields type(PaymentType v) {
      type = v;
      return this;
    }

    Fields payer(Payer v) {
      payer = v;
      return this;
    }

    Fields amount(Money v) {
      amount = v;
      return this;
    }

    Fields note(String v) {
      note = v;
      return this;
    }

    Fields electronic(boolean v) {
      electronic = v;
      return this;
    }

    Fields card(CardChoice v) {
      card = v;
      return this;
    }

    PaymentRequest request() {
      return new PaymentRequest(
          client,
          appointment,
          origin,
          null,
          email,
          reference,
          type,
          payer,
          amount,
          note,
          electronic,
          card,
          true);
    }
  }
}
