package org.gongjian.volunteers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.gongjian.calendar.WorkCalendar;
import org.gongjian.organisation.Accounts;
import org.gongjian.organisation.Organisation;
import org.gongjian.organisation.Role;
import org.gongjian.programme.MeasurementSource;
import org.gongjian.programme.ProgrammeManagement;
import org.gongjian.programme.TargetManagement;
import org.gongjian.shared.ConflictException;
import org.gongjian.shared.InvalidInputException;
import org.gongjian.shared.NotFoundException;
import org.gongjian.support.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;

/**
 * The volunteers ledger's rules on H2 and on PostgreSQL: registration (check digit, encryption at rest,
 * masking, audited unmasking, duplicates), teams and activities, check-ins (QR expiry and forgery, idempotent
 * under concurrent retries, three a day), hours and their approval tiers, back-fill, stars with their publicity
 * on working days, the feed to item 12's targets, and the data scope of volunteers and captains.
 */
@SpringBootTest(properties = "gongjian.volunteers.feed-every=PT1H")
@ActiveProfiles("test")
@Import(VolunteersContract.Clocks.class)
abstract class VolunteersContract {

    /** Monday 10 March 2025, 09:00 in Kaiping. */
    static final LocalDateTime MONDAY = LocalDateTime.of(2025, 3, 10, 9, 0);
    private static final AtomicInteger SEQUENCE = new AtomicInteger(100);

    @TestConfiguration(proxyBeanMethods = false)
    static class Clocks {
        @Bean
        @Primary
        MutableClock volunteersClock() {
            return new MutableClock(MONDAY);
        }
    }

    @Autowired MutableClock clock;
    @Autowired Volunteers volunteers;
    @Autowired Teams teams;
    @Autowired Activities activities;
    @Autowired CheckIns checkIns;
    @Autowired HoursLedger hoursLedger;
    @Autowired Backfills backfills;
    @Autowired Stars stars;
    @Autowired VolunteerFeed feed;
    @Autowired QrTokens tokens;
    @Autowired SignUps signUps;
    @Autowired Accounts accounts;
    @Autowired Organisation organisation;
    @Autowired UserDetailsService users;
    @Autowired JdbcClient jdbc;
    @Autowired WorkCalendar calendar;
    @Autowired TargetManagement targets;
    @Autowired ProgrammeManagement programmes;
    @Autowired VolunteerWorkbooks workbooks;

    @BeforeEach
    void setUp() {
        clock.set(MONDAY);
        ensure("cs-staff", "changsha", Role.UNIT_STAFF);
        ensure("sb-staff", "sanbu", Role.UNIT_STAFF);
        ensure("viewer-1", null, Role.VIEWER);
        as("admin");
    }

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    void ensure(String username, String unit, Role role) {
        if (accounts.findByUsername(username).isEmpty()) {
            accounts.create(username, username, "staff-secret-1", unit == null ? null : organisation.unit(unit).id(), Set.of(role));
        }
    }

    void as(String username) {
        SecurityContextHolder.getContext().setAuthentication(authentication(username));
    }

    /**
     * The login of an account, loaded once: racing threads set it instead of each loading the account (a load
     * outside a transaction holds two pooled connections at once, and a dozen at once can drain the test's pool).
     */
    Authentication authentication(String username) {
        UserDetails p = users.loadUserByUsername(username);
        return UsernamePasswordAuthenticationToken.authenticated(p, null, p.getAuthorities());
    }

    static String newIdNumber() {
        int n = SEQUENCE.incrementAndGet();
        String first17 = "440783" + "1990" + String.format("%02d", 1 + n % 12) + "15" + String.format("%03d", n % 1000);
        return first17 + IdNumbers.checkDigit(first17);
    }

    Volunteer register(String name, String town) {
        return volunteers.register(new Volunteers.Registration(name, newIdNumber(), "13800138000", town, null, null));
    }

    /** A volunteer with a login of the given role. */
    Volunteer person(String username, String town, Role role) {
        as("admin");
        Volunteer v = register(username, town);
        ensure(username, town, role);
        volunteers.link(v.id(), username);
        return volunteers.volunteerRow(v.id());
    }

    Team approvedTeam(String town) {
        as("admin");
        Team t = teams.createTeam(new Teams.NewTeam("队" + SEQUENCE.incrementAndGet(), TeamType.COMMUNITY,
                "社工服务站", town, null));
        return teams.decideTeam(t.id(), true, null);
    }

