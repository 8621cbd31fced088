package org.gongjian.ecology;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.gongjian.audit.AuditLog;
import org.gongjian.ecology.engine.GepEngine;
import org.gongjian.ecology.engine.GepRequest;
import org.gongjian.ecology.engine.GepResult;
import org.gongjian.ecology.engine.InvalidRequestException;
import org.gongjian.ecology.engine.Stand;
import org.gongjian.ecology.raster.Layer;
import org.gongjian.ecology.raster.RasterAccounting;
import org.gongjian.ecology.raster.RasterException;
import org.gongjian.ecology.raster.RasterRequest;
import org.gongjian.ecology.raster.RasterResult;
import org.gongjian.organisation.Accounts;
import org.gongjian.organisation.Actor;
import org.gongjian.organisation.Organisation;
import org.gongjian.organisation.Permissions;
import org.gongjian.organisation.Unit;
import org.gongjian.programme.IndicatorObserved;
import org.gongjian.shared.ConflictException;
import org.gongjian.shared.InvalidInputException;
import org.gongjian.shared.InvalidInputException.Violation;
import org.gongjian.shared.NotFoundException;
import org.gongjian.shared.UnitOfMeasure;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * GEP and carbon-sink accounts: evaluate a request, store it as a named account, recompute it as a
 * new version, publish a version (which feeds the targets bound to the ecology indicators), read
 * them back. The office and the forestry department's staff write and publish; everyone reads.
 */
@Service
@Transactional(readOnly = true)
public class GepAccounts {

    static final String SOURCE = "ecology";
    private static final java.util.regex.Pattern CODE = java.util.regex.Pattern.compile("[a-z0-9][a-z0-9-]{1,63}");

    private final GepEngine engine = GepEngine.standard();
    private final RasterAccounting raster;
    private final AccountStore store;
    private final Organisation organisation;
    private final Accounts accounts;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final JsonMapper json;
    private final MessageSource messages;
    private final Clock clock;
    private final Set<String> forestryUnits;

    GepAccounts(AccountStore store, Organisation organisation, Accounts accounts, AuditLog audit,
            ApplicationEventPublisher events, JsonMapper json, MessageSource messages, Clock clock,
            @Value("${gongjian.ecology.forestry-units:natural-resources}") String[] forestryUnits,
            @Value("${gongjian.ecology.raster.max-cells:20000000}") long maxCells) {
        this.raster = new RasterAccounting(engine, maxCells);
        this.store = store;
        this.organisation = organisation;
        this.accounts = accounts;
        this.audit = audit;
        this.events = events;
        this.json = json;
        this.messages = messages;
        this.clock = clock;
        this.forestryUnits = Set.of(forestryUnits);
    }

    /** Evaluates a request without storing anything; the towns must be units of the city. */
    public GepResult evaluate(GepRequest request) {
        checkTowns(request);
        try {
            return engine.evaluate(request).localised(this::message);
        } catch (InvalidRequestException e) {
            throw invalid(e);
        }
    }

    /**
     * Evaluates a raster account on layer files without storing anything (value maps go to
     * {@code maps} when it is not null); refusals of the layers become field errors on {@code layers}.
     */
    public RasterResult evaluateRaster(RasterRequest request, Map<Layer, java.nio.file.Path> files,
            java.nio.file.@Nullable Path maps) {
        if (request == null || request.account() == null) {
            throw new InvalidInputException("request", "ecology.raster.missing-account");
        }
        checkTowns(request.account());
        RasterResult r;
        try {
            r = raster.evaluate(request, files, maps);
        } catch (RasterException e) {
            throw new InvalidInputException("layers", "ecology.raster." + e.code(), e.args());
        } catch (InvalidRequestException e) {
            throw invalid(e);
        }
        List<GepRequest.Town> zoneTowns = r.zones().stream().map(t -> new GepRequest.Town(t, null, null, null)).toList();
        checkTowns(new GepRequest(null, null, null, null, null, null, null, null, null, null, null, zoneTowns, null,
                null, null, null));
        return new RasterResult(r.result().localised(this::message), r.width(), r.height(), r.crs(), r.cellArea(),
                r.forestPixels(), r.skippedPixels(), r.zones(), r.maps());
    }

