package org.gongjian.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * CPU time of PostgreSQL's processes on this machine, from {@code /proc/<pid>/stat} (user + system, in clock
 * ticks), for the benchmarks: the processes are those {@code pg_stat_activity} lists (the pool's server
 * processes and the background writers). Answers -1 when a process is not on this machine (a remote server).
 */
public final class PostgresCpu {

    /** Linux's USER_HZ, the unit of /proc's times. */
    public static final int TICKS_PER_SECOND = 100;

    private PostgresCpu() {
    }

    public static long ticks(List<Long> pids) {
        long sum = 0;
        for (long pid : pids) {
            Path stat = Path.of("/proc", Long.toString(pid), "stat");
            try {
                String s = Files.readString(stat);
                // fields after the command name in parentheses: state is field 3; utime and stime are 14 and 15
                String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
                sum += Long.parseLong(f[11]) + Long.parseLong(f[12]);
            } catch (IOException | RuntimeException e) {
                return -1;
            }
        }
        return sum;
    }
}
