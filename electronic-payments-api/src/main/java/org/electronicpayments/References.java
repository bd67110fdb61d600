package org.electronicpayments;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reference convention of the help article, {@code 1.1.2026 1000 CC}: the date posted ({@code
 * day.month.year}, no leading zeros), the client number and the payment type, separated by single
 * spaces. Optional: a reference can be any unique text of up to 64 characters; agencies that follow
 * the convention build and read references here, and find payments by their start with {@link
 * PaymentQuery#referenceStartingWith}.
 *
 * <pre>{@code
 * String ref = References.of(LocalDate.of(2026, 1, 1), ClientId.of("1000"), PaymentType.CREDIT_CARD);
 * // "1.1.2026 1000 CC"
 * payments.payments(actor, PaymentQuery.all()
 *     .referenceStartingWith(References.prefix(LocalDate.of(2026, 1, 1), ClientId.of("1000"))));
 * References.parse("1.1.2026 1000 CC").map(References.Parts::clientId); // 1000
 * }</pre>
 *
 * <p>Type codes: {@code CC} for a card, {@code CA} for cash, {@code CK} for a check; agencies with
 * codes of their own pass them as text to {@link #of(LocalDate, ClientId, String)}.
 */
public final class References {

  private static final Pattern FORM =
      Pattern.compile(
          "([1-9][0-9]?)\\.([1-9][0-9]?)\\.([0-9]{4}) ([A-Za-z0-9_.:-]{1,64}) ([A-Za-z0-9]{1,8})");
  private static final Pattern TYPE_CODE = Pattern.compile("[A-Za-z0-9]{1,8}");

  private References() {}

  /**
   * Builds a reference by the convention.
   *
   * @param datePosted the date posted
   * @param clientId the client
   * @param type the payment type, written as its code
   * @return the reference, such as {@code 1.1.2026 1000 CC}
   */
  public static String of(LocalDate datePosted, ClientId clientId, PaymentType type) {
    return of(datePosted, clientId, code(type));
  }

  /**
   * Builds a reference by the convention with an agency's own type code.
   *
   * @param datePosted the date posted
   * @param clientId the client
   * @param typeCode 1 to 8 letters or digits
   * @return the reference
   * @throws IllegalArgumentException when the type code is not 1 to 8 letters or digits
   */
  public static String of(LocalDate datePosted, ClientId clientId, String typeCode) {
    Objects.requireNonNull(typeCode, "typeCode");
    if (!TYPE_CODE.matcher(typeCode).matches()) {
      throw new IllegalArgumentException("typeCode must be 1 to 8 letters or digits");
    }
    return prefix(datePosted, clientId) + typeCode;
  }

  /**
   * The start shared by the references of one client's payments posted on one day, with the
   * trailing space, so that client {@code 1000} does not match client {@code 10001}.
   *
   * @param datePosted the date posted
   * @param clientId the client
   * @return the prefix, such as {@code "1.1.2026 1000 "}
   */
  public static String prefix(LocalDate datePosted, ClientId clientId) {
    Objects.requireNonNull(clientId, "clientId");
    return prefix(datePosted) + clientId.value() + " ";
  }

  /**
   * The start shared by the references of every payment posted on one day, with the trailing space
   * (so 1.1.2026 does not match 1.1.20260).
   *
   * @param datePosted the date posted
   * @return the prefix, such as {@code "1.1.2026 "}
   */
  public static String prefix(LocalDate datePosted) {
    Objects.requireNonNull(datePosted, "datePosted");
    if (datePosted.getYear() < 1000 || datePosted.getYear() > 9999) {
      throw new IllegalArgumentException("datePosted must have a four-digit year");
    }
    return datePosted.getDayOfMonth()
        + "."
        + datePosted.getMonthValue()
        + "."
        + datePosted.getYear()
        + " ";
  }

  /**
   * Reads a reference written by the convention.
   *
   * @param reference the reference
   * @return its parts; empty when it does not follow the convention (wrong form, a date that does
   *     not exist, or a client number that is not a valid {@link ClientId})
   */
  public static Optional<Parts> parse(String reference) {
    Objects.requireNonNull(reference, "reference");
    Matcher m = FORM.matcher(reference.strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    try {
      LocalDate date =
          LocalDate.of(
              Integer.parseInt(m.group(3)),
              Integer.parseInt(m.group(2)),
              Integer.parseInt(m.group(1)));
      return Optional.of(new Parts(date, ClientId.of(m.group(4)), m.group(5)));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  /**
   * The code the convention writes for a payment type.
   *
   * @param type the type
   * @return {@code CC}, {@code CA} or {@code CK}
   */
  public static String code(PaymentType type) {
    return switch (Objects.requireNonNull(type, "type")) {
      case CREDIT_CARD -> "CC";
      case CASH -> "CA";
      case CHECK -> "CK";
    };
  }

  /**
   * The parts of a conventional reference.
   *
   * @param datePosted the date posted
   * @param clientId the client number
   * @param typeCode the type code, as written
   */
  public record Parts(LocalDate datePosted, ClientId clientId, String typeCode) {

    /** Requires every part. */
    public Parts {
      Objects.requireNonNull(datePosted, "datePosted");
      Objects.requireNonNull(clientId, "clientId");
      Objects.requireNonNull(typeCode, "typeCode");
    }

    /**
     * The payment type the code stands for, if it is one of the standard codes.
     *
     * @return the type, or empty for an agency's own code
     */
    public Optional<PaymentType> type() {
      for (PaymentType t : PaymentType.values()) {
        if (code(t).equals(typeCode)) {
          return Optional.of(t);
        }
      }
      return Optional.empty();
    }
  }
}
