package org.electronicpayments.spring.boot;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.electronicpayments.AgencyDetails;
import org.electronicpayments.AgencyId;
import org.electronicpayments.ElectronicPayments;
import org.jspecify.annotations.Nullable;

/**
 * The facades of every agency this application serves (a platform serving several clinics): the one
 * of {@code electronic-payments.agency.*} and one per {@code electronic-payments.agencies.<id>.*},
 * each with its own connected account and agency details, all over the application's one store. A
 * facade sees only its own agency's payments and saved cards. The JSON API serves the others under
 * {@code {path}/agencies/{agencyId}/api}, the webhook endpoint hands each event to the agency of
 * its connected account, and the reconcile schedule settles every agency's payments.
 *
 * <pre>{@code
 * @Autowired ElectronicPaymentsRegistry agencies;
 * ElectronicPayments eastside = agencies.get(AgencyId.of("eastside"));
 * }</pre>
 */
public final class ElectronicPaymentsRegistry implements AutoCloseable {

  private final AgencyId defaultAgency;
  private final Map<AgencyId, Entry> entries;

  ElectronicPaymentsRegistry(AgencyId defaultAgency, Map<AgencyId, Entry> entries) {
    this.defaultAgency = defaultAgency;
    this.entries = new LinkedHashMap<>(entries);
  }

  /**
   * The agency of {@code electronic-payments.agency.*}, served at {@code {path}/api}.
   *
   * @return its id
   */
  public AgencyId defaultAgency() {
    return defaultAgency;
  }

  /**
   * Every agency, the default one first.
   *
   * @return their ids
   */
  public Set<AgencyId> agencies() {
    return java.util.Collections.unmodifiableSet(entries.keySet());
  }

  /**
   * An agency's facade.
   *
   * @param agency the agency
   * @return its facade, if this application serves it
   */
  public Optional<ElectronicPayments> find(AgencyId agency) {
    return Optional.ofNullable(entries.get(agency)).map(Entry::payments);
  }

  /**
   * An agency's facade.
   *
   * @param agency the agency
   * @return its facade
   * @throws IllegalArgumentException when this application does not serve it
   */
  public ElectronicPayments get(AgencyId agency) {
    return find(agency)
        .orElseThrow(() -> new IllegalArgumentException("No agency " + agency.value()));
  }

  /**
   * An agency's details (name, address, time zone).
   *
   * @param agency the agency
   * @return its details
   * @throws IllegalArgumentException when this application does not serve it
   */
  public AgencyDetails details(AgencyId agency) {
    Entry e = entries.get(agency);
    if (e == null) {
      throw new IllegalArgumentException("No agency " + agency.value());
    }
    return e.details();
  }

  /**
   * The agency charging through a connected account.
   *
   * @param connectedAccount an {@code acct_…} id, or {@code null} for the platform's own account
   * @return the agency, if one uses it
   */
  Optional<AgencyId> forConnectedAccount(@Nullable String connectedAccount) {
    return entries.entrySet().stream()
        .filter(e -> Objects.equals(e.getValue().connectedAccount(), connectedAccount))
        .map(Map.Entry::getKey)
        .findFirst();
  }

  /** Closes the facades this registry built; the default one is the application's own bean. */
  @Override
  public void close() {
    entries.forEach(
        (id, e) -> {
          if (!id.equals(defaultAgency)) {
            e.payments().close();
          }
        });
  }

  /** One agency. */
  record Entry(
      AgencyDetails details, ElectronicPayments payments, @Nullable String connectedAccount) {}
}