    /** A new account with its first version, a draft. */
    @Transactional
    public GepAccount create(String code, String name, @Nullable String note, GepRequest request, boolean demo) {
        Actor actor = requireNew(code, name);
        GepResult result = evaluate(request);
        Instant now = Instant.now(clock);
        long id = store.insertAccount(code, name.trim(), result.accountingYear(), GepAccount.Kind.STANDS, demo, now,
                actor.username());
        store.insertVersion(id, result.method(), json.writeValueAsString(request), result,
                json.writeValueAsString(result), note, now, actor.username());
        GepAccount account = store.load(id);
        audit.created("ecology-account", code, summary(account, account.latest()));
        return account;
    }

    /** Checks that the caller may write accounts and that the code and name of a new account are valid and free. */
    Actor requireNew(String code, String name) {
        Actor actor = requireForestry(Permissions.ECOLOGY_ACCOUNT_WRITE, code);
        List<Violation> v = new ArrayList<>();
        if (code == null || !CODE.matcher(code).matches()) {
            v.add(new Violation("code", "ecology.error.code"));
        }
        if (name == null || name.isBlank() || name.length() > 200) {
            v.add(new Violation("name", "ecology.error.name"));
        }
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        if (store.find(code).isPresent()) {
            throw new ConflictException("ecology.error.duplicate-code", code);
        }
        return actor;
    }

    /**
     * A new draft version of a stand account: the given request, or the latest one evaluated again with today's
     * tables. A raster account's layers are not kept, so it is not recomputed here.
     */
    @Transactional
    public GepAccount.Version recompute(String code, @Nullable GepRequest request, @Nullable String note) {
        GepAccount account = account(code);
        requireForestry(Permissions.ECOLOGY_ACCOUNT_WRITE, code);
        if (account.kind() == GepAccount.Kind.RASTER) {
            throw new ConflictException("ecology.raster.recompute", code);
        }
        GepRequest input = request != null ? request : request(account.latest());
        if (input.accountingYear() != null && input.accountingYear() != account.accountingYear()) {
            throw new InvalidInputException("accountingYear", "ecology.error.year-fixed", account.accountingYear());
        }
        GepResult result = evaluate(input);
        int number = store.insertVersion(account.id(), result.method(), json.writeValueAsString(input), result,
                json.writeValueAsString(result), note, Instant.now(clock), accounts.current().username());
        GepAccount.Version version = store.load(account.id()).version(number);
        audit.created("ecology-account-version", code + "/" + number, summary(account, version));
        return version;
    }

