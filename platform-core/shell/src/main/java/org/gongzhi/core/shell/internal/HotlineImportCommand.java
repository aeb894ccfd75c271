package org.gongzhi.core.shell.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.CommandException;
import org.apache.karaf.shell.support.table.ShellTable;
import org.gongzhi.core.service.BatchTooLargeException;
import org.gongzhi.core.service.hotline.HotlineBatchResult;
import org.gongzhi.core.service.hotline.HotlineFormat;
import org.gongzhi.core.service.hotline.HotlineIntake;
import org.gongzhi.core.service.hotline.HotlineRowResult;

/**
 * {@code gongzhi:hotline-import <tenant> <file>} — imports a 12345 hotline batch from a file on
 * the Karaf host (format from the extension unless {@code --format}) and prints every ticket's
 * result. Replaying a file creates nothing twice.
 */
@Service
@Command(scope = "gongzhi", name = "hotline-import",
        description = "导入 12345 热线工单批次 (import a batch of 12345 hotline tickets)")
public class HotlineImportCommand implements Action {

    @Reference
    HotlineIntake hotline;

    @Reference
    Session session;

    @Argument(index = 0, name = "tenant", description = "辖区 ID (district id)", required = true)
    String tenant;

    @Argument(index = 1, name = "file", description = "CSV、XML 或 JSON 文件 (a CSV, XML or JSON file)", required = true)
    String file;

    @Option(name = "-f", aliases = "--format", description = "csv、xml 或 json，缺省按扩展名 (default: from the extension)")
    String format;

    @Option(name = "-c", aliases = "--charset", description = "字符集，如 GBK；缺省 UTF-8 (charset, e.g. GBK; default UTF-8)")
    String charset;

    @Option(name = "-n", aliases = "--name", description = "批次名称，缺省为文件名 (batch name, default: the file name)")
    String name;

    @Override
    public Object execute() throws CommandException {
        Path path = Paths.get(file);
        if (!Files.isRegularFile(path)) {
            throw new CommandException("无法读取文件，文件不存在 (cannot read the file: no such file): " + path);
        }
        HotlineFormat f = format(path);
        Charset cs = charset(charset);
        byte[] content;
        try {
            if (Files.size(path) > HotlineIntake.MAX_BYTES) {
                throw new CommandException("文件超过 5 MiB，请拆分 (the file is over 5 MiB; split it): " + path);
            }
            content = Files.readAllBytes(path);
        } catch (IOException e) {
            throw new CommandException("无法读取文件 (cannot read the file): " + path + ": " + e.getMessage(), e);
        }
        String batch = name != null ? name : String.valueOf(path.getFileName());
        HotlineBatchResult r;
        try {
            r = Districts.call(() -> hotline.importBatch(tenant, batch, content, f, cs));
        } catch (BatchTooLargeException e) {
            throw new CommandException(Districts.oneLine(e.getMessage()), e);
        }
        print(r, session.getConsole());
        return null;
    }

    private HotlineFormat format(Path path) throws CommandException {
        String wire = format;
        if (wire == null) {
            String n = String.valueOf(path.getFileName()).toLowerCase(Locale.ROOT);
            wire = n.contains(".") ? n.substring(n.lastIndexOf('.') + 1) : "";
        }
        String given = wire;
        return HotlineFormat.fromWireName(wire).orElseThrow(() -> new CommandException(
                "无法判断文件格式，请用 --format csv|xml|json 指明 (unknown format, give --format csv|xml|json): " + given));
    }

    private static Charset charset(String name) throws CommandException {
        if (name == null) {
            return null;
        }
        try {
            return Charset.forName(name);
        } catch (IllegalArgumentException e) {
            throw new CommandException("不支持的字符集 (unsupported charset): " + name, e);
        }
    }

    private static void print(HotlineBatchResult r, PrintStream out) {
        ShellTable table = new ShellTable();
        table.column("行 Row").alignRight();
        table.column("工单编号 Ticket");
        table.column("结果 Outcome");
        table.column("案件号 Case");
        table.column("字段 Field");
        table.column("原因 Reason");
        for (HotlineRowResult row : r.rows()) {
            table.addRow().addContent(row.row(), row.ticketNumber() == null ? "-" : row.ticketNumber(), outcome(row),
                    row.caseNumber() == null ? "" : row.caseNumber(), row.field() == null ? "" : row.field(),
                    row.message() == null ? "" : Districts.oneLine(row.message()));
        }
        table.print(out);
        out.printf("批次 Batch %s: 新建 created %d, 重复 duplicate %d, 退回 rejected %d%n", r.batchName(), r.created(),
                r.duplicates(), r.rejected());
    }

    private static String outcome(HotlineRowResult row) {
        return switch (row.outcome()) {
            case CREATED -> "新建 created";
            case DUPLICATE -> "重复 duplicate";
            case REJECTED -> "退回 rejected";
        };
    }
}
