package org.gongzhi.loopbench;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

public class ProcCpuTest {

    @Test
    public void aCommandWithSpacesAndParenthesesDoesNotShiftTheFields() {
        ProcCpu.Stat s = ProcCpu.Stat.parse("4242 (postgres: a (b) c) S 4200 4242 4242 0 -1 4194560 1 0 0 0 "
                + "17 5 3 2 20 0 1 0 100 0 0");
        assertEquals(4200, s.ppid());
        assertEquals(17, s.utime());
        assertEquals(5, s.stime());
        assertEquals(3, s.cutime());
        assertEquals(2, s.cstime());
    }

    @Test
    public void thisJvmHasUsedCpuAndHasAParent() {
        assertTrue(ProcCpu.self() > 0);
        assertTrue(ProcCpu.parent(ProcessHandle.current().pid()) > 0);
        assertTrue(Double.isNaN(ProcCpu.server(Long.MAX_VALUE)));
    }
}
