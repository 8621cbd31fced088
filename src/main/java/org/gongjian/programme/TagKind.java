package org.gongjian.programme;

/** What a tag names: a place, a road, a project, a business, a document, a slogan or a keyword. */
public enum TagKind { PLACE, ROAD, PROJECT, BUSINESS, DOCUMENT, SLOGAN, KEYWORD }
