-- A sender commits sending_at before it hands a message over (SMTP, a robot's POST) and keeps the row locked while it
-- does, so a message whose sender died in between is recognisable afterwards: sending_at set, no outcome, the row no
-- longer locked. The mail outbox queues such a digest again (the same Message-ID lets the receiving side drop a
-- copy); a channel message, which a group robot cannot recognise as a copy, is marked unknown (unknown_at) and left
-- for an admin: it is not posted again until Resend now.
alter table outbox add column sending_at timestamptz, add column unknown_at timestamptz;
alter table channel_delivery add column sending_at timestamptz, add column unknown_at timestamptz;
-- a robot takes so many messages a minute: the sender counts the posts begun (sent, being posted, unknown) per robot
drop index channel_delivery_robot_sent;
create index channel_delivery_robot_posts on channel_delivery (url, sending_at) where sending_at is not null;
