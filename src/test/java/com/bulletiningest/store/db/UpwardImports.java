package com.bulletiningest.store.db;

import com.bulletiningest.notify.Outbox;
import com.bulletiningest.store.write.BulletinStore;

/** Two imports that break the architecture on purpose, for ArchitectureTest to prove that its rules catch them. */
public final class UpwardImports {

    public Outbox upThePipeline;
    public BulletinStore upInsideTheStore;
}
