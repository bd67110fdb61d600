package org.electronicpayments.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.electronicpayments.AccessDeniedException;
import org.electronicpayments.AgencyId;
import org.electronicpayments.ClientId;
import org.electronicpayments.PaymentValidationException;
import org.electronicpayments.RepresentativeId;
import org.electronicpayments.StaffId;
import org.electronicpayments.roles.RoleDirectory;
import org.electronicpayments.roles.RoleExistsException;
import org.electronicpayments.roles.RoleNotFoundException;
import org.electronicpayments.security.Actor;
import org.electronicpayments.security.Permission;
import org.electronicpayments.security.Role;
import org.electronicpayments.security.StandardRoles;
import org.electronicpayments.spi.AuditSink;
import org.electronicpayments.spi.RoleStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link RoleStore} must pass, run through a {@link RoleDirectory} over it: the
 * Champion's edits, refusals, audit before/after, and edits made at once. Extend it and return a
 * store:
 *
 * <pre>{@code
 * class MyRoleStoreCompatibilityTest extends RoleDirectoryCompatibilityKit {
 *   protected RoleStore store() { return myStore; }
 * }
 * }</pre>
 *
 * <p>Each test uses a fresh agency id, so a store shared between tests (a database) works.
 */
public abstract class RoleDirectoryCompatibilityKit {

  /** The staff member {@code setUp} makes Champion in each test. */
  protected static final StaffId CHAMPION = StaffId.of("champion-1");

  /** A staff member at the front desk. */
  protected static final StaffId DESK = StaffId.of("desk-17");

  /** This test's agency, unique per test. */
  protected AgencyId agency;

  /** The audit trail of this test's directory. */
  protected RecordingAuditSink audit;

  /** The directory under test, over {@link #store()}, already {@code setUp(CHAMPION)}. */
  protected RoleDirectory roles;

  /** The Champion, as an actor. */
  protected Actor champion;

  /**
   * The store under test.
   *
   * @return the store; may be the same instance for every test
   */
  protected abstract RoleStore store();

  @BeforeEach
  void freshAgency() {
    agency = AgencyId.of("agency-" + UUID.randomUUID().toString().substring(0, 8));
    audit = RecordingAuditSink.create();
    roles = directory(agency);
    assertThat(roles.setUp(CHAMPION)).isTrue();
    champion = Actor.staff(CHAMPION);
    audit.reset();
  }

  private RoleDirectory directory(AgencyId id) {
    return RoleDirectory.builder()
        .agency(id)
        .store(store())
        .auditSink(audit)
        .clock(Clock.systemUTC())
        .build();
  }

  private List<AuditSink.Change> changes() {
    return audit.events().stream()
        .filter(e -> e.change() != null)
        .map(AuditSink.Event::change)
        .toList();
  }

  private static List<String> names(Permission... permissions) {
    return EnumSet.of(permissions[0], permissions).stream().map(Permission::name).sorted().toList();
  }

  @Nested
  @DisplayName("Setting up")
  class SettingUp {

    @Test
    @DisplayName("defines the standard roles and makes the named staff member Champion")
    void definesStandardRolesAndAChampion() {
      assertThat(roles.roles()).containsExactlyInAnyOrderElementsOf(StandardRoles.all());
      assertThat(roles.rolesOf(CHAMPION)).containsExactly(StandardRoles.CHAMPION);
      assertThat(roles.permissionsOf(CHAMPION)).containsExactlyInAnyOrder(Permission.values());
    }

    @Test
    @DisplayName("changes nothing, and records nothing, once the agency has a Champion")
    void isIdempotent() {
      assertThat(roles.setUp(StaffId.of("someone-else"))).isFalse();
      assertThat(roles.permissionsOf(StaffId.of("someone-else"))).isEmpty();
      assertThat(audit.events()).isEmpty();
    }

