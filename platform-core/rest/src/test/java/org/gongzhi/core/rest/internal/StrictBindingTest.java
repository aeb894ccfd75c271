package org.gongzhi.core.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.MultivaluedHashMap;
import javax.ws.rs.core.Response;

import org.gongzhi.core.service.ValidationException;
import org.gongzhi.core.service.cases.NewCase;
import org.junit.Test;

/** Strict JSON binding: wrong types, blank numbers, NUL, lone surrogates and bad UTF-8 are 400 naming the field. */
public class StrictBindingTest {

    private final JsonProvider provider = new JsonProvider();
    private final ProblemMapper problems = new ProblemMapper();

    @Test
    public void wellFormedBodiesStillBind() throws Exception {
        TransitionRequest t = (TransitionRequest) read(TransitionRequest.class,
                "{\"action\":\"register\",\"note\":\"已处理 😀\",\"expectedVersion\":3,\"extraWorkingDays\":2}");
        assertThat(t.expectedVersion()).isEqualTo(3L);
        assertThat(t.note()).isEqualTo("已处理 😀");
        NewCase c = (NewCase) read(NewCase.class, "{\"title\":\"t\",\"longitude\":114,\"latitude\":27.08}");
        assertThat(c.longitude()).isEqualTo(114.0);
    }

    @Test
    public void wrongTypesAreRefusedNamingTheField() {
        assertProblem(TransitionRequest.class, "{\"action\":\"register\",\"note\":12}", 400, "note");
        assertProblem(TransitionRequest.class, "{\"action\":true}", 400, "action");
        assertProblem(TransitionRequest.class, "{\"action\":\"feedback\",\"note\":[\"a\"]}", 400, "note");
        assertProblem(TransitionRequest.class, "{\"action\":\"feedback\",\"note\":{\"a\":1}}", 400, "note");
        assertProblem(NewCase.class, "{\"title\":\"t\",\"longitude\":\"114\"}", 400, "longitude");
        assertProblem(NewCase.class, "{\"title\":\"t\",\"attachments\":[1]}", 400, "attachments[0]");
    }

    @Test
    public void versionsThatAreNotIntegersAreRefused() {
        for (String v : new String[] {"\"\"", "\" \"", "\"\\u0000\"", "\"3\"", "1.5", "true"}) {
            assertProblem(TransitionRequest.class, "{\"action\":\"register\",\"expectedVersion\":" + v + "}", 400,
                    "expectedVersion");
        }
    }

    @Test
    public void documentedRangesHoldWhateverTheAction() throws Exception {
        for (String bad : new String[] {"\"satisfaction\":0", "\"satisfaction\":2147483647", "\"extraWorkingDays\":31",
                "\"extraWorkingDays\":-1", "\"expectedVersion\":-1"}) {
            TransitionRequest t = (TransitionRequest) read(TransitionRequest.class, "{\"action\":\"accept\"," + bad + "}");
            ValidationException e = (ValidationException) catchThrowable(() -> t.toCommand("tester", null));
            assertThat(e).as(bad).isNotNull();
            assertThat(bad).contains(e.field());
        }
    }

    @Test
    public void nulAndLoneSurrogatesAreRefused() {
        assertProblem(NewCase.class, "{\"title\":\"a\\u0000b\"}", 400, "title");
        assertProblem(NewCase.class, "{\"title\":\"a\\ud800b\"}", 400, "title");
        assertProblem(NewCase.class, "{\"title\":\"t\",\"address\":\"\\udc00\"}", 400, "address");
    }

