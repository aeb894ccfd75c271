-- Which scheduler node registers which scheduled work now (gongzhi-scheduler, ADR 0027). A node
-- writes a row when a work registers on it and deletes it when the work leaves or the node stops;
-- rows of a node that died are ignored, since only nodes that check in to qrtz_scheduler_state count.
-- A stored schedule (qrtz_job_details) that no live node holds is orphaned: gongzhi:schedules lists
-- them and deletes one on request.
create table schedule_holder (
    schedule_name varchar(200) not null,
    instance_id   varchar(200) not null,
    held_since    timestamptz  not null default now(),
    primary key (schedule_name, instance_id)
);
