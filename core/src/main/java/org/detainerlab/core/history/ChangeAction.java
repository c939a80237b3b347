package org.detainerlab.core.history;

/** What a recorded change did to a curated item. */
public enum ChangeAction {
    CREATE, UPDATE, DELETE, IMPORT, HIDE, RESTORE
}
