package org.electronicpayments.spi;

import java.util.Objects;
import java.util.Optional;
import org.electronicpayments.ClientId;
import org.jspecify.annotations.Nullable;

/** The host's client files: the name and email on file, for receipts. */
@FunctionalInterface
public interface ClientDirectory {

  /**
   * Looks a client up.
   *
   * @param clientId the client
   * @return the client's contact details, if the client exists
   */
  Optional<Contact> find(ClientId clientId);

  /**
   * A directory that knows nobody; receipts then need an explicit address.
   *
   * @return the empty directory
   */
  static ClientDirectory none() {
    return id -> Optional.empty();
  }

  /**
   * A client's contact details.
   *
   * @param clientId the client
   * @param displayName the name printed on receipts
   * @param email the email on file, if any
   */
  record Contact(ClientId clientId, String displayName, @Nullable String email) {
    /** Requires the id and name. */
    public Contact {
      Objects.requireNonNull(clientId, "clientId");
      Objects.requireNonNull(displayName, "displayName");
    }

    /** Leaves out the email. */
    @Override
    public String toString() {
      return "Contact[" + clientId + "]";
    }
  }
}
