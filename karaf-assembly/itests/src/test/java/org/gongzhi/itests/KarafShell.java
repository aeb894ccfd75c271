package org.gongzhi.itests;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;

/** Runs a Karaf shell command in the container as an operator would, and answers what it printed. */
final class KarafShell {

    private KarafShell() {
    }

    /** The command's output; a refusing command's message is what the operator reads, so it is the output. */
    static String run(SessionFactory sessions, String command) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Session session = sessions.create(System.in, out, out);
        try {
            session.execute(command);
        } catch (Exception refused) {
            out.println(refused.getMessage());
        }
        out.flush();
        session.close();
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
