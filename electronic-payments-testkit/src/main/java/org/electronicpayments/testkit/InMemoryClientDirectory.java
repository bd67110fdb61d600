package org.electronicpayments.testkit;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.electronicpayments.ClientId;
import org.electronicpayments.spi.ClientDirectory;
import org.jspecify.annotations.Nullable;

/**
 * Client files in memory.
 *
 * <pre>{@code
 * InMemoryClientDirectory clients = InMemoryClientDirectory.create()
 *     .add(ClientId.of("1000"), "Pat Doe", "pat@example.org");
 * }</pre>
 */
public final class InMemoryClientDirectory implements ClientDirectory {

  private final ConcurrentHashMap<ClientId, Contact> contacts = new ConcurrentHashMap<>();

  private InMemoryClientDirectory() {}

  /**
   * Creates an empty directory.
   *
   * @return an empty directory
   */
  public static InMemoryClientDirectory create() {
    return new InMemoryClientDirectory();
  }

  /**
   * Adds or replaces a client.
   *
   * @param id the client
   * @param name the name on file
   * @param email the email on file, or {@code null}
   * @return this directory
   */
  public InMemoryClientDirectory add(ClientId id, String name, @Nullable String email) {
    contacts.put(id, new Contact(id, name, email));
    return this;
  }

  @Override
  public Optional<Contact> find(ClientId clientId) {
    return Optional.ofNullable(contacts.get(clientId));
  }
}