    Activity activityOf(Team team, Duration length) {
        as("admin");
        Instant start = Instant.now(clock).minus(Duration.ofMinutes(30));
        return activities.createActivity(new Activities.NewActivity(team.id(), "文明劝导", "文明劝导", "长沙街道",
                new BigDecimal("22.376500"), new BigDecimal("112.696000"), 200, start, start.plus(length), 50));
    }

    @Test
    void a_registration_keeps_the_number_only_encrypted_shows_it_masked_and_refuses_a_wrong_check_digit_or_a_duplicate() {
        String number = newIdNumber();
        Volunteer v = volunteers.register(new Volunteers.Registration("关嘉欣", number, "13800138000", "changsha", "新民社区", "急救"));
        assertThat(v.idMasked()).isEqualTo(number.substring(0, 6) + "**********" + number.substring(16));
        var row = jdbc.sql("select * from volunteers_volunteer where id = :id").param("id", v.id()).query().singleRow();
        row.values().forEach(value -> assertThat(String.valueOf(value)).doesNotContain(number.substring(6, 14)));
        assertThat(volunteers.registered(number)).isTrue();

        assertThatThrownBy(() -> volunteers.register(new Volunteers.Registration("别人", number, "13800138001", "changsha", null, null)))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.violations()).extracting(InvalidInputException.Violation::field).containsExactly("idNumber"));
        String wrong = number.substring(0, 17) + (number.charAt(17) == '1' ? '2' : '1');
        assertThatThrownBy(() -> volunteers.register(new Volunteers.Registration("错号", wrong, "13800138001", "changsha", null, null)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(InvalidInputException.Violation::messageKey).containsExactly("volunteers.error.id-invalid"));
    }

    @Test
    void unmasking_is_the_office_s_own_permission_and_every_use_is_audited() {
        String number = newIdNumber();
        Volunteer v = volunteers.register(new Volunteers.Registration("谢敏", number, "13800138000", "changsha", null, null));
        assertThat(volunteers.unmask(v.id(), "核对保险名单")).isEqualTo(number);
        assertThat(jdbc.sql("select count(*) from audit_entry where entity_type = 'volunteer-id-unmasked' and entity_id = :id")
                .param("id", Long.toString(v.id())).query(Long.class).single()).isEqualTo(1);
        as("cs-staff");
        assertThatThrownBy(() -> volunteers.unmask(v.id(), "好奇")).isInstanceOf(AccessDeniedException.class);
        assertThat(jdbc.sql("select count(*) from audit_entry where entity_type = 'volunteer-id' and action = 'DENIED' "
                + "and entity_id = :id").param("id", Long.toString(v.id())).query(Long.class).single()).isEqualTo(1);
        // unit staff register in their own town only
        assertThat(register("许颖", "changsha").town()).isEqualTo("changsha");
        assertThatThrownBy(() -> register("余强", "sanbu")).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_team_needs_its_town_s_approval_and_an_activity_follows_the_policy() {
        as("cs-staff");
        Team t = teams.createTeam(new Teams.NewTeam("新民社区志愿服务队", TeamType.COMMUNITY, "长沙街道社工服务站", "changsha", null));
        assertThat(t.status()).isEqualTo(TeamStatus.APPLIED);
        Instant now = Instant.now(clock);
        assertThatThrownBy(() -> activities.createActivity(new Activities.NewActivity(t.id(), "清洁家园", "环境整治", "新民社区",
                null, null, null, now, now.plus(Duration.ofHours(3)), 20)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(InvalidInputException.Violation::field).containsExactly("teamId"));
        as("sb-staff");
        assertThatThrownBy(() -> teams.decideTeam(t.id(), true, null)).isInstanceOf(AccessDeniedException.class);
        as("cs-staff");
        Team approved = teams.decideTeam(t.id(), true, null);
        assertThat(approved.status()).isEqualTo(TeamStatus.APPROVED);
        assertThatThrownBy(() -> activities.createActivity(new Activities.NewActivity(t.id(), "全年补录活动", "环境整治", "新民社区",
                null, null, null, now, now.plus(Duration.ofDays(400)), 20)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(InvalidInputException.Violation::field).containsExactlyInAnyOrder("title", "endsAt"));
        Activity a = activities.createActivity(new Activities.NewActivity(t.id(), "清洁家园", "环境整治", "新民社区",
                null, null, null, now, now.plus(Duration.ofHours(3)), 20));
        assertThat(a.geofenced()).isFalse();
    }

    @Test
    void a_scan_checks_in_once_however_often_it_is_retried_even_concurrently() throws Exception {
        Team team = approvedTeam("changsha");
        Activity a = activityOf(team, Duration.ofHours(8));
        Volunteer v = person("vol-retry", "changsha", Role.VOLUNTEER);
        String token = tokens.issue(a.id());
        int n = 12;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<CheckIns.Outcome>> results = new ArrayList<>();
        Authentication volunteer = authentication("vol-retry");
        for (int i = 0; i < n; i++) {
            Callable<CheckIns.Outcome> call = () -> {
                SecurityContextHolder.getContext().setAuthentication(volunteer);
                go.await();
                try {
                    return checkIns.checkIn(a.id(), new CheckIns.Request(null, token, null, null, null, null));
                } finally {
                    SecurityContextHolder.clearContext();
                }
            };
            results.add(pool.submit(call));
        }
        go.countDown();
        List<Long> ids = new ArrayList<>();
        int created = 0;
        for (Future<CheckIns.Outcome> f : results) {
            CheckIns.Outcome o = f.get();
            ids.add(o.checkIn().id());
            created += o.created() ? 1 : 0;
        }
        pool.shutdown();
        assertThat(ids).containsOnly(ids.get(0));
        assertThat(created).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from volunteers_check_in where volunteer_id = :v").param("v", v.id())
                .query(Long.class).single()).isEqualTo(1);
        // after the token expired, the same retry still answers the same sign-in
        clock.set(MONDAY.plusMinutes(5));
        as("vol-retry");
        assertThat(checkIns.checkIn(a.id(), new CheckIns.Request(null, token, null, null, null, null)).checkIn().id())
                .isEqualTo(ids.get(0));
    }

    @Test
    void an_expired_or_forged_token_is_refused_with_a_clear_message_and_three_sign_ins_a_day_is_the_limit() {
        Team team = approvedTeam("changsha");
        Activity a = activityOf(team, Duration.ofHours(10));
        person("vol-limit", "changsha", Role.VOLUNTEER);
        String old = tokens.issue(a.id());
        clock.set(MONDAY.plusSeconds(61));
        as("vol-limit");
        assertThatThrownBy(() -> checkIns.checkIn(a.id(), new CheckIns.Request(null, old, null, null, null, null)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations().get(0).messageKey())
                        .isEqualTo("volunteers.error.token-expired"));
        String forged = tokens.issue(a.id());
        assertThatThrownBy(() -> checkIns.checkIn(a.id(), new CheckIns.Request(null, forged + "x", null, null, null, null)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations().get(0).messageKey())
                        .isEqualTo("volunteers.error.token-forged"));
        for (int i = 0; i < 3; i++) {
            clock.set(MONDAY.plusMinutes(10 + i * 60L));
            CheckIn in = checkIns.checkIn(a.id(), new CheckIns.Request(null, tokens.issue(a.id()), null, null, null, null)).checkIn();
            assertThat(in.dailyIndex()).isEqualTo(i + 1);
            assertThat(checkIns.checkIn(in.id()).dailyIndex()).isEqualTo(i + 1);
            clock.set(MONDAY.plusMinutes(10 + i * 60L).plusSeconds(1));
            assertThatThrownBy(() -> checkIns.checkIn(a.id(), new CheckIns.Request(null, tokens.issue(a.id()), null, null, null, null)))
                    .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.messageKey()).isEqualTo("volunteers.error.already-in"));
            clock.set(MONDAY.plusMinutes(40 + i * 60L));
            checkIns.checkOut(in.id(), new CheckIns.Request(null, tokens.issue(a.id()), null, null, null, null));
        }
        clock.set(MONDAY.plusMinutes(300));
        assertThatThrownBy(() -> checkIns.checkIn(a.id(), new CheckIns.Request(null, tokens.issue(a.id()), null, null, null, null)))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.messageKey())
                        .isEqualTo("volunteers.error.sign-ins-exhausted"));
        // the day's index is unique per activity, day and volunteer in the database itself (V310 keeps it so)
        assertThatThrownBy(() -> jdbc.sql("""
                insert into volunteers_check_in (activity_id, volunteer_id, service_date, daily_index, method,
                    idempotency_key, checked_in_at, recorded_by)
                select activity_id, volunteer_id, service_date, 3, method, 'another-key', checked_in_at, recorded_by
                  from volunteers_check_in where activity_id = :a and daily_index = 3""").param("a", a.id()).update())
                .isInstanceOf(org.springframework.dao.DuplicateKeyException.class);
    }

    @Test
    void gps_check_in_works_inside_the_geofence_only_and_manual_entry_needs_the_captain_and_a_reason() {
        Team team = approvedTeam("changsha");
        Activity a = activityOf(team, Duration.ofHours(8));
        Volunteer v = person("vol-gps", "changsha", Role.VOLUNTEER);
        Volunteer captain = person("cap-gps", "changsha", Role.CAPTAIN);
        as("admin");
        teams.appoint(team.id(), captain.id(), TeamRole.CAPTAIN, LocalDate.of(2025, 1, 1), null);
        teams.addMember(team.id(), v.id());
        as("vol-gps");
        assertThatThrownBy(() -> checkIns.checkIn(a.id(), new CheckIns.Request(null, null, new BigDecimal("22.390000"),
                new BigDecimal("112.696000"), null, "k1"))).isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.violations().get(0).messageKey()).isEqualTo("volunteers.error.outside-geofence"));
        CheckIn in = checkIns.checkIn(a.id(), new CheckIns.Request(null, null, new BigDecimal("22.377000"),
                new BigDecimal("112.696500"), null, "k2")).checkIn();
        assertThat(in.method()).isEqualTo(CheckInMethod.GPS);
        // the position is stored as sent (the insert casts it for both databases)
        assertThat(jdbc.sql("select latitude, longitude from volunteers_check_in where id = :id").param("id", in.id())
                .query((rs, n) -> List.of(rs.getBigDecimal(1), rs.getBigDecimal(2))).single())
                .containsExactly(new BigDecimal("22.377000"), new BigDecimal("112.696500"));
        assertThatThrownBy(() -> checkIns.checkIn(a.id(), new CheckIns.Request(captain.id(), null, null, null, "忘带手机", "m1")))
                .isInstanceOf(AccessDeniedException.class);
        as("cap-gps");
        assertThatThrownBy(() -> checkIns.checkIn(a.id(), new CheckIns.Request(captain.id(), null, null, null, " ", "m1")))
                .isInstanceOf(InvalidInputException.class);
        CheckIn manual = checkIns.checkIn(a.id(), new CheckIns.Request(captain.id(), null, null, null, "忘带手机", "m1")).checkIn();
        assertThat(manual.method()).isEqualTo(CheckInMethod.MANUAL);
        assertThat(checkIns.checkIn(manual.id()).reason()).isEqualTo("忘带手机");
        assertThat(checkIns.checkIn(manual.id()).recordedBy()).isEqualTo("cap-gps");
    }

    @Test
    void a_day_above_eight_hours_waits_for_the_town_and_above_twelve_for_the_city_office() {
        Team team = approvedTeam("changsha");
        Activity a = activityOf(team, Duration.ofHours(16));
        Volunteer v = person("vol-hours", "changsha", Role.VOLUNTEER);
        as("vol-hours");
        CheckIn in = checkIns.checkIn(a.id(), new CheckIns.Request(null, tokens.issue(a.id()), null, null, null, null)).checkIn();
        clock.set(MONDAY.plusHours(9));
        checkIns.checkOut(in.id(), new CheckIns.Request(null, tokens.issue(a.id()), null, null, null, null));
        HoursEntry day = hoursLedger.currentEntries(v.id()).get(0);
        assertThat(day.minutes()).isEqualTo(9 * 60);
        assertThat(day.status()).isEqualTo(HoursStatus.PENDING_ORG);
        assertThat(hoursLedger.hours(v.id())).isEqualByComparingTo("0");
        as("sb-staff");
        assertThatThrownBy(() -> hoursLedger.decide(day.id(), true, null)).isInstanceOf(AccessDeniedException.class);
        as("cs-staff");
        HoursEntry approved = hoursLedger.decide(day.id(), true, "核实");
        assertThat(approved.supersedes()).isEqualTo(day.id());
        assertThat(hoursLedger.hours(v.id())).isEqualByComparingTo("9");

        // a second session the same day makes 13 h: the city office's tier
        clock.set(MONDAY.plusHours(10));
        as("vol-hours");
        CheckIn second = checkIns.checkIn(a.id(), new CheckIns.Request(null, tokens.issue(a.id()), null, null, null, null)).checkIn();
        clock.set(MONDAY.plusHours(14));
        checkIns.checkOut(second.id(), new CheckIns.Request(null, tokens.issue(a.id()), null, null, null, null));
        HoursEntry thirteen = hoursLedger.currentEntries(v.id()).stream().filter(e -> e.status() != HoursStatus.EFFECTIVE)
                .findFirst().orElseThrow();
        assertThat(thirteen.minutes()).isEqualTo(13 * 60);
        assertThat(thirteen.status()).isEqualTo(HoursStatus.PENDING_CITY);
        as("cs-staff");
        assertThatThrownBy(() -> hoursLedger.decide(thirteen.id(), true, null)).isInstanceOf(AccessDeniedException.class);
        as("admin");
        hoursLedger.decide(thirteen.id(), true, "市志愿服务办审核");
        assertThat(hoursLedger.hours(v.id())).isEqualByComparingTo("13");
        // the ledger kept every step: nothing was updated or deleted
        assertThat(hoursLedger.ledger(v.id())).hasSize(4);
    }

    @Test
    void a_star_is_publicised_for_five_working_days_before_it_can_be_certified() {
        Team team = approvedTeam("changsha");
        Activity a = activityOf(team, Duration.ofDays(200));
        Volunteer v = person("vol-star", "changsha", Role.VOLUNTEER);
        as("admin");
        // 100 h of approved back-fills over 13 days of the activity
        for (int d = 0; d < 13; d++) {
            clock.set(MONDAY.plusDays(d + 1));
            as("vol-star");
            Backfills.Backfill b = backfills.requestBackfill(v.id(), a.id(), MONDAY.toLocalDate().plusDays(d), 8 * 60,
                    "队长漏登", "签到表照片 IMG_" + d);
            as("cs-staff");
            backfills.reviewBackfill(b.id(), true);
        }
        as("vol-star");
        Stars.Standing s = stars.standing(v.id());
        assertThat(s.hours()).isEqualByComparingTo("104");
        assertThat(s.reached()).isEqualTo(1);
        assertThat(s.mayApply()).isTrue();
        // applied on Wednesday 30 April 2025: 1–5 May are off, so five working days end on Friday 9 May
        clock.set(LocalDateTime.of(2025, 4, 30, 10, 0));
        Stars.Star star = stars.apply(v.id());
        assertThat(star.level()).isEqualTo(1);
        assertThat(star.publicityEnd()).isEqualTo(calendar.plusWorkingDays(LocalDate.of(2025, 4, 30), 5));
        assertThat(calendar.workingDaysBetween(star.appliedOn(), star.publicityEnd())).isEqualTo(5);
        assertThat(star.publicityEnd()).isAfter(LocalDate.of(2025, 5, 6));
        assertThatThrownBy(() -> stars.apply(v.id())).isInstanceOf(ConflictException.class);
        as("cs-staff");
        clock.set(star.publicityEnd().atTime(17, 0));
        assertThatThrownBy(() -> stars.decide(star.id(), true)).isInstanceOfSatisfying(ConflictException.class,
                e -> assertThat(e.messageKey()).isEqualTo("volunteers.error.publicity-running"));
        clock.set(star.publicityEnd().plusDays(1).atTime(9, 0));
        assertThat(stars.decide(star.id(), true).status()).isEqualTo("CERTIFIED");
        as("vol-star");
        assertThat(stars.standing(v.id()).certified()).isEqualTo(1);
        assertThatThrownBy(() -> stars.apply(v.id())).isInstanceOf(InvalidInputException.class);

        Stars.Certificate c = stars.issue(v.id());
        assertThat(c.serialNo()).startsWith("KPZY-2025-");
        Stars.Verification verified = stars.verify(c.verifyCode()).orElseThrow();
        assertThat(verified.maskedName()).isEqualTo("v*******");
        assertThat(verified.hours()).isEqualByComparingTo("104");
        assertThat(stars.verify("AAAAAAAAAAAAAAAAAAAA")).isEmpty();
    }

    @Test
    void a_volunteer_sees_only_their_own_record_and_a_captain_only_their_team_s_roster() {
        Team mine = approvedTeam("changsha");
        Team other = approvedTeam("changsha");
        Activity otherActivity = activityOf(other, Duration.ofHours(4));
        Volunteer captain = person("cap-scope", "changsha", Role.CAPTAIN);
        Volunteer member = person("vol-member", "changsha", Role.VOLUNTEER);
        Volunteer stranger = person("vol-stranger", "changsha", Role.VOLUNTEER);
        as("admin");
        teams.appoint(mine.id(), captain.id(), TeamRole.CAPTAIN, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31));
        teams.addMember(mine.id(), member.id());
        teams.addMember(other.id(), stranger.id());

        as("vol-member");
        assertThat(volunteers.volunteer(member.id()).name()).isEqualTo("vol-member");
        assertThatThrownBy(() -> volunteers.volunteer(stranger.id())).isInstanceOf(NotFoundException.class);
        assertThat(volunteers.list(null, null, org.springframework.data.domain.Pageable.unpaged()).getContent())
                .extracting(Volunteer::id).containsExactly(member.id());

        as("cap-scope");
        assertThat(volunteers.volunteer(member.id()).id()).isEqualTo(member.id());
        assertThatThrownBy(() -> volunteers.volunteer(stranger.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> checkIns.roster(otherActivity.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> checkIns.token(otherActivity.id())).isInstanceOf(AccessDeniedException.class);
        // the term ends: no more scope
        clock.set(LocalDateTime.of(2026, 1, 5, 9, 0));
        assertThatThrownBy(() -> volunteers.volunteer(member.id())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void a_self_sign_up_makes_a_volunteer_login_and_the_feed_moves_item_12_s_targets_from_the_ledger() {
        SecurityContextHolder.clearContext();
        String number = newIdNumber();
        Volunteer v = signUps.signUp(new Volunteers.Registration("周文", number, "13912345678", "changsha", null, null),
                "long-enough-9");
        assertThat(v.username()).isEqualTo("13912345678");
        assertThat(accounts.user("13912345678").roles()).containsExactly(Role.VOLUNTEER);
        assertThatThrownBy(() -> signUps.signUp(new Volunteers.Registration("周文", number, "13912345679", "changsha", null, null),
                "long-enough-9")).isInstanceOf(InvalidInputException.class);

        LocalDate today = MONDAY.toLocalDate();
        long registered = jdbc.sql("select count(*) from volunteers_volunteer").query(Long.class).single();
        assertThat(feed.publish(today, true)).isPositive();
        assertThat(feed.publish(today, true)).isZero();
        var target = targets.target(programmes.programme("kaiping-2024"), "volunteers.registered");
        await().atMost(Duration.ofSeconds(10)).until(() -> targets.measurements(target).stream()
                .anyMatch(m -> !m.superseded() && m.asOf().equals(today) && m.value().compareTo(BigDecimal.valueOf(registered)) == 0));
        assertThat(targets.measurements(target).stream().filter(m -> m.asOf().equals(today)).findFirst().orElseThrow().source())
                .isEqualTo(MeasurementSource.LEDGER);
    }

    @Test
    void a_roster_is_imported_all_or_nothing_with_every_row_s_problems_and_the_hours_export_opens() throws Exception {
        Team team = approvedTeam("changsha");
        String good1 = newIdNumber();
        String good2 = newIdNumber();
        String bad = good1.substring(0, 17) + (good1.charAt(17) == '1' ? '2' : '1');
        java.nio.file.Path file = java.nio.file.Files.createTempFile("roster", ".xlsx");
        java.util.function.Consumer<String[][]> write = rows -> {
            try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(); var out = java.nio.file.Files.newOutputStream(file)) {
                var sheet = wb.createSheet("花名册");
                var header = sheet.createRow(0);
                for (int i = 0; i < VolunteerWorkbooks.ROSTER.size(); i++) {
                    header.createCell(i).setCellValue(VolunteerWorkbooks.ROSTER.get(i));
                }
                for (int r = 0; r < rows.length; r++) {
                    var row = sheet.createRow(r + 1);
                    for (int c = 0; c < rows[r].length; c++) {
                        if (rows[r][c] != null) {
                            row.createCell(c).setCellValue(rows[r][c]);
                        }
                    }
                }
                wb.write(out);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
        long before = jdbc.sql("select count(*) from volunteers_volunteer").query(Long.class).single();
        write.accept(new String[][] {
            {"甲", good1, "13800000001", "长沙街道", null, null, Long.toString(team.id())},
            {"乙", good2, "13800000002", "changsha", null, null, null},
            {"丙", bad, "1380000000", "atlantis", null, null, "999999"}});
        as("cs-staff");
        org.springframework.context.i18n.LocaleContextHolder.setLocale(java.util.Locale.SIMPLIFIED_CHINESE);
        VolunteerWorkbooks.Result refused = workbooks.importRoster(file);
        org.springframework.context.i18n.LocaleContextHolder.resetLocaleContext();
        assertThat(refused.registered()).isZero();
        assertThat(refused.errors()).singleElement().satisfies(e -> {
            assertThat(e.row()).isEqualTo(4);
            assertThat(e.fields()).containsExactly("idNumber", "phone", "town", "teamId");
            assertThat(e.messages()).contains("手机号：请填写11位手机号。", "队伍编号：队伍 999999 不存在。");
        });
        // the error workbook: the uploaded rows as they were, the problems in an 错误说明 column, for the uploader only
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                new java.io.ByteArrayInputStream(workbooks.errorFile(refused.errorFileId())))) {
            var sheet = wb.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(7).getStringCellValue()).isEqualTo("错误说明");
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("甲");
            assertThat(sheet.getRow(1).getCell(7)).isNull();
            assertThat(sheet.getRow(3).getCell(0).getStringCellValue()).isEqualTo("丙");
            assertThat(sheet.getRow(3).getCell(7).getStringCellValue()).contains("身份证号：", "手机号：", "镇街：", "队伍编号：");
        }
        as("sb-staff");
        assertThatThrownBy(() -> workbooks.errorFile(refused.errorFileId())).isInstanceOf(NotFoundException.class);
        as("cs-staff");
        assertThat(jdbc.sql("select count(*) from volunteers_volunteer").query(Long.class).single()).isEqualTo(before);
        write.accept(new String[][] {
            {"甲", good1, "13800000001", "长沙街道", null, null, Long.toString(team.id())},
            {"乙", good2, "13800000002", "changsha", null, null, null}});
        VolunteerWorkbooks.Result done = workbooks.importRoster(file);
        assertThat(done.registered()).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from volunteers_membership where team_id = :t").param("t", team.id())
                .query(Long.class).single()).isEqualTo(1);
        java.nio.file.Files.deleteIfExists(file);

        byte[] xlsx = workbooks.exportHours("changsha");
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            assertThat(wb.getSheet("志愿服务时长").getRow(1).getCell(1).getStringCellValue()).isEqualTo("姓名");
        }
    }

    @Test
    void check_ins_beyond_the_quota_are_refused_even_when_they_race_for_the_last_places() throws Exception {
        Team team = approvedTeam("changsha");
        as("admin");
        Instant start = Instant.now(clock).minus(Duration.ofMinutes(30));
        Activity a = activities.createActivity(new Activities.NewActivity(team.id(), "河堤清洁", "环境保护", "潭江河堤",
                null, null, null, start, start.plus(Duration.ofHours(6)), 5));
        int n = 12;
        List<Volunteer> people = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            people.add(register("名额" + i, "changsha"));
        }
        String token = tokens.issue(a.id());
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<String>> results = new ArrayList<>();
        Authentication admin = authentication("admin");
        for (Volunteer v : people) {
            results.add(pool.submit(() -> {
                SecurityContextHolder.getContext().setAuthentication(admin);
                go.await();
                try {
                    checkIns.checkIn(a.id(), new CheckIns.Request(v.id(), token, null, null, null, null));
                    return "in";
                } catch (ConflictException e) {
                    return e.messageKey();
                } finally {
                    SecurityContextHolder.clearContext();
                }
            }));
        }
        go.countDown();
        List<String> answers = new ArrayList<>();
        for (Future<String> f : results) {
            answers.add(f.get());
        }
        pool.shutdown();
        assertThat(answers).filteredOn("in"::equals).hasSize(5);
        assertThat(answers).filteredOn("volunteers.error.quota-full"::equals).hasSize(n - 5);
        assertThat(jdbc.sql("select count(*) from volunteers_check_in where activity_id = :a").param("a", a.id())
                .query(Long.class).single()).isEqualTo(5);
        as("admin");
        assertThat(activities.activity(a.id()).taken()).isEqualTo(5);
        // the message says why, in the reader's language
        Volunteer late = people.stream().filter(v -> jdbc.sql("select count(*) from volunteers_check_in where volunteer_id = :v")
                .param("v", v.id()).query(Long.class).single() == 0).findFirst().orElseThrow();
        assertThatThrownBy(() -> checkIns.checkIn(a.id(), new CheckIns.Request(late.id(), token, null, null, null, null)))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("volunteers.error.quota-full");
                    assertThat(e.args()).containsExactly(5);
                });
        // someone who has a place signs in again the same day (after signing out) without a new place
        Volunteer placed = people.stream().filter(v -> jdbc.sql("select count(*) from volunteers_check_in where volunteer_id = :v")
                .param("v", v.id()).query(Long.class).single() == 1).findFirst().orElseThrow();
        long first = jdbc.sql("select id from volunteers_check_in where volunteer_id = :v").param("v", placed.id())
                .query(Long.class).single();
        checkIns.checkOut(first, new CheckIns.Request(placed.id(), null, null, null, "中途离开", null));
        assertThat(checkIns.checkIn(a.id(), new CheckIns.Request(placed.id(), null, null, null, "返回", "back-1")).created())
                .isTrue();
        assertThat(activities.activity(a.id()).taken()).isEqualTo(5);
        // a larger quota lets the next one in; it cannot fall below the places taken
        Activity current = activities.activity(a.id());
        Activities.NewActivity same = new Activities.NewActivity(null, current.title(), current.category(), current.place(),
                null, null, null, current.startsAt(), current.endsAt(), 4);
        assertThatThrownBy(() -> activities.updateActivity(a.id(), same, current.version()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(InvalidInputException.Violation::messageKey).containsExactly("volunteers.error.quota-below-taken"));
        Activity bigger = activities.updateActivity(a.id(), new Activities.NewActivity(null, current.title(), current.category(),
                current.place(), null, null, null, current.startsAt(), current.endsAt(), 6), current.version());
        assertThat(bigger.quota()).isEqualTo(6);
        assertThat(checkIns.checkIn(a.id(), new CheckIns.Request(late.id(), token, null, null, null, null)).created()).isTrue();
    }

    @Test
    void a_captain_creates_and_changes_activities_of_their_own_team_only() {
        Team mine = approvedTeam("changsha");
        Team other = approvedTeam("changsha");
        Activity others = activityOf(other, Duration.ofHours(4));
        Volunteer captain = person("cap-activities", "changsha", Role.CAPTAIN);
        as("admin");
        teams.appoint(mine.id(), captain.id(), TeamRole.CAPTAIN, LocalDate.of(2025, 1, 1), null);

        as("cap-activities");
        Instant start = Instant.now(clock).plus(Duration.ofDays(2));
        Activity created = activities.createActivity(new Activities.NewActivity(mine.id(), "周末义诊", "医疗卫生", "新民社区",
                null, null, null, start, start.plus(Duration.ofHours(4)), 20));
        assertThat(created.teamId()).isEqualTo(mine.id());
        assertThat(activities.teamsForActivities()).extracting(Team::id).containsExactly(mine.id());
        assertThat(activities.manageableActivities(org.springframework.data.domain.Pageable.unpaged()).getContent())
                .extracting(Activity::id).containsExactly(created.id());
        Activity changed = activities.updateActivity(created.id(), new Activities.NewActivity(null, "周末义诊（改期）", "医疗卫生",
                "新民社区", null, null, null, start.plus(Duration.ofDays(1)), start.plus(Duration.ofDays(1)).plus(Duration.ofHours(4)),
                25), created.version());
        assertThat(changed.title()).isEqualTo("周末义诊（改期）");
        assertThat(changed.version()).isEqualTo(created.version() + 1);
        assertThat(jdbc.sql("select count(*) from audit_entry where entity_type = 'volunteers-activity' and entity_id = :id")
                .param("id", Long.toString(created.id())).query(Long.class).single()).isEqualTo(2);
        // an edit made against an old version is refused
        assertThatThrownBy(() -> activities.updateActivity(created.id(), new Activities.NewActivity(null, "再改", "医疗卫生",
                "新民社区", null, null, null, start, start.plus(Duration.ofHours(4)), 20), created.version()))
                .isInstanceOf(ConflictException.class);
        // another team's activity, by a forged id, and a new one for another team: refused and audited
        long denied = jdbc.sql("select count(*) from audit_entry where entity_type = 'volunteers-activity' and action = 'DENIED'")
                .query(Long.class).single();
        assertThatThrownBy(() -> activities.createActivity(new Activities.NewActivity(other.id(), "越权", "文明劝导", "别处",
                null, null, null, start, start.plus(Duration.ofHours(2)), 5))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> activities.updateActivity(others.id(), new Activities.NewActivity(null, "越权", "文明劝导",
                "别处", null, null, null, start, start.plus(Duration.ofHours(2)), 5), others.version()))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(activities.activity(others.id()).title()).isEqualTo("文明劝导");
        assertThat(jdbc.sql("select count(*) from audit_entry where entity_type = 'volunteers-activity' and action = 'DENIED'")
                .query(Long.class).single()).isEqualTo(denied + 2);
    }
}
