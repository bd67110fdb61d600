package org.electronicpayments;

import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The agency taking payments: its id, the name and address printed on receipts, and its time zone
 * (which decides what "today" is for the date posted).
 *
 * <pre>{@code
 * AgencyDetails agency = new AgencyDetails(AgencyId.of("agency-1"), "Riverside Counseling",
 *     List.of("12 Main St", "Springfield, IL 62701"), "(555) 010-2000", ZoneId.of("America/Chicago"));
 * }</pre>
 *
 * @param id the agency's id
 * @param name the name printed on receipts
 * @param addressLines the address printed on receipts
 * @param phone the phone number printed on receipts, if any
 * @param zone the agency's time zone
 */
public record AgencyDetails(
    AgencyId id, String name, List<String> addressLines, @Nullable String phone, ZoneId zone) {

  /** Checks the parts and copies the address. */
  public AgencyDetails {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    addressLines = List.copyOf(addressLines);
    Objects.requireNonNull(zone, "zone");
  }
}
