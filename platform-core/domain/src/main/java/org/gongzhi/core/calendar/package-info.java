/**
 * Working-day calendar (工作日历, with 调休 make-up workdays) and the SLA clock (时限计算)
 * that turns an SLA tier into a due instant, a warning instant and an on-time/warning/overdue state.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.gongzhi.core.calendar;
