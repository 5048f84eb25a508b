package io.voxprint.store;

/** What an import does when an archived speaker's name is already taken in the store. */
public enum ClashPolicy {
    /** Refuse the whole import, naming the first clash. */
    REFUSE,
    /** Import under the first free name of the form "Name (2)", "Name (3)", ... */
    RENAME
}
