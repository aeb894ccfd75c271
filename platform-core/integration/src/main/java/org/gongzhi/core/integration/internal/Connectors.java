package org.gongzhi.core.integration.internal;

import org.apache.camel.Exchange;
import org.gongzhi.core.integration.ConnectorExchange;
import org.gongzhi.core.integration.DispatchRefusedException;
import org.gongzhi.core.service.dispatch.OutboundDispatch;
import org.gongzhi.core.tenant.ConnectorDefinition;

/** Small helpers the connector routes share. */
final class Connectors {

    /**
     * The HTTP endpoint every connector calls; the real URL comes in {@link Exchange#HTTP_URI}. Answers
     * are judged by {@link #checkAnswer}, not by the component.
     */
    static final String HTTP = "http://gongzhi-department?throwExceptionOnFailure=false";

    /** Headers a connector route keeps when it clears the others: Camel's own (the redelivery counter among them). */
    static final String KEEP_HEADERS = "Camel*";

    private Connectors() {
    }

    static OutboundDispatch dispatch(Exchange ex) {
        return ex.getProperty(ConnectorExchange.DISPATCH, OutboundDispatch.class);
    }

    static ConnectorDefinition connector(Exchange ex) {
        return ex.getProperty(ConnectorExchange.CONNECTOR, ConnectorDefinition.class);
    }

    /** The option with {@code {tenant}} and {@code {department}} replaced; {@code null} when absent. */
    static String option(ConnectorDefinition c, String name, String tenant, String department) {
        String v = c.options().get(name);
        return v == null ? null : v.replace("{tenant}", tenant).replace("{department}", department);
    }

    /**
     * Judges the department system's HTTP answer: 2xx passes; a 4xx other than 408, 425 and 429 will
     * come again ({@link DispatchRefusedException}); anything else is passing
     * ({@link DepartmentUnavailableException}, with the answer's {@code Retry-After} in seconds).
     */
    static void checkAnswer(Exchange ex) throws DispatchRefusedException {
        int status = ex.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        if (status >= 200 && status < 300) {
            return;
        }
        String body = body(ex);
        String text = "HTTP " + status + (body == null || body.isBlank() ? "" : " " + clip(body.strip()));
        if (status >= 400 && status < 500 && status != 408 && status != 425 && status != 429) {
            throw new DispatchRefusedException(text);
        }
        throw new DepartmentUnavailableException(text, retryAfter(ex.getMessage().getHeader("Retry-After", String.class)));
    }

    private static java.time.Duration retryAfter(String header) {
        try {
            return header == null ? java.time.Duration.ZERO : java.time.Duration.ofSeconds(Long.parseLong(header.strip()));
        } catch (NumberFormatException e) {
            return java.time.Duration.ZERO; // an HTTP date: rare from department systems, the back-off applies
        }
    }

    private static String clip(String s) {
        return s.length() <= 300 ? s : s.substring(0, 300) + "…";
    }

    /** The response body as text, {@code null} for none. */
    static String body(Exchange ex) {
        return ex.getMessage().getBody(String.class);
    }

    /**
     * For a file a route refused (Camel moves it to {@code .error/} beside it): writes
     * {@code .error/<name>.reason.txt} saying why, and returns the reason.
     */
    static String explainRefusedFile(Exchange ex) throws java.io.IOException {
        Exception e = ex.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        java.nio.file.Path file = java.nio.file.Path.of(ex.getIn().getHeader(Exchange.FILE_PATH, String.class));
        java.nio.file.Path errors = file.getParent().resolve(".error");
        java.nio.file.Files.createDirectories(errors);
        String reason = e.getClass().getSimpleName() + ": " + e.getMessage();
        java.nio.file.Files.writeString(errors.resolve(file.getFileName() + ".reason.txt"), reason + "\n",
                java.nio.charset.StandardCharsets.UTF_8);
        return reason;
    }
}
