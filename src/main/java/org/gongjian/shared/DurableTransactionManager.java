package org.gongjian.shared;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.sql.Connection;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.datasource.JdbcTransactionObjectSupport;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.DefaultTransactionStatus;

/**
 * The application's transaction manager: Spring's JDBC one, and on an embedded H2 file database a commit is
 * on disk before it returns. H2's MVStore keeps committed changes in memory and writes them as a chunk later
 * (a second by default; with {@code WRITE_DELAY=0} at the end of a transaction, but only when no other thread
 * is writing one), so a {@code kill -9} lost measurements that had been answered 201. After each read-write
 * commit this writes the store ({@code MVStore.commit()}, which waits for a write in progress) and then forces
 * it to the disk ({@code sync()}); concurrent commits share one fsync (group commit). On PostgreSQL, and on an
 * in-memory H2, nothing is added. H2 is reached by reflection: it is a run-time dependency only. See ADR 0035.
 */
public class DurableTransactionManager extends JdbcTransactionManager {

    private static final long serialVersionUID = 1L;

    private final transient H2Store h2 = H2Store.find();
    private final AtomicLong committed = new AtomicLong();
    private final Object syncLock = new Object();
    private long synced;

    public DurableTransactionManager(DataSource dataSource) {
        super(dataSource);
    }

    @Override
    protected void doCommit(DefaultTransactionStatus status) {
        super.doCommit(status);
        if (h2 == null || status.isReadOnly() || !(status.getTransaction() instanceof JdbcTransactionObjectSupport tx)
                || !tx.hasConnectionHolder()) {
            return;
        }
        try {
            Object store = h2.fileStore(tx.getConnectionHolder().getConnection());
            if (store != null) {
                h2.commit(store);
                long mine = committed.incrementAndGet();
                synchronized (syncLock) {
                    if (synced < mine) {
                        long upTo = committed.get();
                        h2.sync(store);
                        synced = upTo;
                    }
                }
            }
        } catch (Throwable e) {
            throw new TransactionSystemException("The commit could not be written to the H2 file", e);
        }
    }

    /** H2's store of a connection, through its public classes, found when H2 is on the class path. */
    private record H2Store(Class<?> connectionType, MethodHandle session, Class<?> localSession, MethodHandle database,
            MethodHandle store, MethodHandle mvStore, MethodHandle fileStore, MethodHandle commit, MethodHandle sync) {

        static @Nullable H2Store find() {
            try {
                MethodHandles.Lookup lookup = MethodHandles.publicLookup();
                Class<?> connection = Class.forName("org.h2.jdbc.JdbcConnection");
                Class<?> session = Class.forName("org.h2.engine.Session");
                Class<?> local = Class.forName("org.h2.engine.SessionLocal");
                Class<?> database = Class.forName("org.h2.engine.Database");
                Class<?> store = Class.forName("org.h2.mvstore.db.Store");
                Class<?> mv = Class.forName("org.h2.mvstore.MVStore");
                Class<?> file = Class.forName("org.h2.mvstore.FileStore");
                return new H2Store(connection,
                        lookup.findVirtual(connection, "getSession", MethodType.methodType(session)), local,
                        lookup.findVirtual(local, "getDatabase", MethodType.methodType(database)),
                        lookup.findVirtual(database, "getStore", MethodType.methodType(store)),
                        lookup.findVirtual(store, "getMvStore", MethodType.methodType(mv)),
                        lookup.findVirtual(mv, "getFileStore", MethodType.methodType(file)),
                        lookup.findVirtual(mv, "commit", MethodType.methodType(long.class)),
                        lookup.findVirtual(mv, "sync", MethodType.methodType(void.class)));
            } catch (ReflectiveOperationException | LinkageError e) {
                return null;   // no H2 here (or another version's internals): nothing to add
            }
        }

        /** The MVStore behind an embedded file database, or null (PostgreSQL, in-memory, remote H2). */
        @Nullable Object fileStore(Connection connection) throws Throwable {
            if (!connection.isWrapperFor(connectionType)) {
                return null;
            }
            Object s = session.invoke(connection.unwrap(connectionType));
            if (!localSession.isInstance(s)) {
                return null;
            }
            Object st = store.invoke(database.invoke(s));
            if (st == null) {
                return null;
            }
            Object mv = mvStore.invoke(st);
            return mv == null || fileStore.invoke(mv) == null ? null : mv;
        }

        void commit(Object mv) throws Throwable {
            long ignored = (long) commit.invoke(mv);
        }

        void sync(Object mv) throws Throwable {
            sync.invoke(mv);
        }
    }

}
