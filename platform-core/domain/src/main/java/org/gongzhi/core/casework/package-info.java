/**
 * Case closed loop (事件闭环): statuses, actions, the lifecycle state machine, intake channels,
 * SLA tiers and category families. Pure values, no I/O.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.2.0")
package org.gongzhi.core.casework;
