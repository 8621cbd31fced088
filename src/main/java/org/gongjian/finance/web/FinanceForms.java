package org.gongjian.finance.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.gongjian.finance.Money;
import org.gongjian.finance.Needs;
import org.gongjian.finance.Outreach;
import org.gongjian.finance.Pairings;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;

/** What the ledger's page forms bind: amounts typed in 万元, dates as ISO days, the record's version for edits. */
final class FinanceForms {

    private FinanceForms() {
    }

    private static @Nullable BigDecimal yuan(@Nullable BigDecimal wan) {
        return wan == null ? null : Money.fromWan(wan);
    }

    /** A bank or branch: its credit code finds (or registers) the enterprise; kind and parent are the ledger's. */
    public static class InstitutionForm {
        private @Nullable String uscc;
        private @Nullable String name;
        private @Nullable String townCode;
        private Pairings.@Nullable InstitutionKind kind;
        private @Nullable Long parentId;
        private int version;

        static InstitutionForm of(Pairings.Institution i) {
            InstitutionForm f = new InstitutionForm();
            f.uscc = i.uscc();
            f.name = i.name();
            f.townCode = i.townCode();
            f.kind = i.kind();
            f.parentId = i.parentId();
            f.version = i.version();
            return f;
        }

        Pairings.NewInstitution data() {
            return new Pairings.NewInstitution(uscc == null ? null : uscc.trim().toUpperCase(java.util.Locale.ROOT),
                    name == null ? null : name.trim(), townCode, kind, parentId);
        }

        public @Nullable String getUscc() { return uscc; }
        public void setUscc(@Nullable String v) { uscc = v; }
        public @Nullable String getName() { return name; }
        public void setName(@Nullable String v) { name = v; }
        public @Nullable String getTownCode() { return townCode; }
        public void setTownCode(@Nullable String v) { townCode = v; }
        public Pairings.@Nullable InstitutionKind getKind() { return kind; }
        public void setKind(Pairings.@Nullable InstitutionKind v) { kind = v; }
        public @Nullable Long getParentId() { return parentId; }
        public void setParentId(@Nullable Long v) { parentId = v; }
        public int getVersion() { return version; }
        public void setVersion(int v) { version = v; }
    }

    /** One liaison line of a consortium form; a line left blank is dropped. */
    public static class LiaisonRow {
        private @Nullable String name;
        private @Nullable String phone;
        private String side = "BANK";

        boolean blank() {
            return (name == null || name.isBlank()) && (phone == null || phone.isBlank());
        }

        public @Nullable String getName() { return name; }
        public void setName(@Nullable String v) { name = v; }
        public @Nullable String getPhone() { return phone; }
        public void setPhone(@Nullable String v) { phone = v; }
        public String getSide() { return side; }
        public void setSide(String v) { side = v; }
    }

    /** A consortium: lead bank, members, liaisons (four lines on the page), paired town and validity. */
    public static class ConsortiumForm {
        static final int LIAISON_LINES = 4;
        private @Nullable String name;
        private @Nullable Long leadInstitutionId;
        private List<Long> memberIds = new ArrayList<>();
        private @Nullable String townCode;
        @DateTimeFormat(iso = ISO.DATE) private @Nullable LocalDate agreementDate;
        @DateTimeFormat(iso = ISO.DATE) private @Nullable LocalDate validFrom;
        @DateTimeFormat(iso = ISO.DATE) private @Nullable LocalDate validTo;
        private List<LiaisonRow> liaisons = new ArrayList<>();
        private int version;

        static ConsortiumForm empty() {
            ConsortiumForm f = new ConsortiumForm();
            f.fill();
            return f;
        }

        static ConsortiumForm of(Pairings.Consortium c) {
            ConsortiumForm f = new ConsortiumForm();
            f.name = c.name();
            f.leadInstitutionId = c.leadInstitutionId();
            f.memberIds = new ArrayList<>(c.memberIds().stream().filter(m -> m != c.leadInstitutionId()).toList());
            f.townCode = c.townCode();
            f.agreementDate = c.agreementDate();
            f.validFrom = c.validFrom();
            f.validTo = c.validTo();
            for (Pairings.Liaison l : c.liaisons()) {
                LiaisonRow row = new LiaisonRow();
                row.name = l.name();
                row.phone = l.phone();
                row.side = l.side();
                f.liaisons.add(row);
            }
            f.version = c.version();
            f.fill();
            return f;
        }

