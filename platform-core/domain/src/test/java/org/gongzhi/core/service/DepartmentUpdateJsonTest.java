package org.gongzhi.core.service.dispatch.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;

import org.gongzhi.core.service.ValidationException;
import org.gongzhi.core.service.dispatch.DepartmentUpdate;

import org.junit.Test;

/** A department's update as JSON: strict types and clean text, refused naming the field. */
public class DepartmentUpdateJsonTest {

    private static DepartmentUpdate read(String json) {
        return DepartmentUpdate.fromJson(json.getBytes(StandardCharsets.UTF_8), "dept-cg");
    }

    private static String refusedField(byte[] json) {
        return catchThrowableOfType(() -> DepartmentUpdate.fromJson(json, "dept-cg"), ValidationException.class).field();
    }

    private static String refusedField(String json) {
        return refusedField(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    public void aWellFormedUpdateIsRead() {
        DepartmentUpdate u = read("{\"updateId\":\"u-1\",\"status\":\"resolved\",\"note\":\"已清运 ✓\",\"photos\":[\"https://x.cn/a.jpg\"],"
                + "\"sequence\":3}");
        assertThat(u.note()).isEqualTo("已清运 ✓");
        assertThat(u.photos()).containsExactly("https://x.cn/a.jpg");
        assertThat(u.sequence()).isEqualTo(3L);
    }

    @Test
    public void wrongTypesAreRefusedNotReadAsNothing() {
        assertThat(refusedField("{\"updateId\":\"u\",\"status\":\"resolved\",\"note\":[\"a\"]}")).isEqualTo("note");
        assertThat(refusedField("{\"updateId\":\"u\",\"status\":\"resolved\",\"note\":{\"a\":1}}")).isEqualTo("note");
        assertThat(refusedField("{\"updateId\":12,\"status\":\"resolved\"}")).isEqualTo("updateId");
        assertThat(refusedField("{\"updateId\":\"u\",\"status\":true}")).isEqualTo("status");
        assertThat(refusedField("{\"updateId\":\"u\",\"status\":\"resolved\",\"photos\":[1]}")).isEqualTo("photos");
        assertThat(refusedField("{\"updateId\":\"u\",\"status\":\"resolved\",\"extra\":1}")).isEqualTo("extra");
        assertThat(refusedField("{\"updateId\":\"u\",\"status\":\"resolved\",\"receipt\":\"" + "r".repeat(129) + "\"}"))
                .isEqualTo("receipt");
        assertThat(read("{\"updateId\":\"u\",\"status\":\"resolved\",\"tenant\":\"jizhou\",\"department\":\"CG\","
                + "\"receipt\":\"CG-1\"}").updateId()).isEqualTo("u");
        assertThat(refusedField("{\"updateId\":\"u\",\"status\":\"resolved\",\"at\":\"+10000-01-01T00:00:00Z\"}"))
                .isEqualTo("at");
    }

    @Test
    public void nulLoneSurrogatesAndBadUtf8AreRefused() {
        assertThat(refusedField("{\"updateId\":\"u\\u0000\",\"status\":\"resolved\"}")).isEqualTo("updateId");
        assertThat(refusedField("{\"updateId\":\"u\",\"status\":\"resolved\",\"note\":\"\\udc00\"}")).isEqualTo("note");
        byte[] overlong = "{\"updateId\":\"u\",\"status\":\"resolved\",\"note\":\"\u00c0\u00af\"}".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(refusedField(overlong)).isEqualTo("body");
    }
}
