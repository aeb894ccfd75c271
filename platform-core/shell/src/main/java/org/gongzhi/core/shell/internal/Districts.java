package org.gongzhi.core.shell.internal;

import java.io.PrintStream;
import java.util.Set;
import java.util.function.Supplier;

import org.apache.karaf.shell.support.CommandException;
import org.gongzhi.core.service.ConflictException;
import org.gongzhi.core.service.IdentityUnavailableException;
import org.gongzhi.core.service.NotFoundException;
import org.gongzhi.core.service.ValidationException;
import org.gongzhi.core.service.tenants.TenantInfo;
import org.gongzhi.core.service.tenants.TenantStatus;
import org.gongzhi.core.tenant.TenantDefinition;

/**
 * What the district lifecycle commands share: printing a district, and turning the services'
 * refusals into a one-line message. A {@link CommandException} is printed by Karaf as its message
 * alone — no stack trace, not logged as an error — and still fails the command for scripts.
 */
final class Districts {

    private Districts() {
    }

    /** Runs a service call; its refusals become a one-line {@link CommandException}. */
    static <T> T call(Supplier<T> call) throws CommandException {
        try {
            return call.get();
        } catch (NotFoundException | ConflictException | ValidationException | IdentityUnavailableException e) {
            throw refusal(e);
        }
    }

    /** The one-line message of a service's refusal (a not-found message speaks for itself). */
    static CommandException refusal(RuntimeException e) {
        String message = oneLine(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        String line;
        if (e instanceof ConflictException) {
            line = "冲突 (conflict): " + message;
        } else if (e instanceof ValidationException v) {
            line = "输入有误 (invalid input)" + (v.field() == null || v.field().isBlank() ? "" : " [" + v.field() + "]")
                    + ": " + message;
        } else if (e instanceof IdentityUnavailableException) {
            line = "身份服务不可用 (identity server unavailable): " + message;
        } else {
            line = message;
        }
        return new CommandException(line, e);
    }

    /** The text on one line: line breaks and the blanks around them become one space. */
    static String oneLine(String text) {
        return text.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    /** 正常 (active), 已暂停 (suspended). */
    static String status(TenantStatus status) {
        return switch (status) {
            case ACTIVE -> "正常 (active)";
            case SUSPENDED -> "已暂停 (suspended)";
        };
    }

    /** The identity realm's state with its time and detail, on one line. */
    static String identity(TenantInfo.IdentityState identity) {
        String state = switch (identity.state()) {
            case "PROVISIONED" -> "已开通 (provisioned)";
            case "FAILED" -> "开通失败 (failed)";
            case "NOT_CONFIGURED" -> "未配置身份服务 (no identity server configured)";
            case "UNKNOWN" -> "本次启动后尚未开通 (not provisioned since start)";
            default -> identity.state();
        };
        StringBuilder line = new StringBuilder(state);
        if (identity.at() != null) {
            line.append("  ").append(identity.at());
        }
        if (identity.detail() != null && !identity.detail().isBlank()) {
            line.append("  ").append(oneLine(identity.detail()));
        }
        return line.toString();
    }

    /** A district as {@code gongzhi:tenant-show} prints it. */
    static void print(TenantInfo info, Set<String> enabledModels, PrintStream out) {
        TenantDefinition t = info.definition();
        out.printf("%s%s (%s)   区划代码 Code: %s   城市 City: %s%n", t.name(), t.nameEn() == null ? "" : " " + t.nameEn(),
                t.id(), t.adminCode(), t.city());
        out.printf("状态 Status: %s   创建 Created: %s%n", status(info.status()), info.createdAt());
        if (info.statusChangedAt() != null || info.statusReason() != null) {
            out.printf("状态变更 Status changed: %s%s%n", info.statusChangedAt() == null ? "-" : info.statusChangedAt(),
                    info.statusReason() == null ? "" : "   原因 Reason: " + oneLine(info.statusReason()));
        }
        out.printf("案件 Cases: %d   部门 Departments: %d   网格 Grids: %d   人员 People: %d%n", info.cases(),
                t.departments().size(), t.grids().size(), t.people().size());
        out.printf("启用的治理模式 Enabled models: %s%n",
                enabledModels.isEmpty() ? "-" : String.join(", ", enabledModels.stream().sorted().toList()));
        out.printf("身份 Identity: %s%n", identity(info.identity()));
    }
}
