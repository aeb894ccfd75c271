package org.gongzhi.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;

/** Assertions on JSON answers shared by the tests. */
final class JsonAssert {

    private JsonAssert() {
    }

    static void hasTriage(Api.Reply kase, String model) {
        assertEquals(kase.body().toString(), 200, kase.status());
        assertNotNull(kase.body().toString(), kase.body().get("triage"));
        assertEquals(model, kase.body().get("triage").get("model").asText());
    }
}
