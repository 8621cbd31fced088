package org.gongjian.programme;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongFunction;
import java.util.function.ToIntFunction;
import org.gongjian.shared.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The programme, target and initiative a figure is written to, for the write path (ADR 0037, amendment). Loading
 * the three aggregates through their repositories is ten statements and their SQL generated anew each time (each
 * child collection is a query); a figure needs them only to read. So one query asks for the three rows' ids and
 * versions, and an aggregate is taken from memory when it was loaded at that version — never a stale one, since
 * every change of an aggregate, its child collections included, is a save of its root that raises the version.
 * The remembered aggregates are only read: they never reach a path that changes or saves them. An aggregate loaded
 * inside a transaction is remembered once that transaction has committed, so a version that was rolled back (and
 * may be given again to other content) is never remembered.
 */
@Component
class FigureTargets {

    /** More remembered aggregates than this (a very large installation) and the memory starts again. */
    static final int LIMIT = 20_000;

    private final JdbcClient jdbc;
    private final ProgrammeRepository programmes;
    private final InitiativeRepository initiatives;
    private final TargetRepository targets;
    private final Map<Long, Programme> programmeById = new ConcurrentHashMap<>();
    private final Map<Long, Initiative> initiativeById = new ConcurrentHashMap<>();
    private final Map<Long, Target> targetById = new ConcurrentHashMap<>();

    FigureTargets(JdbcClient jdbc, ProgrammeRepository programmes, InitiativeRepository initiatives,
            TargetRepository targets) {
        this.jdbc = jdbc;
        this.programmes = programmes;
        this.initiatives = initiatives;
        this.targets = targets;
    }

    /** A target of a programme by their codes, with its initiative. */
    record Context(Programme programme, Target target, Initiative initiative) {
    }

    private record Versions(long programmeId, int programmeVersion, @Nullable Long targetId,
            @Nullable Integer targetVersion, @Nullable Long initiativeId, @Nullable Integer initiativeVersion) {
    }

    /**
     * The programme and target by code, as stored now (call it inside the write's transaction).
     *
     * @throws NotFoundException when the programme or the target does not exist
     */
    Context of(String programmeCode, String targetCode) {
        Versions v = jdbc.sql("""
                select p.id, p.version, t.id, t.version, i.id, i.version
                from programme p
                left join programme_target t on t.programme_id = p.id and t.code = :target
                left join programme_initiative i on i.id = t.initiative_id
                where p.code = :programme""")
                .param("programme", programmeCode).param("target", targetCode)
                .query((rs, n) -> new Versions(rs.getLong(1), rs.getInt(2), (Long) rs.getObject(3, Long.class),
                        (Integer) rs.getObject(4, Integer.class), (Long) rs.getObject(5, Long.class),
                        (Integer) rs.getObject(6, Integer.class)))
                .optional().orElseThrow(() -> new NotFoundException("error.programme.not-found", programmeCode));
        Long targetId = v.targetId();
        Integer targetVersion = v.targetVersion();
        Long initiativeId = v.initiativeId();
        Integer initiativeVersion = v.initiativeVersion();
        if (targetId == null || targetVersion == null || initiativeId == null || initiativeVersion == null) {
            throw new NotFoundException("error.target.not-found", targetCode);
        }
        Programme programme = at(programmeById, v.programmeId(), v.programmeVersion(), Programme::version,
                id -> programmes.findById(id).orElseThrow(() -> new NotFoundException("error.programme.not-found", programmeCode)));
        Target target = at(targetById, targetId, targetVersion, Target::version,
                id -> targets.findById(id).orElseThrow(() -> new NotFoundException("error.target.not-found", targetCode)));
        Initiative initiative = at(initiativeById, initiativeId, initiativeVersion, Initiative::version,
                id -> initiatives.findById(id).orElseThrow(() -> new NotFoundException("error.target.not-found", targetCode)));
        return new Context(programme, target, initiative);
    }

    private static <T> T at(Map<Long, T> memory, long id, int version, ToIntFunction<T> versionOf,
            LongFunction<T> load) {
        T known = memory.get(id);
        if (known != null && versionOf.applyAsInt(known) == version) {
            return known;
        }
        T loaded = load.apply(id);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    remember(memory, id, loaded);
                }
            });
        } else {
            remember(memory, id, loaded);
        }
        return loaded;
    }

    private static <T> void remember(Map<Long, T> memory, long id, T loaded) {
        if (memory.size() >= LIMIT) {
            memory.clear();
        }
        memory.put(id, loaded);
    }
}