    @Test
    @DisplayName("restores a Champion when the last one was removed, and audits it")
    void restoresAChampion() {
      roles.unassign(champion, CHAMPION, StandardRoles.CHAMPION.name());
      assertThat(roles.setUp(StaffId.of("champion-2"))).isTrue();
      assertThat(roles.permissionsOf(StaffId.of("champion-2")))
          .contains(Permission.ADMINISTER_ROLES);
      assertThat(audit.events())
          .last()
          .satisfies(
              e -> {
                assertThat(e.actor()).isEqualTo(RoleDirectory.SET_UP_ACTOR);
                assertThat(e.change())
                    .isEqualTo(
                        new AuditSink.Change("staff:champion-2", List.of(), List.of("Champion")));
              });
    }

    @Test
    @DisplayName("keeps each agency's roles apart")
    void agenciesApart() {
      roles.assign(champion, DESK, StandardRoles.FRONT_DESK.name());
      RoleDirectory other = directory(AgencyId.of(agency.value() + "-other"));
      assertThat(other.roles()).isEmpty();
      assertThat(other.permissionsOf(DESK)).isEmpty();
      assertThat(other.permissionsOf(CHAMPION)).isEmpty();
    }
  }

  @Nested
  @DisplayName("The Champion's edits")
  class Edits {

