package org.gongjian.volunteers;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gongjian.audit.AuditLog;
import org.gongjian.calendar.WorkCalendar;
import org.gongjian.organisation.Accounts;
import org.gongjian.organisation.Actor;
import org.gongjian.organisation.Permissions;
import org.gongjian.shared.ConflictException;
import org.gongjian.shared.InvalidInputException;
import org.gongjian.shared.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Star levels and service-record certificates. A star is applied for in order, once the effective hours reach
 * its threshold; it is publicised for the policy's working days (counted on the city's working-day calendar,
 * starting the working day after the application) and may be certified only after the publicity has ended.
 * A certificate (志愿服务记录证明) states the hours on the day it is issued, with a serial number and a code
 * that opens the public verification page.
 */
@Service
@Transactional(readOnly = true)
public class Stars {

    private static final char[] CODE = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

    private final JdbcClient jdbc;
    private final Volunteers volunteers;
    private final HoursLedger hoursLedger;
    private final WorkCalendar calendar;
    private final Accounts accounts;
    private final AuditLog audit;
    private final SecureRandom random = new SecureRandom();

    Stars(JdbcClient jdbc, Volunteers volunteers, HoursLedger hoursLedger, WorkCalendar calendar, Accounts accounts,
            AuditLog audit) {
        this.jdbc = jdbc;
        this.volunteers = volunteers;
        this.hoursLedger = hoursLedger;
        this.calendar = calendar;
        this.accounts = accounts;
        this.audit = audit;
    }

    /** A star application or certification. */
    public record Star(long id, long volunteerId, int level, BigDecimal hoursAtApply, LocalDate appliedOn,
            LocalDate publicityStart, LocalDate publicityEnd, String status, @Nullable LocalDate decidedOn) {
    }

    /** Where a volunteer stands: hours, certified level, the level the hours reach, and the next threshold. */
    public record Standing(BigDecimal hours, int certified, int reached, @Nullable Integer nextLevel,
            @Nullable Integer nextThreshold, List<Star> stars) {

        public boolean mayApply() {
            return nextLevel != null && stars.stream().noneMatch(s -> "PUBLICISED".equals(s.status()))
                    && reached >= nextLevel;
        }
    }

    public Standing standing(long volunteerId) {
        volunteers.volunteer(volunteerId);
        BigDecimal hours = hoursLedger.hours(volunteerId);
        Policy policy = volunteers.policy(volunteers.today());
        List<Star> stars = stars(volunteerId);
        int certified = stars.stream().filter(s -> "CERTIFIED".equals(s.status())).mapToInt(Star::level).max().orElse(0);
        int next = certified + 1;
        boolean more = next <= policy.starHours().size();
        return new Standing(hours, certified, policy.level(hours), more ? next : null,
                more ? policy.starHours().get(next - 1) : null, stars);
    }

    public List<Star> stars(long volunteerId) {
        return jdbc.sql("select * from volunteers_star where volunteer_id = :v order by level").param("v", volunteerId)
                .query(Stars::star).list();
    }

    /** Applies for the next star (the volunteer themselves or the office): publicity starts the next working day. */
    @Transactional
    public Star apply(long volunteerId) {
        Actor actor = accounts.current();
        Volunteer v = volunteers.volunteer(volunteerId);
        boolean self = volunteers.ownId(actor).map(id -> id == volunteerId).orElse(false);
        if (!self && !(actor.can(Permissions.VOLUNTEERS_MANAGE) && volunteers.actsForTown(actor, v.town()))) {
            audit.denied("volunteers-star", Long.toString(volunteerId), "application for someone else");
            throw new AccessDeniedException("error.access-denied");
        }
        Standing s = standing(volunteerId);
        if (s.nextLevel() == null) {
            throw new ConflictException("volunteers.error.star-top");
        }
        if (s.stars().stream().anyMatch(x -> "PUBLICISED".equals(x.status()))) {
            throw new ConflictException("volunteers.error.star-pending");
        }
        if (s.reached() < s.nextLevel()) {
            throw new InvalidInputException("level", "volunteers.error.star-hours", s.nextThreshold(), s.hours());
        }
        LocalDate today = volunteers.today();
        Policy policy = volunteers.policy(today);
        LocalDate start = calendar.plusWorkingDays(today, 1);
        LocalDate end = calendar.plusWorkingDays(today, policy.publicityWorkingDays());
        jdbc.sql("delete from volunteers_star where volunteer_id = :v and level = :l and status = 'REJECTED'")
                .param("v", volunteerId).param("l", s.nextLevel()).update();
        long id = Volunteers.key(jdbc.sql("""
                insert into volunteers_star (volunteer_id, level, hours_at_apply, applied_on, publicity_start, publicity_end, status)
                values (:v, :l, :h, :on, :start, :end, 'PUBLICISED')""").param("v", volunteerId).param("l", s.nextLevel())
                .param("h", s.hours()).param("on", today).param("start", start).param("end", end));
        Star star = star(id);
        audit.created("volunteers-star", Long.toString(id), star);
        return star;
    }