    @Test
    public void overlongUtf8AndForeignCharsetsAreRefused() {
        byte[] overlong = "{\"title\":\"a\u00c0\u0080\"}".getBytes(StandardCharsets.ISO_8859_1);
        assertProblem(NewCase.class, overlong, MediaType.APPLICATION_JSON_TYPE, 400, "body");
        byte[] cesu = {'{', '"', 't', 'i', 't', 'l', 'e', '"', ':', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}'};
        assertProblem(NewCase.class, cesu, MediaType.APPLICATION_JSON_TYPE, 400, "body");
        assertProblem(NewCase.class, "{}".getBytes(StandardCharsets.UTF_8),
                MediaType.valueOf("application/json; charset=utf-7"), 415, "Content-Type");
        assertProblem(NewCase.class, "{}".getBytes(StandardCharsets.UTF_8),
                MediaType.valueOf("application/json; charset=foo"), 415, "Content-Type");
        assertProblem(NewCase.class, "{}".getBytes(StandardCharsets.UTF_8),
                MediaType.valueOf("application/json; charset=GBK"), 415, "Content-Type");
    }

    @Test
    public void problemsNameNoJavaType() {
        Response r = problem(NewCase.class, "{\"title\":\"t\",\"latitude\":{}}".getBytes(StandardCharsets.UTF_8),
                MediaType.APPLICATION_JSON_TYPE);
        Problem p = (Problem) r.getEntity();
        assertThat(p.detail()).doesNotContain("java").doesNotContain("org.gongzhi").doesNotContain("`");
        Problem unknown = (Problem) problem(NewCase.class, "{\"nope\":1}".getBytes(StandardCharsets.UTF_8),
                MediaType.APPLICATION_JSON_TYPE).getEntity();
        assertThat(unknown.field()).isEqualTo("nope");
        assertThat(unknown.detail()).doesNotContain("org.gongzhi").doesNotContain("known properties");
    }

    @Test
    public void queryParametersAreDecodedStrictly() {
        assertThat(CleanInput.decode("category", "CM%E5%9F%8E+x")).isEqualTo("CM城 x");
        for (String bad : new String[] {"a%00", "%C0%80", "%ED%A0%80", "%E5%9F", "%zz", "%4"}) {
            ValidationException e = (ValidationException) catchThrowable(() -> CleanInput.decode("category", bad));
            assertThat(e).as(bad).isNotNull();
            assertThat(e.field()).isEqualTo("category");
        }
    }

    @Test
    public void extremeDatesAreRefusedNamingTheParameter() {
        for (String bad : new String[] {"-999999999-01-01", "+1000000-01-01", "0000-01-01", "2026-13-01", "26-01-01"}) {
            ValidationException e = (ValidationException) catchThrowable(() ->
                    Params.dayStart("from", bad, java.time.ZoneId.of("Asia/Shanghai")));
            assertThat(e).as(bad).isNotNull();
            assertThat(e.field()).isEqualTo("from");
        }
        assertThat(Params.dayStart("from", "2026-11-01", java.time.ZoneId.of("Asia/Shanghai"))).isNotNull();
    }

    private Object read(Class<?> type, String json) throws Exception {
        @SuppressWarnings("unchecked")
        Class<Object> t = (Class<Object>) type;
        return provider.readFrom(t, type, new java.lang.annotation.Annotation[0], MediaType.APPLICATION_JSON_TYPE,
                new MultivaluedHashMap<>(), new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    private void assertProblem(Class<?> type, String json, int status, String field) {
        assertProblem(type, json.getBytes(StandardCharsets.UTF_8), MediaType.APPLICATION_JSON_TYPE, status, field);
    }

    private void assertProblem(Class<?> type, byte[] body, MediaType media, int status, String field) {
        Response r = problem(type, body, media);
        Problem p = (Problem) r.getEntity();
        assertThat(r.getStatus()).as(new String(body, StandardCharsets.UTF_8)).isEqualTo(status);
        assertThat(p.field()).as(new String(body, StandardCharsets.UTF_8)).isEqualTo(field);
    }

    private Response problem(Class<?> type, byte[] body, MediaType media) {
        @SuppressWarnings("unchecked")
        Class<Object> t = (Class<Object>) type;
        Throwable e = catchThrowable(() -> provider.readFrom(t, type, new java.lang.annotation.Annotation[0], media,
                new MultivaluedHashMap<>(), new ByteArrayInputStream(body)));
        assertThat(e).as("refused: " + new String(body, StandardCharsets.UTF_8)).isNotNull();
        return problems.toResponse(e);
    }
}
