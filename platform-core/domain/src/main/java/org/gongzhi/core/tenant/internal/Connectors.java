package org.gongzhi.core.tenant.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.gongzhi.core.tenant.ConnectorDefinition;

/** Reads a {@code connector} object (a department's, the hotline reply's): {@code type} plus string options. */
public final class Connectors {

    private Connectors() {
    }

    /** The connector, or {@code null} when the field is missing; errors name the field. */
    public static ConnectorDefinition parse(Field f) {
        if (f.isMissing()) {
            return null;
        }
        if (!f.node().isObject()) {
            throw f.error("must be an object with a type and its options");
        }
        Map<String, String> options = new LinkedHashMap<>();
        f.node().fields().forEachRemaining(e -> {
            if (!e.getKey().equals("type")) {
                Field o = f.get(e.getKey());
                if (!e.getValue().isValueNode() || e.getValue().isNull()) {
                    throw o.error("must be a text, number or boolean");
                }
                options.put(e.getKey(), e.getValue().asText());
            }
        });
        try {
            return new ConnectorDefinition(f.get("type").text(true), options);
        } catch (IllegalArgumentException e) {
            throw f.error(e.getMessage(), e);
        }
    }
}
