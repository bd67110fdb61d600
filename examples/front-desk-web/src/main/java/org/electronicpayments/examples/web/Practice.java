package org.electronicpayments.examples.web;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.electronicpayments.AppointmentId;
import org.electronicpayments.ClientId;
import org.electronicpayments.StaffId;
import org.electronicpayments.spi.ClientDirectory;
import org.springframework.stereotype.Component;

/**
 * The host application's own records, which the SDK never holds: its clients, their appointments,
 * its staff and the clients' representatives. A real application reads them from its database; the
 * reference keeps a fixed practice so every page has something to show. As the facade's {@link
 * ClientDirectory} it gives receipts the client's name and email on file.
 */
@Component
public class Practice implements ClientDirectory {

  /**
   * A client of the agency.
   *
   * @param id the client's id, as the SDK knows it
   * @param name the client's name
   * @param email where receipts go by default
   */
  public record Client(ClientId id, String name, String email) {}

  /**
   * An appointment.
   *
   * @param id the appointment's id
   * @param client the client seen
   * @param date when
   * @param service what was provided
   */
  public record Appointment(AppointmentId id, ClientId client, LocalDate date, String service) {}

  /**
   * A signed-in person of the demo: staff, a client or a representative.
   *
   * @param username what they sign in with
   * @param name their name
   * @param kind {@code staff}, {@code client} or {@code representative}
   * @param id their id in the SDK's terms (a staff, client or representative id)
   * @param represents the clients a representative acts for
   */
  public record Person(
      String username, String name, String kind, String id, List<ClientId> represents) {}

  private static final List<Client> CLIENTS =
      List.of(
          new Client(ClientId.of("1000"), "Alex Rivera", "alex.rivera@example.test"),
          new Client(ClientId.of("1001"), "Jordan Lee", "pat.lee@example.test"),
          new Client(ClientId.of("1002"), "Morgan Diaz", "morgan.diaz@example.test"));

  private static final List<Person> PEOPLE =
      List.of(
          new Person("dana", "Dana Front Desk", "staff", "s-dana", List.of()),
          new Person("sam", "Sam Reception", "staff", "s-sam", List.of()),
          new Person("chris", "Chris Champion", "staff", "s-chris", List.of()),
          new Person("alex", "Alex Rivera", "client", "1000", List.of()),
          new Person("pat", "Pat Lee", "representative", "r-pat", List.of(ClientId.of("1001"))),
          new Person("stranger", "Stranger", "representative", "r-stranger", List.of()));

  /** Creates the practice. */
  public Practice() {}

  /**
   * Every client.
   *
   * @return the clients
   */
  public List<Client> clients() {
    return CLIENTS;
  }

  /**
   * A client.
   *
   * @param id the client's id
   * @return the client, if the practice has one of that id
   */
  public Optional<Client> client(String id) {
    return CLIENTS.stream().filter(c -> c.id().value().equals(id)).findFirst();
  }

  @Override
  public Optional<ClientDirectory.Contact> find(ClientId clientId) {
    return client(clientId.value())
        .map(c -> new ClientDirectory.Contact(c.id(), c.name(), c.email()));
  }

  /**
   * A client's appointments: this week's and next week's session, dated from today.
   *
   * @param client the client
   * @return the appointments
   */
  public List<Appointment> appointments(ClientId client) {
    LocalDate today = LocalDate.now(ZoneId.systemDefault());
    return List.of(
        new Appointment(
            AppointmentId.of("A-" + client.value() + "-1"),
            client,
            today,
            "Individual therapy, 50 minutes"),
        new Appointment(
            AppointmentId.of("A-" + client.value() + "-2"),
            client,
            today.plusDays(7),
            "Individual therapy, 50 minutes"));
  }

  /**
   * Everyone who can sign in.
   *
   * @return the people
   */
  public List<Person> people() {
    return PEOPLE;
  }

  /**
   * A person by username.
   *
   * @param username the username
   * @return the person, if any
   */
  public Optional<Person> person(String username) {
    return PEOPLE.stream().filter(p -> p.username().equals(username)).findFirst();
  }

  /**
   * The staff member of a username.
   *
   * @param username the username
   * @return the staff id, if the person is staff
   */
  public Optional<StaffId> staff(String username) {
    return person(username).filter(p -> p.kind().equals("staff")).map(p -> StaffId.of(p.id()));
  }
}
