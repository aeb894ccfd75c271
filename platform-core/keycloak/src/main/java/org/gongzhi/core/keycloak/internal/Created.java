package org.gongzhi.core.keycloak.internal;

import java.util.ArrayList;
import java.util.List;

/** What one provisioning run created or repaired, in order, e.g. {@code client dept-cg}. */
final class Created {
    private final List<String> items = new ArrayList<>();

    synchronized void add(String item) {
        items.add(item);
    }

    synchronized List<String> items() {
        return List.copyOf(items);
    }
}
