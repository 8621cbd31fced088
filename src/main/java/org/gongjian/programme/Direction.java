package org.gongjian.programme;

/** Whether a target is met by rising (investment, volunteers) or by falling (days to grant a patent). */
public enum Direction { UP, DOWN }
