package org.minga.territory;

/** The tiers of territorial units. A Salvadoran district is a DISTRICT of a municipality since 2024. */
public enum Level { DEPARTMENT, MUNICIPALITY, DISTRICT }
