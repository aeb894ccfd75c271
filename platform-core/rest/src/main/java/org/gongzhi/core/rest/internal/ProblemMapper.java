package org.gongzhi.core.rest.internal;

import javax.ws.rs.NotAllowedException;
import javax.ws.rs.NotSupportedException;
import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;
import org.apache.cxf.interceptor.Fault;

import org.gongzhi.core.casework.IllegalTransitionException;
import org.gongzhi.core.grid.InvalidCoordinateException;
import org.gongzhi.core.service.BatchTooLargeException;
import org.gongzhi.core.service.ConflictException;
import org.gongzhi.core.service.IdentityUnavailableException;
import org.gongzhi.core.service.NotFoundException;
import org.gongzhi.core.service.RateLimitedException;
import org.gongzhi.core.service.StepRefusedException;
import org.gongzhi.core.service.ValidationException;
import org.gongzhi.core.service.WrongDepartmentException;
import org.gongzhi.core.service.residents.SmsGateway;
import org.gongzhi.plugin.api.InvalidInputException;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/** Turns every failure into problem-details JSON; only our own faults become a 500. */
@Component(service = ExceptionMapper.class)
@JaxrsExtension
public final class ProblemMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemMapper.class);
    private static final String RETRY_AFTER = "Retry-After";
    private static final String TOO_MANY = "请求过于频繁 (too many requests)";
    /** Headers of a {@link WebApplicationException}'s own response that the problem keeps. */
    private static final java.util.List<String> KEPT_HEADERS = java.util.List.of(HttpHeaders.WWW_AUTHENTICATE, RETRY_AFTER,
            HttpHeaders.ALLOW);

    @Override
    public Response toResponse(Throwable e) {
        if (e instanceof Access.AccessDeniedException d) {
            return Problem.response(403, "forbidden", "无权执行该操作 (forbidden)", d.getMessage(), null);
        }
        if (e instanceof Access.TenantSuspendedException s) {
            return Access.suspended(s.tenant());
        }
        if (e instanceof IdentityUnavailableException i) {
            LOG.warn("Identity server unavailable: {}", i.getMessage());
            return Problem.response(503, "identity-unavailable", AuthenticationSeam.IDENTITY_UNAVAILABLE, i.getMessage(), null);
        }
        if (e instanceof Access.NotAuthenticatedException) {
            return AuthenticationSeam.unauthorized("Bearer realm=\"gongzhi\"", AuthenticationSeam.TOKEN_REQUIRED);
        }
        if (e instanceof EvidenceUploads.EvidenceRefused r) {
            return r.response();
        }
        if (malformedMultipart(e)) {
            return Problem.response(400, "malformed-multipart", "表单格式有误 (malformed multipart form)",
                    "multipart/form-data 请求体无法解析：缺少或找不到分隔符 (the multipart/form-data body cannot be parsed:"
                            + " its boundary is missing or not found)", "file");
        }
        if (e instanceof ValidationException v) {
            return Problem.response(400, "validation", "输入有误 (invalid input)", v.getMessage(), v.field());
        }
        if (e instanceof RateLimitedException r) {
            return Response.fromResponse(Problem.response(429, "too-many-requests", TOO_MANY,
                    r.getMessage(), r.field())).header(RETRY_AFTER, Long.toString(r.retryAfterSeconds())).build();
        }
        if (e instanceof SmsGateway.SmsUnavailableException s) {
            LOG.warn("SMS provider unavailable: {}", s.getMessage());
            return Response.fromResponse(Problem.response(503, "sms-unavailable", "短信服务暂不可用 (SMS service unavailable)",
                    "请稍后重试 (try again later)", null)).header(RETRY_AFTER, "30").build();
        }
        if (e instanceof BatchTooLargeException b) {
            return Problem.response(413, "batch-too-large", "批次过大 (batch too large)", b.getMessage(), "body");
        }
        if (e instanceof InvalidCoordinateException c) {
            return Problem.response(400, "coordinates", "坐标无效 (invalid coordinates)", c.getMessage(), c.field());
        }
        if (e instanceof WrongDepartmentException w) {
            return Problem.response(403, "wrong-department", "不是本部门的派遣 (not your department's dispatch)",
                    w.getMessage(), "department");
        }
        if (e instanceof NotFoundException n) {
            return Problem.response(404, "not-found", "资源不存在 (not found)", n.getMessage(), null);
        }
        if (e instanceof IllegalTransitionException t) {
            return Problem.response(409, "illegal-transition", "不允许的流转 (illegal transition)", t.getMessage(), "action");
        }
        if (e instanceof StepRefusedException r) {
            return Problem.response(409, "step-refused", "治理模式规则不允许此操作 (refused by the district model's rule)",
                    r.getMessage(), "action");
        }
        if (e instanceof InvalidInputException p) {
            return Problem.response(400, "validation", "输入有误 (invalid input)", p.getMessage(), p.field());
        }
        if (e instanceof ConflictException c) {
            String title = "version".equals(c.field()) ? "并发修改冲突 (concurrent change)"
                    : "与当前状态冲突 (conflict with the current state)";
            return Problem.response(409, "conflict", title, c.getMessage(), c.field());
        }
        if (e instanceof JsonProcessingException j) {
            return malformed(j);
        }
        if (e instanceof Charsets.Unsupported u) {
            return Problem.response(415, "unsupported-charset", "不支持的内容类型 (unsupported media type)", u.getMessage(),
                    "Content-Type");
        }
        if (e instanceof WebApplicationException w) {
            return web(w);
        }
        Throwable clientFault = clientFault(e.getCause());
        if (clientFault != null) { // a reader or the container wrapped a client error
            return toResponse(clientFault);
        }
        java.sql.SQLException unreachable = databaseUnreachable(e);
        if (unreachable != null) {
            LOG.warn("Database unreachable while answering a request ({}): {}", unreachable.getSQLState(),
                    unreachable.getMessage());
            return Response.fromResponse(Problem.response(503, "database-unavailable",
                    "数据库暂不可用 (database unavailable)", "请稍后重试 (try again in a moment)", null))
                    .header(RETRY_AFTER, "1").build();
        }
        LOG.error("Unexpected failure answering a request", e);
        return Problem.response(500, "internal", "服务器内部错误 (internal error)",
                "请求未能处理，已记录日志 (the request failed; it has been logged)", null);
    }

    /**
     * The SQL failure in {@code e}'s causes that says the database could not be reached or went away (a
     * restart, a failover, a cut connection): SQLSTATE class 08 (connection exception), 57P01–57P03
     * (shut down, crashed, cannot connect now) or 53300 (too many connections); null for any other failure.
     * Such a request may be repeated; it is not our fault to log as an error.
     */
    static java.sql.SQLException databaseUnreachable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.sql.SQLException sql) {
                String state = sql.getSQLState();
                if (sql instanceof java.sql.SQLTransientConnectionException || state != null
                        && (state.startsWith("08") || state.startsWith("57P0") || state.equals("53300"))) {
                    return sql;
                }
            }
        }
        return null;
    }

    /** Whether CXF refused to split a multipart/form-data body into its parts (a client's malformed form). */
    static boolean malformedMultipart(Throwable e) {
        if (!(e instanceof Fault)) {
            return false;
        }
        for (StackTraceElement frame : e.getStackTrace()) {
            if (frame.getClassName().equals("org.apache.cxf.jaxrs.provider.MultipartProvider")) {
                return true;
            }
        }
        return false;
    }

    /**
     * A body Jackson could not bind: names the field by its JSON path and says what was wrong in
     * JSON's words (never a Java type or class name).
     */
    static Response malformed(JsonProcessingException j) {
        String field = null;
        if (j instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            StringBuilder path = new StringBuilder();
            for (JsonMappingException.Reference ref : m.getPath()) {
                if (ref.getFieldName() != null) {
                    path.append(path.length() == 0 ? "" : ".").append(ref.getFieldName());
                } else if (ref.getIndex() >= 0) {
                    path.append('[').append(ref.getIndex()).append(']');
                }
            }
            field = path.length() == 0 ? null : path.toString();
        }
        LOG.debug("Malformed request body at {}: {}", field, j.getOriginalMessage());
        String detail;
        if (j instanceof JsonParseException || j instanceof StreamReadException) {
            detail = "请求体不是合法的 JSON (malformed JSON)" + location(j);
        } else if (j instanceof UnrecognizedPropertyException u) {
            detail = "未知字段 (unknown field): " + u.getPropertyName();
        } else if (j instanceof InvalidFormatException f && f.getTargetType() == String.class) {
            detail = field + " " + f.getOriginalMessage();
        } else if (j instanceof InvalidFormatException f && f.getTargetType() == org.gongzhi.core.casework.Channel.class) {
            detail = WireChannels.unknown(String.valueOf(f.getValue()));
        } else if (j instanceof InvalidFormatException f && f.getTargetType() != null) {
            detail = "值的格式无效，应为" + JsonTypes.describe(f.getTargetType());
        } else if (j instanceof MismatchedInputException m && m.getTargetType() != null) {
            detail = "类型不符，应为" + JsonTypes.describe(m.getTargetType());
        } else {
            detail = "字段值无法识别 (unreadable value)";
        }
        return Problem.response(400, "malformed-json", "请求格式有误 (malformed request)", detail,
                field == null ? "body" : field);
    }

    private static String location(JsonProcessingException j) {
        return j.getLocation() == null ? ""
                : " (第 " + j.getLocation().getLineNr() + " 行第 " + j.getLocation().getColumnNr() + " 列 / line "
                + j.getLocation().getLineNr() + ", column " + j.getLocation().getColumnNr() + ")";
    }

    /** The first client error in a cause chain (bad JSON, bad text, bad charset), or null. */
    private static Throwable clientFault(Throwable cause) {
        for (Throwable t = cause; t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof JsonProcessingException || t instanceof ValidationException || t instanceof Charsets.Unsupported) {
                return t;
            }
        }
        return null;
    }

    private Response web(WebApplicationException w) {
        int status = w.getResponse().getStatus();
        if (status >= 500 && clientFault(w.getCause()) == null) {
            LOG.error("Server error answering a request", w);
        }
        Throwable clientFault = clientFault(w.getCause());
        if (clientFault != null) {
            return toResponse(clientFault);
        }
        String title = switch (status) {
            case 401 -> "未通过身份认证 (not authenticated)";
            case 403 -> "无权执行该操作 (forbidden)";
            case 404 -> "资源不存在 (not found)";
            case 405 -> "不支持该方法 (method not allowed)";
            case 406 -> "无法提供所需格式 (not acceptable)";
            case 409 -> "与当前状态冲突 (conflict with the current state)";
            case 413 -> "请求体过大 (payload too large)";
            case 415 -> "不支持的内容类型 (unsupported media type)";
            case 429 -> TOO_MANY;
            default -> status < 500 ? "请求有误 (bad request)" : "服务器内部错误 (internal error)";
        };
        String detail = w instanceof NotAllowedException || w instanceof NotSupportedException || w.getMessage() == null
                ? title : w.getMessage();
        Response.ResponseBuilder problem = Response.fromResponse(Problem.response(status, "http-" + status, title, detail, null));
        for (String header : KEPT_HEADERS) { // a challenge, a retry time, the allowed methods
            java.util.List<Object> values = w.getResponse().getHeaders().get(header);
            if (values != null) {
                values.forEach(v -> problem.header(header, v));
            }
        }
        return problem.build();
    }
}