    @Test
    @DisplayName(
        "assigning the front-desk role grants its permissions at once, audited with before and after")
    void assignGrantsAtOnce() {
      assertThat(roles.permissionsOf(DESK)).isEmpty();
      RoleStore.Edit edit = roles.assign(champion, DESK, "Front desk");

      assertThat(edit).isEqualTo(new RoleStore.Edit(List.of(), List.of("Front desk")));
      assertThat(roles.permissionsOf(DESK))
          .containsExactlyInAnyOrderElementsOf(StandardRoles.FRONT_DESK.permissions());
      assertThat(audit.events())
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.allowed()).isTrue();
                assertThat(e.actor()).isEqualTo("staff:champion-1");
                assertThat(e.permission()).isEqualTo(Permission.ADMINISTER_ROLES);
                assertThat(e.change())
                    .isEqualTo(
                        new AuditSink.Change("staff:desk-17", List.of(), List.of("Front desk")));
              });
    }

    @Test
    @DisplayName("a revoked permission is gone from the very next read, and a granted one there")
    void revokeAndGrantTakeEffectAtOnce() {
      roles.assign(champion, DESK, "Front desk");
      RoleStore.Edit revoked = roles.revoke(champion, "Front desk", Permission.SEND_RECEIPTS);
      assertThat(roles.permissionsOf(DESK)).doesNotContain(Permission.SEND_RECEIPTS);
      assertThat(revoked.before()).contains("SEND_RECEIPTS");
      assertThat(revoked.after())
          .doesNotContain("SEND_RECEIPTS")
          .hasSize(StandardRoles.FRONT_DESK.permissions().size() - 1);

      RoleStore.Edit granted = roles.grant(champion, "Front desk", Permission.REFUND);
      assertThat(roles.permissionsOf(DESK)).contains(Permission.REFUND);
      assertThat(granted.before()).isEqualTo(revoked.after());
      assertThat(changes())
          .extracting(AuditSink.Change::subject)
          .containsExactly("staff:desk-17", "role:Front desk", "role:Front desk");
      assertThat(changes().get(2).after()).contains("REFUND").doesNotContain("SEND_RECEIPTS");
    }

    @Test
    @DisplayName(
        "a staff member holds every permission of every role assigned, and loses only what is unassigned")
    void permissionsAreTheUnionOfRoles() {
      roles.defineRole(champion, "Billing", Set.of(Permission.REFUND, Permission.VIEW_PAYMENTS));
      roles.assign(champion, DESK, "Front desk");
      roles.assign(champion, DESK, "Billing");
      assertThat(roles.rolesOf(DESK))
          .extracting(Role::name)
          .containsExactly("Billing", "Front desk");
      assertThat(roles.permissionsOf(DESK))
          .contains(Permission.REFUND, Permission.PROCESS_ELECTRONIC_PAYMENTS);

      RoleStore.Edit edit = roles.unassign(champion, DESK, "Billing");
      assertThat(edit)
          .isEqualTo(new RoleStore.Edit(List.of("Billing", "Front desk"), List.of("Front desk")));
      assertThat(roles.permissionsOf(DESK))
          .doesNotContain(Permission.REFUND)
          .contains(Permission.VIEW_PAYMENTS);
    }

    @Test
    @DisplayName("a defined role reads back, and its definition is audited with its permissions")
    void defineRole() {
      Role billing =
          roles.defineRole(
              champion, "  Billing ", Set.of(Permission.REFUND, Permission.VIEW_PAYMENTS));

      assertThat(billing.name()).isEqualTo("Billing");
      assertThat(roles.role("Billing")).contains(billing);
      assertThat(changes())
          .containsExactly(
              new AuditSink.Change(
                  "role:Billing", List.of(), names(Permission.REFUND, Permission.VIEW_PAYMENTS)));
    }

    @Test
    @DisplayName("a second role of the same name is refused and the first is unchanged")
    void duplicateRole() {
      assertThatThrownBy(() -> roles.defineRole(champion, "Front desk", Set.of(Permission.REFUND)))
          .isInstanceOf(RoleExistsException.class);
      assertThat(roles.role("Front desk")).contains(StandardRoles.FRONT_DESK);
      assertThat(changes()).isEmpty();
    }

    @Test
    @DisplayName("an unknown role is refused and nothing is stored or audited as a change")
    void unknownRole() {
      assertThatThrownBy(() -> roles.assign(champion, DESK, "Nobody"))
          .isInstanceOf(RoleNotFoundException.class);
      assertThatThrownBy(() -> roles.grant(champion, "Nobody", Permission.REFUND))
          .isInstanceOf(RoleNotFoundException.class);
      assertThatThrownBy(() -> roles.revoke(champion, "Nobody", Permission.REFUND))
          .isInstanceOf(RoleNotFoundException.class);
      assertThat(roles.rolesOf(DESK)).isEmpty();
      assertThat(roles.role("Nobody")).isEmpty();
      assertThat(changes()).isEmpty();
    }

    @Test
    @DisplayName("a blank or too long name is a field error and nothing is stored")
    void badNames() {
      assertThatThrownBy(() -> roles.defineRole(champion, " ", Set.of()))
          .isInstanceOfSatisfying(
              PaymentValidationException.class, e -> assertThat(e.hasErrorOn("name")).isTrue());
      assertThatThrownBy(
              () ->
                  roles.defineRole(
                      champion, "x".repeat(RoleDirectory.MAX_NAME_LENGTH + 1), Set.of()))
          .isInstanceOfSatisfying(
              PaymentValidationException.class, e -> assertThat(e.hasErrorOn("name")).isTrue());
      assertThatThrownBy(() -> roles.assign(champion, DESK, ""))
          .isInstanceOfSatisfying(
              PaymentValidationException.class, e -> assertThat(e.hasErrorOn("role")).isTrue());
      assertThat(roles.roles()).hasSize(2);
      assertThat(audit.events()).isEmpty();
    }
  }

  @Nested
  @DisplayName("Refusals")
  class Refusals {

    @Test
    @DisplayName(
        "staff without ADMINISTER_ROLES cannot edit roles; each refusal is audited and nothing changes")
    void nonChampionStaff() {
      roles.assign(champion, DESK, "Front desk");
      audit.reset();
      Actor desk =
          Actor.staff(DESK, Set.of(StandardRoles.CHAMPION)); // carried roles do not count here

      List<Runnable> edits =
          List.of(
              () -> roles.assign(desk, DESK, "Champion"),
              () -> roles.unassign(desk, CHAMPION, "Champion"),
              () -> roles.grant(desk, "Front desk", Permission.REFUND),
              () -> roles.revoke(desk, "Front desk", Permission.SEND_RECEIPTS),
              () -> roles.defineRole(desk, "Everything", EnumSet.allOf(Permission.class)));
      for (Runnable edit : edits) {
        assertThatThrownBy(edit::run)
            .isInstanceOfSatisfying(
                AccessDeniedException.class,
                e -> {
                  assertThat(e.permission()).isEqualTo(Permission.ADMINISTER_ROLES);
                  assertThat(e.actor()).isEqualTo("staff:desk-17");
                });
      }

      assertThat(audit.events())
          .hasSize(edits.size())
          .allSatisfy(
              e -> {
                assertThat(e.allowed()).isFalse();
                assertThat(e.actor()).isEqualTo("staff:desk-17");
                assertThat(e.permission()).isEqualTo(Permission.ADMINISTER_ROLES);
                assertThat(e.change()).isNull();
              });
      assertThat(roles.rolesOf(DESK)).containsExactly(StandardRoles.FRONT_DESK);
      assertThat(roles.rolesOf(CHAMPION)).containsExactly(StandardRoles.CHAMPION);
      assertThat(roles.role("Front desk")).contains(StandardRoles.FRONT_DESK);
      assertThat(roles.role("Everything")).isEmpty();
    }

    @Test
    @DisplayName("clients, representatives and background jobs cannot edit roles")
    void otherActors() {
      for (Actor actor :
          List.of(
              Actor.client(ClientId.of("1000")),
              Actor.representative(RepresentativeId.of("r-1"), Set.of(ClientId.of("1000"))),
              Actor.system("reconciler"))) {
        assertThatThrownBy(() -> roles.assign(actor, DESK, "Champion"))
            .isInstanceOf(AccessDeniedException.class);
      }
      assertThat(audit.denials()).hasSize(3);
      assertThat(roles.rolesOf(DESK)).isEmpty();
    }

    @Test
    @DisplayName("a Champion whose role loses ADMINISTER_ROLES is refused from the next edit")
    void championLosesTheRight() {
      StaffId second = StaffId.of("champion-2");
      roles.assign(champion, second, "Champion");
      roles.revoke(Actor.staff(second), "Champion", Permission.ADMINISTER_ROLES);

      assertThatThrownBy(() -> roles.grant(champion, "Champion", Permission.ADMINISTER_ROLES))
          .isInstanceOf(AccessDeniedException.class);
      assertThat(audit.denials())
          .singleElement()
          .extracting(AuditSink.Event::actor)
          .isEqualTo("staff:champion-1");

      audit.reset();
      assertThat(roles.setUp(StaffId.of("champion-3")))
          .as("setUp restores a Champion who can edit")
          .isTrue();
      assertThat(roles.permissionsOf(StaffId.of("champion-3")))
          .contains(Permission.ADMINISTER_ROLES);
      assertThat(roles.permissionsOf(CHAMPION)).contains(Permission.ADMINISTER_ROLES);
      assertThat(changes())
          .extracting(AuditSink.Change::subject)
          .containsExactly("role:Champion", "staff:champion-3");
    }
  }

  @Nested
  @DisplayName("Edits at once")
  class Concurrent {

    @Test
    @DisplayName(
        "Champions granting different permissions to one role at once lose none, and each audit shows"
            + " what its edit really saw")
    void concurrentGrants() throws Exception {
      roles.defineRole(champion, "Shared", Set.of());
      roles.assign(champion, StaffId.of("champion-2"), "Champion");
      audit.reset();
      List<Permission> permissions =
          List.of(
              Permission.REFUND,
              Permission.SAVE_CARD,
              Permission.SEND_RECEIPTS,
              Permission.VIEW_PAYMENTS,
              Permission.POST_PAYMENTS,
              Permission.RECORD_PAYMENTS,
              Permission.CHARGE_SAVED_CARD,
              Permission.MANAGE_SAVED_CARDS);
      List<Callable<RoleStore.Edit>> edits = new ArrayList<>();
      for (int i = 0; i < permissions.size(); i++) {
        Actor who = Actor.staff(i % 2 == 0 ? CHAMPION : StaffId.of("champion-2"));
        Permission p = permissions.get(i);
        edits.add(() -> roles.grant(who, "Shared", p));
      }
      List<RoleStore.Edit> done = runAtOnce(edits);

      assertThat(roles.role("Shared").orElseThrow().permissions())
          .containsExactlyInAnyOrderElementsOf(permissions);
      assertIsOneChain(done, List.of());
      assertThat(changes()).hasSize(permissions.size());
    }

    @Test
    @DisplayName(
        "granting and revoking one role's permissions at once applies both, one after the other")
    void concurrentGrantAndRevoke() throws Exception {
      roles.defineRole(
          champion,
          "Shared",
          EnumSet.of(
              Permission.REFUND,
              Permission.SAVE_CARD,
              Permission.SEND_RECEIPTS,
              Permission.VIEW_PAYMENTS));
      List<Callable<RoleStore.Edit>> edits =
          List.of(
              () -> roles.revoke(champion, "Shared", Permission.REFUND),
              () -> roles.revoke(champion, "Shared", Permission.SAVE_CARD),
              () -> roles.grant(champion, "Shared", Permission.POST_PAYMENTS),
              () -> roles.grant(champion, "Shared", Permission.RECORD_PAYMENTS));
      List<RoleStore.Edit> done = runAtOnce(edits);

      assertThat(roles.role("Shared").orElseThrow().permissions())
          .containsExactlyInAnyOrder(
              Permission.SEND_RECEIPTS,
              Permission.VIEW_PAYMENTS,
              Permission.POST_PAYMENTS,
              Permission.RECORD_PAYMENTS);
      // Every edit changed exactly one name, and each started from a state some other edit (or the
      // definition) left: replayed in that order, they reach the final state.
      List<String> state =
          names(
              Permission.REFUND,
              Permission.SAVE_CARD,
              Permission.SEND_RECEIPTS,
              Permission.VIEW_PAYMENTS);
      List<RoleStore.Edit> left = new ArrayList<>(done);
      while (!left.isEmpty()) {
        List<String> current = state;
        RoleStore.Edit next =
            left.stream()
                .filter(e -> e.before().equals(current))
                .findFirst()
                .orElseThrow(
                    () ->
                        new AssertionError("no edit started from " + current + "; edits: " + done));
        left.remove(next);
        state = next.after();
      }
      assertThat(state)
          .isEqualTo(
              names(
                  Permission.SEND_RECEIPTS,
                  Permission.VIEW_PAYMENTS,
                  Permission.POST_PAYMENTS,
                  Permission.RECORD_PAYMENTS));
    }

    @Test
    @DisplayName("Champions assigning different roles to one staff member at once lose none")
    void concurrentAssignments() throws Exception {
      List<String> names = List.of("A", "B", "C", "D", "E", "F");
      for (String name : names) {
        roles.defineRole(champion, name, Set.of(Permission.VIEW_PAYMENTS));
      }
      List<Callable<RoleStore.Edit>> edits = new ArrayList<>();
      for (String name : names) {
        edits.add(() -> roles.assign(champion, DESK, name));
      }
      List<RoleStore.Edit> done = runAtOnce(edits);

      assertThat(roles.rolesOf(DESK)).extracting(Role::name).containsExactlyElementsOf(names);
      assertIsOneChain(done, List.of());
    }

    /** Each edit added one name; sorted by size, each must start where the one before ended. */
    private void assertIsOneChain(List<RoleStore.Edit> done, List<String> start) {
      List<RoleStore.Edit> ordered = new ArrayList<>(done);
      ordered.sort((a, b) -> Integer.compare(a.after().size(), b.after().size()));
      List<String> state = start;
      for (RoleStore.Edit e : ordered) {
        assertThat(e.before()).as("an edit's before is the previous edit's after").isEqualTo(state);
        assertThat(e.after()).hasSize(state.size() + 1);
        state = e.after();
      }
    }

    private List<RoleStore.Edit> runAtOnce(List<Callable<RoleStore.Edit>> edits) throws Exception {
      ExecutorService pool = Executors.newFixedThreadPool(edits.size());
      try {
        CountDownLatch ready = new CountDownLatch(edits.size());
        CountDownLatch go = new CountDownLatch(1);
        List<Future<RoleStore.Edit>> futures = new ArrayList<>();
        for (Callable<RoleStore.Edit> edit : edits) {
          futures.add(
              pool.submit(
                  () -> {
                    ready.countDown();
                    go.await();
                    return edit.call();
                  }));
        }
        assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
        go.countDown();
        List<RoleStore.Edit> done = new ArrayList<>();
        for (Future<RoleStore.Edit> f : futures) {
          done.add(f.get(60, TimeUnit.SECONDS));
        }
        return done;
      } finally {
        pool.shutdownNow();
      }
    }
  }
}