        /** Blank lines up to the page's four, so that a liaison can be added. */
        ConsortiumForm fill() {
            while (liaisons.size() < LIAISON_LINES) {
                LiaisonRow row = new LiaisonRow();
                row.side = liaisons.size() % 2 == 0 ? "BANK" : "TOWN";
                liaisons.add(row);
            }
            return this;
        }

        /** The lines as typed, blank ones dropped; the indexes of the violations are those of this list. */
        Pairings.NewConsortium data() {
            List<Pairings.Liaison> typed = liaisons.stream().filter(l -> !l.blank())
                    .map(l -> new Pairings.Liaison(l.name == null ? "" : l.name, l.phone, l.side)).toList();
            return new Pairings.NewConsortium(name, leadInstitutionId, memberIds, townCode, agreementDate, validFrom,
                    validTo, typed);
        }

        /** Moves the lines typed to the top, so that a violation's index names the line the user sees. */
        void compact() {
            List<LiaisonRow> typed = new ArrayList<>(liaisons.stream().filter(l -> !l.blank()).toList());
            liaisons = typed;
            fill();
        }

        public @Nullable String getName() { return name; }
        public void setName(@Nullable String v) { name = v; }
        public @Nullable Long getLeadInstitutionId() { return leadInstitutionId; }
        public void setLeadInstitutionId(@Nullable Long v) { leadInstitutionId = v; }
        public List<Long> getMemberIds() { return memberIds; }
        public void setMemberIds(@Nullable List<Long> v) { memberIds = v == null ? new ArrayList<>() : v; }
        public @Nullable String getTownCode() { return townCode; }
        public void setTownCode(@Nullable String v) { townCode = v; }
        public @Nullable LocalDate getAgreementDate() { return agreementDate; }
        public void setAgreementDate(@Nullable LocalDate v) { agreementDate = v; }
        public @Nullable LocalDate getValidFrom() { return validFrom; }
        public void setValidFrom(@Nullable LocalDate v) { validFrom = v; }
        public @Nullable LocalDate getValidTo() { return validTo; }
        public void setValidTo(@Nullable LocalDate v) { validTo = v; }
        public List<LiaisonRow> getLiaisons() { return liaisons; }
        public void setLiaisons(@Nullable List<LiaisonRow> v) { liaisons = v == null ? new ArrayList<>() : v; }
        public int getVersion() { return version; }
        public void setVersion(int v) { version = v; }
    }

    /** An outreach event (金融来趁圩, 政银企对接会); the signed amount in 万元. */
    public static class EventForm {
        private Outreach.@Nullable EventKind kind = Outreach.EventKind.MARKET_DAY;
        private @Nullable String title;
        @DateTimeFormat(iso = ISO.DATE) private @Nullable LocalDate heldOn;
        private @Nullable String townCode;
        private List<Long> consortiumIds = new ArrayList<>();
        private @Nullable Integer attendees;
        private @Nullable Integer needsCollected;
        private @Nullable Integer signings;
        private @Nullable BigDecimal signedWan;

        Outreach.NewEvent data() {
            return new Outreach.NewEvent(kind, title, heldOn, townCode, attendees, needsCollected, signings,
                    yuan(signedWan), consortiumIds);
        }

