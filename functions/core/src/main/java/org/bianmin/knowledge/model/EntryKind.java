package org.bianmin.knowledge.model;

/** What sort of help an entry describes; decides whether the answer offers to file a request. */
public enum EntryKind {
    /** A government service: an answer is usually enough. */
    GOVERNMENT,
    /** Everyday help the hotline dispatches (repairs, locksmith, housekeeping ...). */
    SERVICE,
    /** A problem in the city someone must go and fix (noise, street vendors, broken lights ...). */
    CITY_PROBLEM
}
