package org.gongjian.ipcentre;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The three status machines, every pair of states: what may follow what, and nothing else. */
class StatusMachineTests {

    @Test
    void firms_move_applied_registered_suspended_revoked_and_back_from_suspension_only() {
        Map<FirmStatus, Set<FirmStatus>> allowed = Map.of(
                FirmStatus.APPLIED, Set.of(FirmStatus.REGISTERED, FirmStatus.REVOKED),
                FirmStatus.REGISTERED, Set.of(FirmStatus.SUSPENDED, FirmStatus.REVOKED),
                FirmStatus.SUSPENDED, Set.of(FirmStatus.REGISTERED, FirmStatus.REVOKED),
                FirmStatus.REVOKED, Set.of());
        for (FirmStatus from : FirmStatus.values()) {
            for (FirmStatus to : FirmStatus.values()) {
                assertThat(from.next().contains(to)).as(from + " → " + to).isEqualTo(allowed.get(from).contains(to));
            }
        }
    }

    @Test
    void design_cases_follow_the_pre_examination_path_with_its_three_terminal_branches() {
        Map<DesignStatus, Set<DesignStatus>> allowed = Map.ofEntries(
                Map.entry(DesignStatus.DRAFT, Set.of(DesignStatus.SUBMITTED, DesignStatus.WITHDRAWN)),
                Map.entry(DesignStatus.SUBMITTED, Set.of(DesignStatus.ACCEPTED, DesignStatus.FAILED, DesignStatus.WITHDRAWN)),
                Map.entry(DesignStatus.ACCEPTED, Set.of(DesignStatus.IN_EXAM, DesignStatus.WITHDRAWN)),
                Map.entry(DesignStatus.IN_EXAM, Set.of(DesignStatus.NEEDS_CORRECTION, DesignStatus.PASSED,
                        DesignStatus.FAILED, DesignStatus.WITHDRAWN)),
                Map.entry(DesignStatus.NEEDS_CORRECTION, Set.of(DesignStatus.IN_EXAM, DesignStatus.FAILED,
                        DesignStatus.WITHDRAWN)),
                Map.entry(DesignStatus.PASSED, Set.of(DesignStatus.FILED_AT_CNIPA, DesignStatus.WITHDRAWN)),
                Map.entry(DesignStatus.FILED_AT_CNIPA, Set.of(DesignStatus.GRANTED, DesignStatus.CNIPA_REJECTED,
                        DesignStatus.WITHDRAWN)),
                Map.entry(DesignStatus.GRANTED, Set.of()),
                Map.entry(DesignStatus.FAILED, Set.of()),
                Map.entry(DesignStatus.WITHDRAWN, Set.of()),
                Map.entry(DesignStatus.CNIPA_REJECTED, Set.of()));
        for (DesignStatus from : DesignStatus.values()) {
            for (DesignStatus to : DesignStatus.values()) {
                assertThat(from.next().contains(to)).as(from + " → " + to).isEqualTo(allowed.get(from).contains(to));
            }
            assertThat(from.terminal()).isEqualTo(allowed.get(from).isEmpty());
        }
    }

    @Test
    void only_an_e_commerce_complaint_has_a_counter_notice_and_only_notices_reach_a_platform() {
        for (ProtectionType type : ProtectionType.values()) {
            boolean online = type == ProtectionType.ECOMMERCE_COMPLAINT;
            boolean notice = online || type == ProtectionType.TRADE_FAIR_COMPLAINT;
            assertThat(ProtectionStatus.MEASURE_TAKEN.next(type).contains(ProtectionStatus.COUNTER_NOTICE)).isEqualTo(online);
            assertThat(ProtectionStatus.ACCEPTED.next(type).contains(ProtectionStatus.PLATFORM_NOTICE)).isEqualTo(notice);
            assertThat(ProtectionStatus.COUNTER_NOTICE.next(type))
                    .containsExactlyInAnyOrder(ProtectionStatus.COMPLAINT_FILED, ProtectionStatus.MEASURE_LIFTED);
            assertThat(ProtectionStatus.CLOSED.next(type)).isEmpty();
            assertThat(ProtectionStatus.REJECTED.next(type)).isEmpty();
            for (ProtectionStatus s : EnumSet.of(ProtectionStatus.RESOLVED, ProtectionStatus.TRANSFERRED)) {
                assertThat(s.next(type)).containsExactly(ProtectionStatus.CLOSED);
            }
            assertThat(ProtectionStatus.RECEIVED.next(type))
                    .containsExactlyInAnyOrder(ProtectionStatus.ACCEPTED, ProtectionStatus.REJECTED);
        }
    }
}