        public Outreach.@Nullable EventKind getKind() { return kind; }
        public void setKind(Outreach.@Nullable EventKind v) { kind = v; }
        public @Nullable String getTitle() { return title; }
        public void setTitle(@Nullable String v) { title = v; }
        public @Nullable LocalDate getHeldOn() { return heldOn; }
        public void setHeldOn(@Nullable LocalDate v) { heldOn = v; }
        public @Nullable String getTownCode() { return townCode; }
        public void setTownCode(@Nullable String v) { townCode = v; }
        public List<Long> getConsortiumIds() { return consortiumIds; }
        public void setConsortiumIds(@Nullable List<Long> v) { consortiumIds = v == null ? new ArrayList<>() : v; }
        public @Nullable Integer getAttendees() { return attendees; }
        public void setAttendees(@Nullable Integer v) { attendees = v; }
        public @Nullable Integer getNeedsCollected() { return needsCollected; }
        public void setNeedsCollected(@Nullable Integer v) { needsCollected = v; }
        public @Nullable Integer getSignings() { return signings; }
        public void setSignings(@Nullable Integer v) { signings = v; }
        public @Nullable BigDecimal getSignedWan() { return signedWan; }
        public void setSignedWan(@Nullable BigDecimal v) { signedWan = v; }
    }

    /** A financing need declared on the page, with the five criteria checked at the same time; the amount in 万元. */
    public static class NeedForm {
        private @Nullable Long subjectId;
        private Needs.@Nullable Source source = Needs.Source.VISIT;
        private @Nullable BigDecimal amountWan;
        private @Nullable String purpose;
        private @Nullable Integer termMonths;
        private Needs.@Nullable Collateral collateral;
        @DateTimeFormat(iso = ISO.DATE) private @Nullable LocalDate declaredOn;
        private boolean operating;
        private boolean premises;
        private boolean realNeed;
        private boolean credit;
        private boolean lawfulUse;

        Needs.NewNeed data() {
            return new Needs.NewNeed(subjectId, source, yuan(amountWan), purpose, termMonths, collateral, criteria(),
                    declaredOn);
        }

        Needs.Criteria criteria() {
            return new Needs.Criteria(operating, premises, realNeed, credit, lawfulUse);
        }

        public @Nullable Long getSubjectId() { return subjectId; }
        public void setSubjectId(@Nullable Long v) { subjectId = v; }
        public Needs.@Nullable Source getSource() { return source; }
        public void setSource(Needs.@Nullable Source v) { source = v; }
        public @Nullable BigDecimal getAmountWan() { return amountWan; }
        public void setAmountWan(@Nullable BigDecimal v) { amountWan = v; }
        public @Nullable String getPurpose() { return purpose; }
        public void setPurpose(@Nullable String v) { purpose = v; }
        public @Nullable Integer getTermMonths() { return termMonths; }
        public void setTermMonths(@Nullable Integer v) { termMonths = v; }
        public Needs.@Nullable Collateral getCollateral() { return collateral; }
        public void setCollateral(Needs.@Nullable Collateral v) { collateral = v; }
        public @Nullable LocalDate getDeclaredOn() { return declaredOn; }
        public void setDeclaredOn(@Nullable LocalDate v) { declaredOn = v; }
        public boolean isOperating() { return operating; }
        public void setOperating(boolean v) { operating = v; }
        public boolean isPremises() { return premises; }
        public void setPremises(boolean v) { premises = v; }
        public boolean isRealNeed() { return realNeed; }
        public void setRealNeed(boolean v) { realNeed = v; }
        public boolean isCredit() { return credit; }
        public void setCredit(boolean v) { credit = v; }
        public boolean isLawfulUse() { return lawfulUse; }
        public void setLawfulUse(boolean v) { lawfulUse = v; }
    }

    /** A bank's monthly report: the month (new drafts), the outstanding balance in 万元 and a note. */
    public static class ReportForm {
        private @Nullable Long consortiumId;
        private @Nullable String month;
        private @Nullable BigDecimal balanceWan;
        private @Nullable String note;
        private int version;

        @Nullable BigDecimal balance() {
            return yuan(balanceWan);
        }

        public @Nullable Long getConsortiumId() { return consortiumId; }
        public void setConsortiumId(@Nullable Long v) { consortiumId = v; }
        public @Nullable String getMonth() { return month; }
        public void setMonth(@Nullable String v) { month = v; }
        public @Nullable BigDecimal getBalanceWan() { return balanceWan; }
        public void setBalanceWan(@Nullable BigDecimal v) { balanceWan = v; }
        public @Nullable String getNote() { return note; }
        public void setNote(@Nullable String v) { note = v; }
        public int getVersion() { return version; }
        public void setVersion(int v) { version = v; }
    }
}