    /** Certifies (or refuses) a star after its publicity has ended (the office or the volunteer's town). */
    @Transactional
    public Star decide(long starId, boolean certify) {
        Star s = star(starId);
        Actor actor = accounts.current();
        Volunteer v = volunteers.volunteerRow(s.volunteerId());
        if (!actor.can(Permissions.VOLUNTEERS_MANAGE) || !volunteers.actsForTown(actor, v.town())) {
            audit.denied("volunteers-star", Long.toString(starId), "decision outside the caller's town");
            throw new AccessDeniedException("error.access-denied");
        }
        if (!"PUBLICISED".equals(s.status())) {
            throw new ConflictException("volunteers.error.not-pending");
        }
        LocalDate today = volunteers.today();
        if (certify && !today.isAfter(s.publicityEnd())) {
            throw new ConflictException("volunteers.error.publicity-running", s.publicityEnd());
        }
        jdbc.sql("update volunteers_star set status = :s, decided_by = :by, decided_on = :on, version = version + 1 "
                + "where id = :id").param("s", certify ? "CERTIFIED" : "REJECTED").param("by", actor.username())
                .param("on", today).param("id", starId).update();
        Star after = star(starId);
        audit.updated("volunteers-star", Long.toString(starId), s, after);
        return after;
    }

    public Star star(long id) {
        return jdbc.sql("select * from volunteers_star where id = :id").param("id", id).query(Stars::star).optional()
                .orElseThrow(() -> new NotFoundException("volunteers.error.star-not-found", id));
    }

    // ---- certificates

    /** An issued service-record certificate. */
    public record Certificate(long id, String serialNo, String verifyCode, long volunteerId, BigDecimal hours,
            LocalDate issuedOn) {
    }

    /** What the public verification page may show: nothing else. */
    public record Verification(String serialNo, String maskedName, BigDecimal hours, LocalDate issuedOn) {
    }

    /** Issues a certificate of the effective hours today (the volunteer themselves, their town, the office). */
    @Transactional
    public Certificate issue(long volunteerId) {
        Actor actor = accounts.current();
        Volunteer v = volunteers.volunteer(volunteerId);
        boolean self = volunteers.ownId(actor).map(id -> id == volunteerId).orElse(false);
        if (!self && !(actor.can(Permissions.VOLUNTEERS_MANAGE) && volunteers.actsForTown(actor, v.town()))) {
            audit.denied("volunteers-certificate", Long.toString(volunteerId), "certificate for someone else");
            throw new AccessDeniedException("error.access-denied");
        }
        BigDecimal hours = hoursLedger.hours(volunteerId);
        LocalDate today = volunteers.today();
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            code.append(CODE[random.nextInt(CODE.length)]);
        }
        String pending = "P" + code;
        long id = Volunteers.key(jdbc.sql("""
                insert into volunteers_certificate (serial_no, verify_code, volunteer_id, hours, issued_on, issued_by)
                values (:s, :c, :v, :h, :on, :by)""").param("s", pending.substring(0, 20)).param("c", code.toString())
                .param("v", volunteerId).param("h", hours).param("on", today).param("by", actor.username()));
        String serial = String.format("KPZY-%d-%06d", today.getYear(), id);
        jdbc.sql("update volunteers_certificate set serial_no = :s where id = :id").param("s", serial).param("id", id).update();
        Certificate c = certificate(id);
        audit.created("volunteers-certificate", serial, Map.of("volunteer", volunteerId, "hours", hours));
        return c;
    }

    public Certificate certificate(long id) {
        return jdbc.sql("select * from volunteers_certificate where id = :id").param("id", id)
                .query(Stars::certificate).optional()
                .orElseThrow(() -> new NotFoundException("volunteers.error.certificate-not-found", id));
    }

    /** A certificate in the caller's scope. */
    public Certificate certificateInScope(long id) {
        Certificate c = certificate(id);
        volunteers.volunteer(c.volunteerId());
        return c;
    }

    public List<Certificate> certificates(long volunteerId) {
        volunteers.volunteer(volunteerId);
        return jdbc.sql("select * from volunteers_certificate where volunteer_id = :v order by id desc")
                .param("v", volunteerId).query(Stars::certificate).list();
    }

    /** The public verification of a certificate by its code: masked name, hours and date only. */
    public Optional<Verification> verify(String code) {
        if (code == null || !code.matches("[A-Z2-9]{20}")) {
            return Optional.empty();
        }
        return jdbc.sql("""
                select c.serial_no, v.name, c.hours, c.issued_on from volunteers_certificate c
                join volunteers_volunteer v on v.id = c.volunteer_id where c.verify_code = :c""").param("c", code)
                .query((rs, n) -> new Verification(rs.getString(1), IdNumbers.maskName(rs.getString(2)),
                        rs.getBigDecimal(3), rs.getObject(4, LocalDate.class)))
                .optional();
    }

    static Star star(ResultSet rs, int n) throws SQLException {
        return new Star(rs.getLong("id"), rs.getLong("volunteer_id"), rs.getInt("level"), rs.getBigDecimal("hours_at_apply"),
                rs.getObject("applied_on", LocalDate.class), rs.getObject("publicity_start", LocalDate.class),
                rs.getObject("publicity_end", LocalDate.class), rs.getString("status"),
                rs.getObject("decided_on", LocalDate.class));
    }

    static Certificate certificate(ResultSet rs, int n) throws SQLException {
        return new Certificate(rs.getLong("id"), rs.getString("serial_no"), rs.getString("verify_code"),
                rs.getLong("volunteer_id"), rs.getBigDecimal("hours"), rs.getObject("issued_on", LocalDate.class));
    }
}
