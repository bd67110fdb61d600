package org.electronicpayments.roles;

import java.time.Clock;
import java.util.Objects;
import org.electronicpayments.AgencyId;
import org.electronicpayments.spi.AuditSink;
import org.electronicpayments.spi.RoleStore;
import org.jspecify.annotations.Nullable;

/**
 * Configures a {@link RoleDirectory}. The agency and the store are required; {@link #build()}
 * checks them.
 *
 * <pre>{@code
 * RoleDirectory roles = RoleDirectory.builder()
 *     .agency(AgencyId.of("riverside"))
 *     .store(InMemoryRoleStore.create())
 *     .auditSink(audit)        // default AuditSink.logging(); give it the facade's sink
 *     .build();
 * }</pre>
 */
public final class RoleDirectoryBuilder {

  private @Nullable AgencyId agency;
  private @Nullable RoleStore store;
  private AuditSink audit = AuditSink.logging();
  private Clock clock = Clock.systemUTC();

  RoleDirectoryBuilder() {}

  /**
   * Sets the agency whose roles these are (required).
   *
   * @param agency the agency
   * @return this builder
   */
  public RoleDirectoryBuilder agency(AgencyId agency) {
    this.agency = Objects.requireNonNull(agency, "agency");
    return this;
  }

  /**
   * Sets where the roles are kept (required): {@link InMemoryRoleStore} or the JDBC module's {@code
   * JdbcRoleStore}.
   *
   * @param store the role store
   * @return this builder
   */
  public RoleDirectoryBuilder store(RoleStore store) {
    this.store = Objects.requireNonNull(store, "store");
    return this;
  }

  /**
   * Sets where edits and refusals are recorded (default {@link AuditSink#logging()}).
   *
   * @param audit the audit trail
   * @return this builder
   */
  public RoleDirectoryBuilder auditSink(AuditSink audit) {
    this.audit = Objects.requireNonNull(audit, "auditSink");
    return this;
  }

  /**
   * Sets the clock that stamps audit events (default: system UTC).
   *
   * @param clock the clock
   * @return this builder
   */
  public RoleDirectoryBuilder clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    return this;
  }

  /**
   * Checks the settings and builds the directory.
   *
   * @return the directory
   * @throws IllegalStateException naming a missing setting
   */
  public RoleDirectory build() {
    if (agency == null) {
      throw new IllegalStateException("agency is required: the AgencyId whose roles these are");
    }
    if (store == null) {
      throw new IllegalStateException(
          "store is required: InMemoryRoleStore.create() or a JdbcRoleStore");
    }
    return new RoleDirectory(agency, store, audit, clock);
  }
}
