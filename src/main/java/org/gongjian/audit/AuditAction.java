package org.gongjian.audit;

/** What happened to an entity; DENIED records a refused attempt, such as a forged request. */
public enum AuditAction { CREATE, UPDATE, DELETE, DENIED }
