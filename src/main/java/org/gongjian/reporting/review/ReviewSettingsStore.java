package org.gongjian.reporting.review;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gongjian.audit.AuditLog;
import org.gongjian.organisation.Accounts;
import org.gongjian.programme.ProgrammeManagement;
import org.gongjian.shared.InvalidInputException;
import org.gongjian.shared.InvalidInputException.Violation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The official review's settings of each programme ({@code reporting_document_settings}), audited on change. */
@Service
public class ReviewSettingsStore {

    private final JdbcClient jdbc;
    private final ProgrammeManagement programmes;
    private final AuditLog audit;
    private final Accounts accounts;
    private final Clock clock;

    ReviewSettingsStore(JdbcClient jdbc, ProgrammeManagement programmes, AuditLog audit, Accounts accounts, Clock clock) {
        this.jdbc = jdbc;
        this.programmes = programmes;
        this.audit = audit;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** The programme's settings, if the office has set them. */
    @Transactional(readOnly = true)
    public Optional<ReviewSettings> find(String programmeCode) {
        return jdbc.sql("""
                select mark, issuing_body, number_pattern, number_seq, title, addressees, copy_to, printed_by, signed_on
                from reporting_document_settings where programme_code = :code""")
                .param("code", programmeCode)
                .query((rs, n) -> new ReviewSettings(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                        rs.getObject(9, java.time.LocalDate.class)))
                .optional();
    }

    /** Stores the settings after checking that the number pattern gives a 发文字号 of GB/T 9704's form. */
    @Transactional
    public ReviewSettings save(String programmeCode, ReviewSettings settings) {
        int year = programmes.programme(programmeCode).year();
        List<Violation> errors = new ArrayList<>();
        if (!settings.numberPattern().contains("{n}")) {
            errors.add(new Violation("numberPattern", "error.review-settings.number-n"));
        } else if (!ReviewSettings.NUMBER.matcher(settings.number(year)).matches()) {
            errors.add(new Violation("numberPattern", "error.review-settings.number-form", settings.number(year)));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Optional<ReviewSettings> before = find(programmeCode);
        ReviewSettings s = new ReviewSettings(settings.mark().strip(), settings.issuingBody().strip(),
                settings.numberPattern().strip(), settings.numberSeq(), blank(settings.title()),
                settings.addressees().strip(), blank(settings.copyTo()), settings.printedBy().strip(), settings.signedOn());
        jdbc.sql("delete from reporting_document_settings where programme_code = :code").param("code", programmeCode).update();
        jdbc.sql("""
                insert into reporting_document_settings (programme_code, mark, issuing_body, number_pattern, number_seq,
                    title, addressees, copy_to, printed_by, signed_on, updated_by, updated_at)
                values (:code, :mark, :body, :pattern, :seq, :title, :to, :cc, :printer, :signed, :by, :at)""")
                .param("code", programmeCode).param("mark", s.mark()).param("body", s.issuingBody())
                .param("pattern", s.numberPattern()).param("seq", s.numberSeq()).param("title", s.title())
                .param("to", s.addressees()).param("cc", s.copyTo()).param("printer", s.printedBy())
                .param("signed", s.signedOn()).param("by", accounts.current().username())
                .param("at", LocalDateTime.now(clock))
                .update();
        if (before.isPresent()) {
            audit.updated("review-settings", programmeCode, before.get(), s);
        } else {
            audit.created("review-settings", programmeCode, s);
        }
        return s;
    }

    private static @org.jspecify.annotations.Nullable String blank(@org.jspecify.annotations.Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
