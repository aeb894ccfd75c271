package org.gongzhi.simulator;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/** The departments' own ticket numbers: {@code CG-20261122-000001}, counted per tenant and department. */
final class Receipts {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final ConcurrentMap<String, AtomicLong> counters = new ConcurrentHashMap<>();

    String next(String tenant, String department) {
        long n = counters.computeIfAbsent(tenant + "/" + department, k -> new AtomicLong()).incrementAndGet();
        return String.format(Locale.ROOT, "%s-%s-%06d", department.toUpperCase(Locale.ROOT),
                LocalDate.now(ZONE).format(DAY), n);
    }
}
