package org.gongjian.organisation;

import java.util.HashSet;
import java.util.Set;

/** The permission strings, {@code module:resource:action}, that controllers and services check. */
public final class Permissions {

    public static final String PROGRAMME_READ = "programme:programme:read";
    public static final String PROGRAMME_WRITE = "programme:programme:write";
    public static final String INITIATIVE_WRITE = "programme:initiative:write";
    public static final String MEASUREMENT_CREATE = "programme:measurement:create";
    public static final String UNIT_READ = "organisation:unit:read";
    public static final String UNIT_WRITE = "organisation:unit:write";
    public static final String USER_ADMIN = "organisation:user:admin";
    public static final String AUDIT_READ = "audit:entry:read";
    public static final String SUPERVISION_READ = "supervision:status:read";
    public static final String NOTICE_ANSWER = "supervision:notice:answer";
    public static final String SUPERVISION_MANAGE = "supervision:notice:manage";
    public static final String INBOX_READ = "notification:inbox:read";
    public static final String CHANNEL_MANAGE = "notification:channel:manage";
    /** Read and download reports: the year-end review, bulletins, Excel exports and templates. */
    public static final String REPORT_READ = "reporting:report:read";
    /** Import measurements (own unit's initiatives only) or initiatives with targets (office only) from Excel. */
    public static final String IMPORT_CREATE = "reporting:import:create";
    /** Read GEP and carbon-sink accounts, and evaluate requests without storing them. */
    public static final String ECOLOGY_ACCOUNT_READ = "ecology:account:read";
    /** Create accounts and recompute them (unit staff: the forestry department only, see ecology). */
    public static final String ECOLOGY_ACCOUNT_WRITE = "ecology:account:write";
    /** Publish an account version, which feeds the targets bound to the ecology indicators. */
    public static final String ECOLOGY_ACCOUNT_PUBLISH = "ecology:account:publish";
    /** One's own account: change one's password, create and revoke one's personal API tokens. */
    public static final String ACCOUNT_SELF = "organisation:account:self";

    /** Read the working-day calendar. */
    public static final String CALENDAR_READ = "calendar:calendar:read";
    /** Enter or replace a year's holiday notice (the office). */
    public static final String CALENDAR_MANAGE = "calendar:calendar:manage";

    /** Read league tables, scorecards, progress reports and schemes. */
    public static final String RANKING_READ = "assessment:ranking:read";
    /** Appeal an item of one's own unit's score. */
    public static final String APPEAL_CREATE = "assessment:appeal:create";
    /** Schemes, ratings, appeal decisions and stored rankings (the office). */
    public static final String ASSESSMENT_MANAGE = "assessment:ranking:manage";

    /** Volunteers (masked), teams, activities and the campaign; volunteers and captains see only their own scope. */
    public static final String VOLUNTEERS_READ = "volunteers:volunteer:read";
    /** Show a volunteer's full ID-card number (the office only; every use audited). */
    public static final String VOLUNTEERS_UNMASK = "volunteers:id:unmask";
    /** Register volunteers, teams, captains and activities, approve teams, import rosters (unit staff: own town). */
    public static final String VOLUNTEERS_MANAGE = "volunteers:ledger:manage";
    /** Check in and out, ask for back-filled hours (volunteers: themselves; captains: their teams' activities). */
    public static final String VOLUNTEERS_CHECK_IN = "volunteers:check-in:create";
    /** Approve hours above the automatic tier and review back-fills (unit staff: own town, up to the org tier). */
    public static final String VOLUNTEERS_HOURS_APPROVE = "volunteers:hours:approve";
    /** One's own volunteer pages: activities, scan, hours and star, certificate. */
    public static final String VOLUNTEERS_SELF = "volunteers:self:use";
    /** A captain's page: today's activity, the rotating QR code, the roster, manual entries. */
    public static final String VOLUNTEERS_LEAD = "volunteers:team:lead";
    /** Create and change activities: of the teams one leads (captains), of one's town (unit staff), any (office). */
    public static final String VOLUNTEERS_ACTIVITY = "volunteers:activity:manage";

    static final Set<String> VOLUNTEER = Set.of(VOLUNTEERS_READ, VOLUNTEERS_SELF, VOLUNTEERS_CHECK_IN, ACCOUNT_SELF);
    static final Set<String> CAPTAIN = union(VOLUNTEER, Set.of(VOLUNTEERS_LEAD, VOLUNTEERS_ACTIVITY));

    /** Read the enterprise register. */
    public static final String ENTERPRISE_READ = "enterprise:enterprise:read";
    /** Register and update enterprises (the office; the IP centre for its firms). */
    public static final String ENTERPRISE_WRITE = "enterprise:enterprise:write";
    /** Enter and import enterprises' yearly and monthly figures (city-wide units; a town for its own firms). */
    public static final String ENTERPRISE_FIGURE_WRITE = "enterprise:figure:write";
    /** Read the industry ledger: sectors, brackets, clusters, industry plans and their layouts. */
    public static final String INDUSTRY_READ = "industry:plan:read";
    /** Keep industry plans, their targets and layouts, brackets and clusters (the office, the industry bureaus). */
    public static final String INDUSTRY_MANAGE = "industry:plan:manage";

    /** Read the IP centre's ledger: firms, agencies, cases, clocks, statistics. */
    public static final String IPCENTRE_READ = "ipcentre:case:read";
    /** Work the IP centre's ledger: register firms, move cases, import (the centre's staff and the office). */
    public static final String IPCENTRE_WRITE = "ipcentre:case:write";