    /**
     * Publishes a draft version, as of a date (today unless given): from then on it is immutable,
     * and each of its towns' GEP total, GEP per hectare and carbon sink is observed for the targets.
     */
    @Transactional
    public GepAccount.Version publish(String code, int number, @Nullable LocalDate asOf) {
        GepAccount account = account(code);
        Actor actor = requireForestry(Permissions.ECOLOGY_ACCOUNT_PUBLISH, code + "/" + number);
        GepAccount.Version draft = account.version(number);
        if (draft.status() != GepAccount.Status.DRAFT) {
            throw new ConflictException("ecology.error.already-published", code, number);
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate on = asOf == null ? today : asOf;
        if (on.isAfter(today)) {
            throw new InvalidInputException("asOf", "ecology.error.future-date", today);
        }
        if (!store.publish(draft.id(), on, Instant.now(clock), actor.username())) {
            throw new ConflictException("ecology.error.already-published", code, number);
        }
        GepAccount.Version published = store.load(account.id()).version(number);
        audit.updated("ecology-account-version", code + "/" + number, summary(account, draft), summary(account, published));
        for (GepAccount.TownFigures t : published.towns()) {
            events.publishEvent(new IndicatorObserved("ecology.gep-total", t.town(), on, t.gepTotal(),
                    UnitOfMeasure.YUAN, SOURCE));
            if (t.perHectare() != null) {
                events.publishEvent(new IndicatorObserved("ecology.gep-per-hectare", t.town(), on, t.perHectare(),
                        UnitOfMeasure.YUAN, SOURCE));
            }
            if (t.carbonSink() != null) {
                events.publishEvent(new IndicatorObserved("ecology.carbon-sink", t.town(), on, t.carbonSink(),
                        UnitOfMeasure.TONNES, SOURCE));
            }
        }
        return published;
    }

    public Page<GepAccount> list(Pageable pageable) {
        long total = store.count();
        if (pageable.isUnpaged()) {
            return new PageImpl<>(store.ids(0, Integer.MAX_VALUE).stream().map(store::load).toList(), pageable, total);
        }
        List<GepAccount> page = store.ids((int) pageable.getOffset(), pageable.getPageSize()).stream().map(store::load)
                .toList();
        return new PageImpl<>(page, pageable, total);
    }

    public GepAccount account(String code) {
        return store.find(code).orElseThrow(() -> new NotFoundException("ecology.error.account-not-found", code));
    }

    public GepResult result(GepAccount.Version version) {
        return json.readValue(store.resultJson(version.id()), GepResult.class).localised(this::message);
    }

    public GepRequest request(GepAccount.Version version) {
        return json.readValue(store.requestJson(version.id()), GepRequest.class);
    }

    public String requestJson(GepAccount.Version version) {
        return store.requestJson(version.id());
    }

    /** Whether the current user may create, recompute and publish accounts (for showing the buttons). */
    public boolean mayWrite() {
        Actor actor = accounts.current();
        return actor.isAdmin() || (actor.can(Permissions.ECOLOGY_ACCOUNT_WRITE) && inForestry(actor));
    }

    /** The town-level units' short names by code, for display. */
    public Map<String, String> townNames() {
        return organisation.all().stream().collect(Collectors.toMap(Unit::code,
                u -> u.shortName() == null ? u.name() : u.shortName(), (a, b) -> a, LinkedHashMap::new));
    }

    java.util.Optional<GepAccount> find(String code) {
        return store.find(code);
    }

    boolean seeded(String code) {
        return store.seeded(code);
    }

    void markSeeded(String code) {
        store.markSeeded(code, Instant.now(clock));
    }

    boolean anyAccounts() {
        return store.count() > 0;
    }

    Actor requireForestry(String permission, String entityId) {
        Actor actor = accounts.current();
        if (actor.isAdmin()) {
            return actor;
        }
        if (!actor.can(permission) || !inForestry(actor)) {
            audit.denied("ecology-account", entityId, "only the programme office and the forestry department");
            throw new AccessDeniedException("error.access-denied");
        }
        return actor;
    }

    private boolean inForestry(Actor actor) {
        return organisation.isOneOf(actor.unitId(), forestryUnits);
    }

    private void checkTowns(GepRequest request) {
        Map<String, String> firstUse = new LinkedHashMap<>();
        List<Stand> stands = request.stands() == null ? List.of() : request.stands();
        for (int i = 0; i < stands.size(); i++) {
            Stand s = stands.get(i);
            if (s != null && s.town() != null && !s.town().isBlank()) {
                firstUse.putIfAbsent(s.town(), "stands[" + i + "].town");
            }
        }
        for (int i = 0; request.towns() != null && i < request.towns().size(); i++) {
            GepRequest.Town t = request.towns().get(i);
            if (t != null && t.code() != null) {
                firstUse.putIfAbsent(t.code(), "towns[" + i + "].code");
            }
        }
        for (int i = 0; request.physicalQuantities() != null && i < request.physicalQuantities().size(); i++) {
            String town = request.physicalQuantities().get(i).town();
            if (town != null) {
                firstUse.putIfAbsent(town, "physicalQuantities[" + i + "].town");
            }
        }
        for (int i = 0; request.externalValues() != null && i < request.externalValues().size(); i++) {
            String town = request.externalValues().get(i).town();
            if (town != null) {
                firstUse.putIfAbsent(town, "externalValues[" + i + "].town");
            }
        }
        Map<String, Unit> known = organisation.byCodes(firstUse.keySet());
        List<Violation> v = new ArrayList<>();
        firstUse.forEach((town, field) -> {
            if (!known.containsKey(town)) {
                v.add(new Violation(field, "ecology.error.unknown-town", town));
            }
        });
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
    }

    private InvalidInputException invalid(InvalidRequestException e) {
        return new InvalidInputException(e.problems().stream()
                .map(p -> new Violation(p.field(), "ecology.error." + p.code(), p.args().toArray()))
                .toList());
    }

    private String message(GepResult.Notice n) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage("ecology.notice." + n.code(), n.args().toArray(), n.code() + " " + n.args(), locale);
    }

    static Map<String, Object> summary(GepAccount account, GepAccount.Version v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", account.code());
        m.put("name", account.name());
        m.put("kind", account.kind());
        m.put("year", account.accountingYear());
        m.put("version", v.number());
        m.put("status", v.status());
        m.put("method", v.method());
        m.put("reference", v.referenceVersion() + " " + v.referenceSha());
        m.put("total", v.totalValue());
        m.put("area", v.forestArea());
        m.put("carbonSink", v.carbonSink());
        m.put("towns", v.towns().stream().map(GepAccount.TownFigures::town).toList());
        m.put("publishedOn", v.publishedOn());
        return m;
    }
}
