package org.electronicpayments.examples.web;

import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.electronicpayments.StaffId;
import org.electronicpayments.roles.RoleDirectory;
import org.electronicpayments.security.Actor;
import org.electronicpayments.security.Permission;
import org.electronicpayments.security.Role;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The Champion's page: the agency's roles with their permissions, the staff and the roles each
 * holds; granting or revoking a role's permission (the electronic-payments permission among them)
 * and giving a staff member a role. The {@link RoleDirectory} checks that the actor is a Champion
 * and audits every edit.
 */
@Controller
public class ChampionPages {

  private final RoleDirectory roles;
  private final Practice practice;
  private final Actors actors;

  /**
   * Creates the page.
   *
   * @param roles the agency's roles
   * @param practice the host's staff
   * @param actors who is signed in
   */
  public ChampionPages(RoleDirectory roles, Practice practice, Actors actors) {
    this.roles = roles;
    this.practice = practice;
    this.actors = actors;
  }

  /**
   * The roles and who has them.
   *
   * @param principal who is signed in
   * @param model the page's model
   * @return the page
   */
  @GetMapping("/champion")
  String page(Principal principal, Model model) {
    champion(principal);
    Map<String, List<String>> staff = new LinkedHashMap<>();
    for (Practice.Person p : practice.people()) {
      if (p.kind().equals("staff")) {
        staff.put(
            p.name() + " (" + p.username() + ")",
            roles.rolesOf(StaffId.of(p.id())).stream().map(Role::name).toList());
      }
    }
    model.addAttribute("roles", roles.roles());
    model.addAttribute("staff", staff);
    model.addAttribute(
        "people", practice.people().stream().filter(p -> p.kind().equals("staff")).toList());
    model.addAttribute("permissions", Permission.values());
    model.addAttribute("staffName", actors.staff(principal).id().value());
    model.addAttribute("champion", true);
    return "champion";
  }

  /**
   * Grants a role a permission, or revokes it.
   *
   * @param role the role's name
   * @param permission the permission
   * @param action {@code grant} or {@code revoke}
   * @param principal who is signed in
   * @param flash the message for the next page
   * @return back to the page
   */
  @PostMapping("/champion/permissions")
  String permission(
      @RequestParam("role") String role,
      @RequestParam("permission") Permission permission,
      @RequestParam(name = "action", defaultValue = "grant") String action,
      Principal principal,
      RedirectAttributes flash) {
    Actor champion = champion(principal);
    if (action.equals("revoke")) {
      roles.revoke(champion, role, permission);
      flash.addFlashAttribute("message", "Revoked " + permission + " from " + role + ".");
    } else {
      roles.grant(champion, role, permission);
      flash.addFlashAttribute("message", "Granted " + permission + " to " + role + ".");
    }
    return "redirect:/champion";
  }

  /**
   * Gives a staff member a role.
   *
   * @param username the staff member's username
   * @param role the role's name
   * @param principal who is signed in
   * @param flash the message for the next page
   * @return back to the page
   */
  @PostMapping("/champion/assignments")
  String assign(
      @RequestParam("staff") String username,
      @RequestParam("role") String role,
      Principal principal,
      RedirectAttributes flash) {
    Actor champion = champion(principal);
    StaffId staff =
        practice
            .staff(username)
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such staff"));
    roles.assign(champion, staff, role);
    flash.addFlashAttribute("message", "Gave " + username + " the role " + role + ".");
    return "redirect:/champion";
  }

  private Actor.Staff champion(Principal principal) {
    Actor.Staff staff = actors.staff(principal);
    if (!staff.has(Permission.ADMINISTER_ROLES)) {
      throw new org.electronicpayments.AccessDeniedException(
          staff, Permission.ADMINISTER_ROLES, null, "only a Champion edits roles");
    }
    return staff;
  }
}