    /** Read the rural roads ledger: register, chiefs, defects, patrols, condition, demonstration roads. */
    public static final String ROADS_READ = "roads:register:read";
    /** Keep the road register, chiefs, condition results and demonstration roads (the road office). */
    public static final String ROADS_MANAGE = "roads:register:manage";
    /** Work on defects: accept, assign, verify and close (road office), start and rectify (the assigned unit). */
    public static final String ROADS_ISSUE_HANDLE = "roads:issue:handle";
    /** Field work of road chiefs and road staff: patrols, reports and their own roads and defects. */
    public static final String ROADS_FIELD = "roads:field:work";

    /** Read forms and returns (unit staff: their own unit's returns only, see forms). */
    public static final String FORMS_READ = "forms:form:read";
    /** Fill, save and submit one's own unit's returns. */
    public static final String FORMS_FILL = "forms:return:fill";
    /** Design forms, publish versions, assign them to units (the office). */
    public static final String FORMS_DESIGN = "forms:form:design";
    /** Accept returns or return them with a reason (the office). */
    public static final String FORMS_REVIEW = "forms:return:review";

    /** Read the bank–town pairing ledger: pairings, figures, league table, events (not bank staff). */
    public static final String FINANCE_READ = "finance:ledger:read";
    /** Read needs, subjects and monthly reports (bank staff: only those of their own consortium, see finance). */
    public static final String FINANCE_NEED_READ = "finance:need:read";
    /** Keep subjects, visits and needs (unit staff: own town), institutions, consortia and events (the finance office). */
    public static final String FINANCE_MANAGE = "finance:ledger:manage";
    /** A bank's work on needs pushed to its consortium: contact, credit decision, disbursement, imports, monthly report. */
    public static final String FINANCE_BANK = "finance:bank:work";
    /** Review and publish the consortia's monthly reports (the office). */
    public static final String FINANCE_REVIEW = "finance:report:review";

    /** Read the key-projects ledger: projects, plans, progress, milestones, problems, the list's export. */
    public static final String PROJECTS_READ = "projects:project:read";
    /** Enter and submit monthly progress reports (unit staff: projects their unit answers for or hosts). */
    public static final String PROJECTS_REPORT = "projects:report:fill";
    /** Register projects, set plans and milestones, review, publish or return reports, raise problems (the office). */
    public static final String PROJECTS_MANAGE = "projects:project:manage";

    static final Set<String> READ = Set.of(VOLUNTEERS_READ, PROGRAMME_READ, UNIT_READ, REPORT_READ, ECOLOGY_ACCOUNT_READ,
            SUPERVISION_READ, INBOX_READ, ACCOUNT_SELF, RANKING_READ, CALENDAR_READ, ENTERPRISE_READ, IPCENTRE_READ,
            ROADS_READ, FORMS_READ, FINANCE_READ, FINANCE_NEED_READ, PROJECTS_READ,
            INDUSTRY_READ);
    /**
     * What the staff of an outside body who follow the programme read: the programme, its units, status and calendar,
     * the enterprise register, their inbox and account — not the government's reports and exports, the assessment of
     * units, nor other offices' ledgers and the people in them (volunteers, roads, banks' needs, projects).
     */
    static final Set<String> OUTSIDE_READ = Set.of(PROGRAMME_READ, UNIT_READ, SUPERVISION_READ, INBOX_READ, ACCOUNT_SELF,
            CALENDAR_READ, ENTERPRISE_READ);
    /** The IP rapid-protection centre's staff (an outside body): the outside reading, and the centre's own ledger. */
    static final Set<String> IPCENTRE_STAFF = union(OUTSIDE_READ, Set.of(IPCENTRE_READ, IPCENTRE_WRITE, ENTERPRISE_WRITE));
    static final Set<String> UNIT_STAFF = union(READ, Set.of(INITIATIVE_WRITE, MEASUREMENT_CREATE, IMPORT_CREATE,
            ECOLOGY_ACCOUNT_WRITE, ECOLOGY_ACCOUNT_PUBLISH, NOTICE_ANSWER, APPEAL_CREATE, VOLUNTEERS_MANAGE,
            VOLUNTEERS_CHECK_IN, VOLUNTEERS_HOURS_APPROVE, VOLUNTEERS_ACTIVITY, ROADS_MANAGE, ROADS_ISSUE_HANDLE,
            FORMS_FILL, FINANCE_MANAGE, PROJECTS_REPORT, PROJECTS_MANAGE, ENTERPRISE_FIGURE_WRITE, INDUSTRY_MANAGE));
    /** Road chiefs and road staff (outside users): their own account and their field work, scoped to their roads. */
    static final Set<String> ROAD_FIELD = Set.of(ACCOUNT_SELF, ROADS_FIELD);
    /** Bank staff (outside users): their own account and their consortium's needs, scoped in finance. */
    static final Set<String> BANK_STAFF = Set.of(ACCOUNT_SELF, FINANCE_NEED_READ, FINANCE_BANK);
    static final Set<String> ALL = union(UNIT_STAFF,
            Set.of(PROGRAMME_WRITE, UNIT_WRITE, USER_ADMIN, AUDIT_READ, SUPERVISION_MANAGE, CHANNEL_MANAGE,
                    ASSESSMENT_MANAGE, CALENDAR_MANAGE, VOLUNTEERS_UNMASK, VOLUNTEERS_SELF, VOLUNTEERS_LEAD,
                    ENTERPRISE_WRITE, IPCENTRE_WRITE, ROADS_FIELD, FORMS_DESIGN, FORMS_REVIEW, FINANCE_BANK, FINANCE_REVIEW));

    private Permissions() {
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
}
