package org.gongjian.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ActorTests {

    @Test
    void unit_staff_act_only_for_initiatives_their_unit_leads_or_co_leads() {
        Actor clerk = new Actor("chishui-clerk", 42L, Set.of(Role.UNIT_STAFF), Role.UNIT_STAFF.permissions());
        assertThat(clerk.mayActFor(List.of(7L, 42L))).isTrue();
        assertThat(clerk.mayActFor(List.of(7L, 8L))).isFalse();
    }

    @Test
    void leaders_and_viewers_read_but_never_act() {
        Actor leader = new Actor("mayor", 42L, Set.of(Role.LEADER), Role.LEADER.permissions());
        assertThat(leader.mayActFor(List.of(42L))).isFalse();
        assertThat(leader.can(Permissions.PROGRAMME_READ)).isTrue();
        assertThat(leader.can(Permissions.MEASUREMENT_CREATE)).isFalse();
    }

    @Test
    void the_office_acts_for_everything() {
        assertThat(Actor.system().mayActFor(List.of())).isTrue();
        assertThat(Role.ADMIN.permissions()).containsAll(Role.UNIT_STAFF.permissions()).contains(Permissions.AUDIT_READ);
    }
}
