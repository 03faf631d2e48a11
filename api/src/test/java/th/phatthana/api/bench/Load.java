package th.phatthana.api.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs numbered units of work (one batch each) on a fixed number of client threads that take the
 * next unit as soon as they finish one, times each unit, and measures the whole run: wall time,
 * the CPU the machine and the benchmark JVM (and, when given, one other process) used meanwhile.
 */
final class Load {

    /** One unit of work; throws {@link Rejected} if the server refused it, anything else to abort the run. */
    @FunctionalInterface
    interface Unit {
        void run(int index) throws Exception;
    }

    /** The server refused a unit (an HTTP error status): counted and reported, the run goes on. */
    static final class Rejected extends Exception {
        Rejected(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * @param items          statements (or documents) written
     * @param nanos          wall time of the whole run
     * @param latencies      nanoseconds of each unit, sorted
     * @param machineBusy    share of all the machine's CPU time that was busy (0..1)
     * @param jvmCpuSeconds  CPU seconds of the benchmark JVM (clients, and the in-process server)
     * @param otherCpuSeconds CPU seconds of the other process (Learning Locker), or -1
     * @param rejected       units the server refused (not counted in items)
     * @param firstRejection the first refusal's message, or null
     */
    record Measurement(String label, long items, long nanos, long[] latencies, long[] completions, double machineBusy,
            double jvmCpuSeconds, double otherCpuSeconds, int rejected, String firstRejection) {

        /** Rate in each successive tenth of the run (by units completed): shows a server slowing down as its store fills. */
        String rateByTenth(int itemsPerUnit) {
            StringBuilder text = new StringBuilder();
            int units = completions.length;
            long previous = 0;
            for (int tenth = 1; tenth <= 10; tenth++) {
                int last = Math.max(0, tenth * units / 10 - 1);
                int first = (tenth - 1) * units / 10;
                long end = completions[last];
                double rate = (last - first + 1) * (double) itemsPerUnit * 1e9 / Math.max(1, end - previous);
                text.append(tenth == 1 ? "" : " ").append(String.format(Locale.ROOT, "%,.0f", rate));
                previous = end;
            }
            return text.toString();
        }

        double perSecond() {
            return items * 1e9 / nanos;
        }

        double seconds() {
            return nanos / 1e9;
        }

        /** CPU seconds that processes other than this JVM and the measured one used meanwhile: noise from a shared machine. */
        double othersCpuSeconds() {
            return Math.max(0, machineBusy * Runtime.getRuntime().availableProcessors() * seconds() - jvmCpuSeconds
                    - Math.max(0, otherCpuSeconds));
        }

        double percentileMillis(double quantile) {
            int rank = (int) Math.ceil(quantile * latencies.length);
            return latencies[Math.max(0, Math.min(latencies.length - 1, rank - 1))] / 1e6;
        }
    }

    private Load() {
    }

    static Measurement run(String label, int units, int itemsPerUnit, int clients, long otherPid, Unit unit)
            throws InterruptedException {
        long[] latencies = new long[units];
        long[] completions = new long[units];
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicInteger rejected = new AtomicInteger();
        AtomicReference<String> firstRejection = new AtomicReference<>();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>(clients);
        for (int c = 0; c < clients; c++) {
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                    int index;
                    while (failure.get() == null && (index = next.getAndIncrement()) < units) {
                        long begin = System.nanoTime();
                        try {
                            unit.run(index);
                        } catch (Rejected e) {
                            rejected.incrementAndGet();
                            firstRejection.compareAndSet(null, e.getMessage());
                        }
                        long end = System.nanoTime();
                        latencies[index] = end - begin;
                        completions[index] = end;
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            }, label + "-client-" + c);
            threads.add(thread);
            thread.start();
        }
        long[] machineBefore = machineTicks();
        double jvmBefore = jvmCpuSeconds();
        double otherBefore = processCpuSeconds(otherPid);
        long begin = System.nanoTime();
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        long nanos = System.nanoTime() - begin;
        double jvm = jvmCpuSeconds() - jvmBefore;
        double other = otherPid > 0 ? processCpuSeconds(otherPid) - otherBefore : -1;
        long[] machineAfter = machineTicks();
        if (failure.get() != null) {
            throw new IllegalStateException(label + " failed: " + failure.get().getMessage(), failure.get());
        }
        Arrays.sort(latencies);
        for (int i = 0; i < units; i++) {
            completions[i] -= begin;
        }
        Arrays.sort(completions);
        double busy = machineAfter == null || machineBefore == null ? -1
                : 1.0 - (double) (machineAfter[1] - machineBefore[1]) / Math.max(1, machineAfter[0] - machineBefore[0]);
        return new Measurement(label, (long) (units - rejected.get()) * itemsPerUnit, nanos, latencies, completions, busy, jvm, other,
                rejected.get(), firstRejection.get());
    }

    /** Share of the machine's CPU time that was busy during the next {@code millis}: what others use before a run. */
    static double machineBusy(long millis) throws InterruptedException {
        long[] before = machineTicks();
        Thread.sleep(millis);
        long[] after = machineTicks();
        return before == null || after == null ? -1 : 1.0 - (double) (after[1] - before[1]) / Math.max(1, after[0] - before[0]);
    }

    /**
     * Background work left when the last response came back (a projector catching up, a store
     * flushing, deferred updates): waits until the process (this JVM when {@code pid <= 0}) has
     * used under 5 % of one CPU for 2 consecutive seconds, at most {@code maxSeconds}.
     *
     * @return seconds until it went quiet, and the CPU seconds it used meanwhile
     */
    static double[] settle(long pid, int maxSeconds) throws InterruptedException {
        long begin = System.nanoTime();
        double cpuBegin = pid > 0 ? processCpuSeconds(pid) : jvmCpuSeconds();
        double previous = cpuBegin;
        int quiet = 0;
        long quietSince = begin;
        double cpuAtQuiet = cpuBegin;
        while (System.nanoTime() - begin < maxSeconds * 1_000_000_000L) {
            long tick = System.nanoTime();
            Thread.sleep(1_000);
            double now = pid > 0 ? processCpuSeconds(pid) : jvmCpuSeconds();
            if (now - previous < 0.05) {
                if (quiet++ == 0) {
                    quietSince = tick;
                    cpuAtQuiet = previous;
                }
                if (quiet >= 2) {
                    return new double[] { (quietSince - begin) / 1e9, cpuAtQuiet - cpuBegin };
                }
            } else {
                quiet = 0;
            }
            previous = now;
        }
        return new double[] { (System.nanoTime() - begin) / 1e9, previous - cpuBegin };
    }

    private static double jvmCpuSeconds() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime() / 1e9;
        }
        return -1;
    }

    /** Total and idle (idle + iowait) ticks of all CPUs, from /proc/stat; null where there is none. */
    private static long[] machineTicks() {
        try {
            String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < fields.length && i <= 8; i++) {
                total += Long.parseLong(fields[i]);
            }
            return new long[] { total, Long.parseLong(fields[4]) + Long.parseLong(fields[5]) };
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** user + system CPU seconds of a process, from /proc (clock ticks assumed 100 Hz). */
    static double processCpuSeconds(long pid) {
        if (pid <= 0) {
            return -1;
        }
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields[0] is field 3 (state); utime and stime are fields 14 and 15.
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
