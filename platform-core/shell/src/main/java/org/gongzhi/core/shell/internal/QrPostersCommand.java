package org.gongzhi.core.shell.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.CommandException;
import org.gongzhi.core.service.residents.GridPosters;

/**
 * {@code gongzhi:qr-posters [-b] -o <file.pdf> <tenant> <grid>} — writes the QR posters (码上办) of
 * a grid, or of every grid under it, to a PDF on the Karaf host.
 */
@Service
@Command(scope = "gongzhi", name = "qr-posters",
        description = "生成网格二维码海报 PDF（码上办） (write the QR posters of a grid as a PDF)")
public class QrPostersCommand implements Action {

    @Reference
    GridPosters posters;

    @Reference
    Session session;

    @Argument(index = 0, name = "tenant", description = "辖区 ID (district id)", required = true)
    String tenant;

    @Argument(index = 1, name = "grid", description = "网格编码 (grid code)", required = true)
    String grid;

    @Option(name = "-b", aliases = "--below", description = "其下每个网格一页 (a page for every grid under it)")
    boolean below;

    @Option(name = "-o", aliases = "--output", description = "输出的 PDF 文件 (the PDF file to write)", required = true)
    String output;

    @Override
    public Object execute() throws CommandException {
        Path file = Paths.get(output).toAbsolutePath();
        if (Files.isDirectory(file)) {
            throw new CommandException("输出路径是目录，请给出文件名 (the output is a directory; give a file name): " + file);
        }
        GridPosters.PosterFile pdf = Districts.call(() -> posters.posters(tenant, grid, below));
        try {
            Files.write(file, pdf.pdf());
        } catch (IOException e) {
            throw new CommandException("无法写入文件 (cannot write the file): " + file + ": " + e.getMessage(), e);
        }
        session.getConsole().printf("%d 页海报已写入 (%d poster pages written to) %s  %d bytes%n", pdf.pages(), pdf.pages(),
                file, pdf.pdf().length);
        return null;
    }
}
