package org.gongjian.ipcentre;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.gongjian.audit.AuditLog;
import org.gongjian.enterprise.Enterprise;
import org.gongjian.enterprise.Enterprises;
import org.gongjian.enterprise.Uscc;
import org.gongjian.organisation.Actor;
import org.gongjian.shared.InvalidInputException;
import org.gongjian.shared.InvalidInputException.Violation;
import org.gongjian.shared.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The parties of protection cases. A firm's credit code is checked (GB 32100 check character) and looked up in the
 * enterprise register, whose name is taken when none is given. The case's complainant and respondent (the names its
 * lists show) follow the parties: the applicants and right holders, and those complained about.
 */
@Service
@Transactional(readOnly = true)
public class Parties {

    /** A party as entered. */
    public record Entry(@Nullable PartyRole role, @Nullable String name, @Nullable String uscc, @Nullable String contact) {
    }

    private final JdbcClient jdbc;
    private final Enterprises enterprises;
    private final Access access;
    private final AuditLog audit;

    Parties(JdbcClient jdbc, Enterprises enterprises, Access access, AuditLog audit) {
        this.jdbc = jdbc;
        this.enterprises = enterprises;
        this.access = access;
        this.audit = audit;
    }

    public List<Party> of(long caseId) {
        List<Party> rows = jdbc.sql("select id, case_id, role, name, uscc, contact, demo from ipcentre_party where case_id = :c "
                + "order by id").param("c", caseId)
                .query((rs, n) -> new Party(rs.getLong(1), rs.getLong(2), PartyRole.valueOf(rs.getString(3)), rs.getString(4),
                        rs.getString(5), false, rs.getString(6), rs.getBoolean(7)))
                .list();
        List<String> codes = rows.stream().map(Party::uscc).filter(u -> u != null).toList();
        if (codes.isEmpty()) {
            return rows;
        }
        List<String> known = jdbc.sql("select uscc from enterprise where uscc in (:u)").param("u", codes).query(String.class).list();
        return rows.stream().map(p -> new Party(p.id(), p.caseId(), p.role(), p.name(), p.uscc(),
                p.uscc() != null && known.contains(p.uscc()), p.contact(), p.demo())).toList();
    }

    /** Adds a party to a case (the centre's staff and the office). */
    @Transactional
    public Party add(long caseId, Entry entry) {
        String caseNo = caseNo(caseId);
        access.requireWrite("ipcentre-party", caseNo);
        long id = insert(caseId, entry, false);
        refreshNames(caseId);
        Party party = of(caseId).stream().filter(p -> p.id() == id).findFirst().orElseThrow();
        audit.created("ipcentre-party", caseNo + "/" + id, party);
        return party;
    }

    /** Removes a party; the last party of the complaining side and the last one complained about stay. */
    @Transactional
    public void remove(long caseId, long partyId) {
        String caseNo = caseNo(caseId);
        access.requireWrite("ipcentre-party", caseNo + "/" + partyId);
        List<Party> all = of(caseId);
        Party party = all.stream().filter(p -> p.id() == partyId).findFirst()
                .orElseThrow(() -> new NotFoundException("ipcentre.error.party-not-found", partyId));
        boolean complaining = party.role().complaining();
        boolean respondent = party.role() == PartyRole.RESPONDENT;
        long sameSide = all.stream().filter(p -> complaining ? p.role().complaining() : p.role() == PartyRole.RESPONDENT).count();
        if ((complaining || respondent) && sameSide <= 1) {
            throw new InvalidInputException("role", "ipcentre.error.party-last", party.name());
        }
        jdbc.sql("delete from ipcentre_party where id = :id and case_id = :c").param("id", partyId).param("c", caseId).update();
        refreshNames(caseId);
        audit.deleted("ipcentre-party", caseNo + "/" + partyId, party);
    }

    /** Checks and stores a party (used by the case's intake too); answers its id. */
    long insert(long caseId, Entry entry, boolean demo) {
        List<Violation> v = new ArrayList<>();
        if (entry.role() == null) {
            v.add(new Violation("role", "ipcentre.error.party-role"));
        }
        String uscc = entry.uscc() == null || entry.uscc().isBlank() ? null : Uscc.normalise(entry.uscc());
        String name = entry.name() == null ? "" : entry.name().trim();
        if (uscc != null && !Uscc.valid(uscc)) {
            v.add(new Violation("uscc", "ipcentre.error.party-uscc", entry.uscc().trim()));
        } else if (uscc != null && name.isEmpty()) {
            name = enterprises.findByUscc(uscc).map(Enterprise::name).orElse("");
        }
        if (name.isEmpty() || name.length() > 200) {
            v.add(new Violation("name", "ipcentre.error.party-name"));
        }
        String contact = entry.contact() == null || entry.contact().isBlank() ? null : entry.contact().trim();
        if (contact != null && contact.length() > 200) {
            v.add(new Violation("contact", "ipcentre.error.party-contact"));
        }
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into ipcentre_party (case_id, role, name, uscc, contact, demo) values (:c, :r, :n, :u, :t, :d)")
                .param("c", caseId).param("r", entry.role().name()).param("n", name).param("u", uscc).param("t", contact)
                .param("d", demo).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    /** The case's complainant and respondent names, from its parties. */
    void refreshNames(long caseId) {
        Map<Boolean, String> names = of(caseId).stream().filter(p -> p.role().complaining() || p.role() == PartyRole.RESPONDENT)
                .collect(Collectors.partitioningBy(p -> p.role().complaining(), Collectors.mapping(Party::name,
                        Collectors.joining("、"))));
        jdbc.sql("update ipcentre_protection_case set complainant = :c, respondent = :r, version = version + 1 where id = :id")
                .param("c", shorten(names.get(true), 200)).param("r", shorten(names.get(false), 300)).param("id", caseId)
                .update();
    }

    private static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    private String caseNo(long caseId) {
        return jdbc.sql("select case_no from ipcentre_protection_case where id = :id").param("id", caseId)
                .query(String.class).optional().orElseThrow(() -> new NotFoundException("ipcentre.error.case-not-found", caseId));
    }
}
