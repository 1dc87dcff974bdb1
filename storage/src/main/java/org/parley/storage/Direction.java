package org.parley.storage;

public enum Direction { IN, OUT }
