package org.gongzhi.plugin.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Told about every step of the closed loop of the tenants that enabled the listener's model.
 *
 * <p>Implemented by plugins, registered with {@value DistrictModel#MODEL_PROPERTY}; called by the
 * core after the step was committed, on a core thread, one event at a time per listener, in the
 * order of the steps of each case. Implementations may write their own records
 * ({@link PluginStorage}) but must return within a few hundred milliseconds; an exception is
 * logged and does not undo the step.
 *
 * @since 1.0
 */
@ConsumerType
public interface CaseLifecycleListener {

    void onCaseEvent(CaseEvent event);
}
