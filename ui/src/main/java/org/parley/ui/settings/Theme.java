package org.parley.ui.settings;

/** Appearance setting. The view maps it to AtlantaFX's Primer Light / Primer Dark. */
public enum Theme { LIGHT, DARK }
